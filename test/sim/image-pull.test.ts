import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podStatusReason } from '../../src/kube/print/pod-columns.js';
import type { Pod } from '../../src/kube/types.js';
import { eventLines, getPod, makeCluster, simplePod } from './helpers.js';

test('a misspelled image gives ErrImagePull, then ImagePullBackOff, retried after 10 s then 20 s', async () => {
  const { cluster, clock } = makeCluster();
  const seen: string[] = [];
  cluster.watch('Pod', { namespace: 'default' }, (e) => {
    const s = podStatusReason(e.object as Pod);
    if (seen[seen.length - 1] !== s) seen.push(`${s}@${clock.now()}`.split('@')[0]!);
  });
  await cluster.apply(simplePod('typo', { containers: [{ name: 'echo', image: 'gihyodocker/ecoh:latest' }] }));
  await cluster.advance(2_500);
  let pod = await getPod(cluster, 'typo');
  assert.equal(podStatusReason(pod), 'ErrImagePull');
  assert.match(pod.status!.containerStatuses![0]!.state.waiting!.message!, /pull access denied/);
  await cluster.advance(1_000);
  pod = await getPod(cluster, 'typo');
  assert.equal(podStatusReason(pod), 'ImagePullBackOff');
  assert.equal(pod.status!.containerStatuses![0]!.state.waiting!.message, 'Back-off pulling image "gihyodocker/ecoh:latest"');
  await cluster.advance(60_000);
  assert.deepEqual(seen.slice(0, 7), ['Pending', 'ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull']);
  const events = await eventLines(cluster, 'typo');
  assert.ok(events.some((e) => e.startsWith('Failed: Failed to pull image "gihyodocker/ecoh:latest": rpc error')));
  assert.ok(events.includes('Failed: Error: ErrImagePull'));
  assert.ok(events.includes('BackOff: Back-off pulling image "gihyodocker/ecoh:latest"'));
  assert.ok(events.includes('Failed: Error: ImagePullBackOff'));
  const pulling = (await cluster.list('Event', { namespace: 'default', fieldSelector: 'involvedObject.name=typo,reason=Pulling' })).items[0]!;
  assert.ok((pulling.count as number) >= 3, 'repeated pulls aggregate into one event with a count');
  await cluster.close();
});

test('IfNotPresent uses the node cache the second time: "already present on machine"', async () => {
  const { cluster } = makeCluster({ workers: 1 });
  await cluster.apply(simplePod('a', { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(10_000);
  await cluster.apply(simplePod('b', { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(10_000);
  assert.deepEqual(await eventLines(cluster, 'b'), [
    'Scheduled: Successfully assigned default/b to kubesim-worker',
    'Pulled: Container image "nginx:1.27" already present on machine',
    'Created: Created container: app',
    'Started: Started container app',
  ]);
  assert.equal(podStatusReason(await getPod(cluster, 'b')), 'Running');
  await cluster.close();
});

test('imagePullPolicy Never with an absent image gives ErrImageNeverPull', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('never', { containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'Never' }] }));
  await cluster.advance(5_000);
  const pod = await getPod(cluster, 'never');
  assert.equal(podStatusReason(pod), 'ErrImageNeverPull');
  assert.equal(pod.status!.containerStatuses![0]!.state.waiting!.message, 'Container image "nginx:1.27" is not present with pull policy of Never');
  await cluster.close();
});

test('an invalid image reference gives InvalidImageName and no pull', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('bad', { containers: [{ name: 'app', image: 'Nginx:latest' }] }));
  await cluster.advance(5_000);
  assert.equal(podStatusReason(await getPod(cluster, 'bad')), 'InvalidImageName');
  await cluster.close();
});

test('a second Pod pulling behind the first waits, and its Pulled event says so', async () => {
  const { cluster } = makeCluster({ workers: 1 });
  await cluster.apply(simplePod('one', { containers: [{ name: 'app', image: 'redis:7' }] }));
  await cluster.apply(simplePod('two', { containers: [{ name: 'app', image: 'redis:7', imagePullPolicy: 'Always' }] }));
  await cluster.advance(10_000);
  const pulled = (await eventLines(cluster, 'two')).find((e) => e.startsWith('Pulled'));
  assert.equal(pulled, 'Pulled: Successfully pulled image "redis:7" in 250ms (2.25s including waiting). Image size: 12345678 bytes.');
  await cluster.close();
});
