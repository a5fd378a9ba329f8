import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFollower, LOG_CAPACITY } from '../../src/ui/model/log-follower.js';
import { LogRing } from '../../src/ui/model/log-ring.js';
import { FakeCluster, makePod } from './fake-cluster.js';
import { waitFor } from './wait-for.js';

test('the log ring keeps the newest lines only, addressed oldest first', () => {
  const ring = new LogRing(3);
  for (let i = 0; i < 5; i++) ring.push({ container: 'c', time: i, stream: 'stdout', text: `l${i}` });
  assert.equal(ring.size, 3);
  assert.equal(ring.total, 5);
  assert.deepEqual(ring.slice(0, 3).map((e) => e.text), ['l2', 'l3', 'l4']);
});

test('memory stays bounded: a follower keeps at most LOG_CAPACITY lines however many arrive', async () => {
  const c = new FakeCluster();
  c.put(makePod('noisy', { node: 'w', containers: [{ name: 'app', running: true, ready: true }] }));
  const f = new LogFollower(c, () => {});
  f.sync(c.objects.get('Pod/default/noisy') as never, false);
  await waitFor(() => c.followers('default', 'noisy', 'app') === 1, 'a follow stream');
  for (let i = 0; i < LOG_CAPACITY * 3; i++) c.log('default', 'noisy', 'app', `line ${i}`);
  assert.equal(f.ring.size, LOG_CAPACITY);
  assert.equal(f.entries(undefined).at(-1)!.text, `line ${LOG_CAPACITY * 3 - 1}`);
  f.stopAll();
  assert.equal(c.followers('default', 'noisy', 'app'), 0, 'streams are closed when the selection moves on');
});

test('a container waiting to start is asked again when its reason changes, so the notice is current', async () => {
  const c = new FakeCluster();
  const pod = (reason: string) => makePod('img', { phase: 'Pending', node: 'w', containers: [{ name: 'app', waiting: { reason } }] });
  c.put(pod('ContainerCreating'));
  const f = new LogFollower(c, () => {});
  f.sync(c.objects.get('Pod/default/img') as never, false);
  await waitFor(() => f.notices.get('app')?.includes('ContainerCreating'), 'first notice');
  c.put(pod('ImagePullBackOff'));
  f.sync(c.objects.get('Pod/default/img') as never, false);
  await waitFor(() => f.notices.get('app')?.includes('ImagePullBackOff'), 'notice updated');
  f.stopAll();
});

test('switching to another Pod or to the previous instance starts over', async () => {
  const c = new FakeCluster();
  c.put(makePod('a', { node: 'w' }));
  c.put(makePod('b', { node: 'w' }));
  c.log('default', 'a', 'main', 'from a');
  c.log('default', 'b', 'main', 'from b');
  const f = new LogFollower(c, () => {});
  f.sync(c.objects.get('Pod/default/a') as never, false);
  await waitFor(() => f.ring.size === 1, 'a line of a');
  f.sync(c.objects.get('Pod/default/b') as never, false);
  await waitFor(() => f.entries(undefined)[0]?.text === 'from b', 'only b');
  assert.equal(f.ring.size, 1);
  f.sync(c.objects.get('Pod/default/b') as never, true);
  await waitFor(() => f.notices.get('main')?.includes('previous terminated container'), 'no previous instance');
  f.stopAll();
});
