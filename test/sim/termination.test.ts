import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podReadyColumn, podStatusReason } from '../../src/kube/print/pod-columns.js';
import type { WatchEvent } from '../../src/kube/cluster-source.js';
import type { Pod } from '../../src/kube/types.js';
import { bookPod, eventLines, getPod, makeCluster, simplePod } from './helpers.js';

test('a deleted Pod whose process ignores TERM shows Terminating for the whole grace period, then is gone', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('stubborn', { containers: [{ name: 'app', image: 'ignore-term:1' }] }));
  await cluster.advance(10_000);
  const events: WatchEvent[] = [];
  cluster.watch('Pod', { namespace: 'default', resourceVersion: (await cluster.list('Pod')).resourceVersion }, (e) => events.push(e));
  const deleted = await cluster.delete({ kind: 'Pod', namespace: 'default', name: 'stubborn' });
  assert.ok(deleted.metadata.deletionTimestamp);
  assert.equal(deleted.metadata.deletionGracePeriodSeconds, 30);
  await cluster.advance(29_000);
  const pod = await getPod(cluster, 'stubborn');
  assert.equal(podStatusReason(pod), 'Terminating');
  assert.equal(podReadyColumn(pod), '0/1');
  await cluster.advance(2_000);
  await assert.rejects(getPod(cluster, 'stubborn'), { reason: 'NotFound', message: 'pods "stubborn" not found' });
  const last = events[events.length - 1]!;
  assert.equal(last.type, 'DELETED');
  const final = last.object as Pod;
  assert.equal(final.status?.phase, 'Failed');
  assert.equal(final.status?.containerStatuses?.[0]?.state.terminated?.exitCode, 137);
  assert.ok((await eventLines(cluster, 'stubborn')).includes('Killing: Stopping container app'));
  await cluster.close();
});

test("the book's Pod stops at once on TERM and ends Succeeded before it disappears", async () => {
  const { cluster } = makeCluster();
  await cluster.apply(bookPod());
  await cluster.advance(10_000);
  const seen: string[] = [];
  cluster.watch('Pod', { namespace: 'default', resourceVersion: (await cluster.list('Pod')).resourceVersion }, (e) => seen.push(`${e.type} ${podStatusReason(e.object as Pod)} ${podReadyColumn(e.object as Pod)}`));
  await cluster.delete({ kind: 'Pod', namespace: 'default', name: 'simple-echo' });
  await cluster.advance(1_000);
  // Containers stop one by one; the kubelet then writes the terminal phase (1.27+) and deletes the Pod.
  assert.deepEqual(seen, ['MODIFIED Terminating 2/2', 'MODIFIED Terminating 0/2', 'MODIFIED Terminating 0/2', 'MODIFIED Completed 0/2', 'DELETED Completed 0/2']);
  await cluster.close();
});

test('delete with grace period 0 removes the Pod at once', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('gone', { containers: [{ name: 'app', image: 'ignore-term:1' }] }));
  await cluster.advance(10_000);
  const last = await cluster.delete({ kind: 'Pod', namespace: 'default', name: 'gone' }, { gracePeriodSeconds: 0 });
  assert.equal(last.metadata.name, 'gone');
  await assert.rejects(getPod(cluster, 'gone'), { reason: 'NotFound' });
  await cluster.close();
});

test('an image-only update restarts that container in place with restartCount 1', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(bookPod());
  await cluster.advance(10_000);
  const changed = bookPod();
  changed.spec.containers[1]!.image = 'gihyodocker/echo:v2';
  const result = await cluster.apply(changed);
  assert.equal(result.outcome, 'configured');
  await cluster.advance(10_000);
  const pod = await getPod(cluster, 'simple-echo');
  const echo = pod.status!.containerStatuses!.find((c) => c.name === 'echo')!;
  assert.equal(echo.restartCount, 1);
  assert.equal(echo.image, 'docker.io/gihyodocker/echo:v2');
  assert.equal(podStatusReason(pod), 'Running');
  assert.ok((await eventLines(cluster, 'simple-echo')).includes('Killing: Container echo definition changed, will be restarted'));
  await cluster.close();
});

test('activeDeadlineSeconds: the kubelet stops the containers and the Pod ends Failed with reason DeadlineExceeded', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('bounded', { activeDeadlineSeconds: 30, containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(29_000);
  assert.equal(podStatusReason(await getPod(cluster, 'bounded')), 'Running');
  await cluster.advance(2_000);
  const pod = await getPod(cluster, 'bounded');
  assert.equal(pod.status?.phase, 'Failed');
  assert.equal(pod.status?.reason, 'DeadlineExceeded');
  // The printer lets the container's own termination win (nginx exits 0 on TERM), as kubectl does.
  assert.equal(podStatusReason(pod), 'Completed');
  assert.equal(pod.status?.message, 'Pod was active on the node longer than the specified deadline');
  assert.ok((await eventLines(cluster, 'bounded')).includes('DeadlineExceeded: Pod was active on the node longer than the specified deadline'));
  await cluster.advance(60_000);
  assert.equal(pod.status?.containerStatuses?.[0]?.restartCount, 0);
  await cluster.close();
});

test('a preStop sleep hook delays TERM: Terminating lasts the hook, then the Pod goes', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('hooked', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { preStop: { sleep: { seconds: 5 } } } }] }));
  await cluster.advance(10_000);
  await cluster.delete({ kind: 'Pod', namespace: 'default', name: 'hooked' });
  await cluster.advance(4_000);
  assert.equal(podStatusReason(await getPod(cluster, 'hooked')), 'Terminating');
  await cluster.advance(2_000);
  await assert.rejects(getPod(cluster, 'hooked'), { reason: 'NotFound' });
  await cluster.close();
});
