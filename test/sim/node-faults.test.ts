import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podStatusReason } from '../../src/kube/print/pod-columns.js';
import type { Node, Pod } from '../../src/kube/types.js';
import { getPod, makeCluster, simplePod } from './helpers.js';

test("a stopped node goes Unknown, is tainted unreachable, and its Pods are evicted after their 300 s toleration", async () => {
  const { cluster } = makeCluster({ workers: 1 });
  await cluster.apply(simplePod('victim', { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(10_000);
  assert.deepEqual((await getPod(cluster, 'victim')).spec.tolerations?.map((t) => `${t.key}:${t.effect}:${t.tolerationSeconds}`), [
    'node.kubernetes.io/not-ready:NoExecute:300',
    'node.kubernetes.io/unreachable:NoExecute:300',
  ]);
  await cluster.capabilities.nodeFaults!.stopNode('kubesim-worker');
  await cluster.advance(41_000);
  const node = (await cluster.get({ kind: 'Node', name: 'kubesim-worker' })) as Node;
  const ready = node.status!.conditions!.find((c) => c.type === 'Ready')!;
  assert.deepEqual([ready.status, ready.reason, ready.message], ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']);
  assert.deepEqual(node.spec.taints?.map((t) => `${t.key}:${t.effect}`), ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
  let pod = await getPod(cluster, 'victim');
  assert.equal(pod.status!.conditions!.find((c) => c.type === 'Ready')!.status, 'False');
  assert.equal(pod.metadata.deletionTimestamp, undefined);
  await cluster.advance(298_000);
  assert.equal((await getPod(cluster, 'victim')).metadata.deletionTimestamp, undefined);
  await cluster.advance(3_000);
  pod = await getPod(cluster, 'victim');
  assert.ok(pod.metadata.deletionTimestamp, 'marked for deletion once the toleration ran out');
  // Nobody on a dead node finishes the deletion: the Pod stays Terminating.
  await cluster.advance(120_000);
  assert.equal(podStatusReason(await getPod(cluster, 'victim')), 'Terminating');
  await cluster.capabilities.nodeFaults!.startNode('kubesim-worker');
  await cluster.advance(1_000);
  await assert.rejects(getPod(cluster, 'victim'), { reason: 'NotFound' });
  const back = (await cluster.get({ kind: 'Node', name: 'kubesim-worker' })) as Node;
  assert.equal(back.status!.conditions!.find((c) => c.type === 'Ready')!.status, 'True');
  assert.equal(back.spec.taints, undefined);
  await cluster.close();
});

test('new Pods are not scheduled onto an unreachable node', async () => {
  const { cluster } = makeCluster();
  await cluster.capabilities.nodeFaults!.stopNode('kubesim-worker');
  await cluster.advance(41_000);
  for (let i = 0; i < 4; i++) await cluster.apply(simplePod(`n${i}`, { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(1_000);
  const pods = (await cluster.list('Pod', { namespace: 'default' })).items as Pod[];
  assert.ok(pods.every((p) => p.spec.nodeName === 'kubesim-worker2'));
  await cluster.close();
});

test('eviction (drain) deletes a Pod gracefully', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('drained', { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(10_000);
  await cluster.evict({ kind: 'Pod', namespace: 'default', name: 'drained' });
  await cluster.advance(1_000);
  await assert.rejects(getPod(cluster, 'drained'), { reason: 'NotFound' });
  await cluster.close();
});
