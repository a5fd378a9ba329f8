import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podStatusReason } from '../../src/kube/print/pod-columns.js';
import type { Pod } from '../../src/kube/types.js';
import { eventLines, getPod, makeCluster, simplePod } from './helpers.js';

const big = (name: string, cpu: string) => simplePod(name, { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu } } }] });

test('a Pod that fits nowhere stays Pending with the exact FailedScheduling message', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(big('huge', '5'));
  await cluster.advance(1_000);
  const pod = await getPod(cluster, 'huge');
  const message =
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
  assert.equal(podStatusReason(pod), 'Pending');
  assert.equal(pod.spec.nodeName, undefined);
  const cond = pod.status!.conditions!.find((c) => c.type === 'PodScheduled')!;
  assert.deepEqual([cond.status, cond.reason, cond.message], ['False', 'Unschedulable', message]);
  const [event] = (await cluster.list('Event', { namespace: 'default', fieldSelector: 'involvedObject.name=huge' })).items;
  assert.equal(event!.type, 'Warning');
  assert.equal(event!.reason, 'FailedScheduling');
  assert.equal(event!.message, message);
  assert.equal(event!.source?.component, 'default-scheduler');
  await cluster.close();
});

test('requests add up per node: the third 1.5-CPU Pod on a one-worker cluster does not fit', async () => {
  const { cluster } = makeCluster({ workers: 1, nodeCpu: '4' });
  for (const n of ['a', 'b', 'c']) await cluster.apply(big(n, '1500m'));
  await cluster.advance(1_000);
  const placed = await Promise.all(['a', 'b', 'c'].map(async (n) => (await getPod(cluster, n)).spec.nodeName ?? '<none>'));
  assert.deepEqual(placed, ['kubesim-worker', 'kubesim-worker', '<none>']);
  // Freeing room schedules it on the next attempt.
  await cluster.delete({ kind: 'Pod', namespace: 'default', name: 'a' }, { gracePeriodSeconds: 0 });
  await cluster.advance(2_000);
  assert.equal((await getPod(cluster, 'c')).spec.nodeName, 'kubesim-worker');
  await cluster.close();
});

test('the control-plane taint keeps ordinary Pods on the workers, spread evenly', async () => {
  const { cluster } = makeCluster();
  for (let i = 0; i < 10; i++) await cluster.apply(simplePod(`p${i}`, { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(1_000);
  const { items } = await cluster.list('Pod', { namespace: 'default' });
  const count = new Map<string, number>();
  for (const p of items as Pod[]) count.set(p.spec.nodeName!, (count.get(p.spec.nodeName!) ?? 0) + 1);
  assert.deepEqual([...count].sort(), [['kubesim-worker', 5], ['kubesim-worker2', 5]]);
  await cluster.close();
});

test('a Pod that tolerates the taint and selects the control plane runs there', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(
    simplePod('cp', {
      containers: [{ name: 'app', image: 'nginx:1.27' }],
      nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    }),
  );
  await cluster.advance(1_000);
  assert.equal((await getPod(cluster, 'cp')).spec.nodeName, 'kubesim-control-plane');
  await cluster.close();
});

test('a nodeSelector nothing matches is reported per node', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('gpu', { containers: [{ name: 'app', image: 'nginx:1.27' }], nodeSelector: { gpu: 'true' } }));
  await cluster.advance(1_000);
  const cond = (await getPod(cluster, 'gpu')).status!.conditions!.find((c) => c.type === 'PodScheduled')!;
  assert.equal(
    cond.message,
    "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  );
  await cluster.close();
});

test('a cordoned node gets the unschedulable taint and no new Pods', async () => {
  const { cluster } = makeCluster();
  await cluster.patch({ kind: 'Node', name: 'kubesim-worker' }, 'merge', { spec: { unschedulable: true } });
  const node = await cluster.get({ kind: 'Node', name: 'kubesim-worker' });
  assert.deepEqual(node.spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`), ['node.kubernetes.io/unschedulable:NoSchedule']);
  for (let i = 0; i < 4; i++) await cluster.apply(simplePod(`q${i}`, { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(1_000);
  const { items } = await cluster.list('Pod', { namespace: 'default' });
  assert.ok((items as Pod[]).every((p) => p.spec.nodeName === 'kubesim-worker2'));
  await cluster.patch({ kind: 'Node', name: 'kubesim-worker' }, 'merge', { spec: { unschedulable: null } });
  assert.equal((await cluster.get({ kind: 'Node', name: 'kubesim-worker' })).spec.taints, undefined);
  await cluster.close();
});

test('spec.nodeName bypasses the scheduler: no Scheduled event', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('pinned', { containers: [{ name: 'app', image: 'nginx:1.27' }], nodeName: 'kubesim-worker2' }));
  await cluster.advance(10_000);
  const events = await eventLines(cluster, 'pinned');
  assert.ok(!events.some((e) => e.startsWith('Scheduled')));
  assert.equal(podStatusReason(await getPod(cluster, 'pinned')), 'Running');
  await cluster.close();
});

test('after most of a big cluster\'s nodes are deleted, the next Pod is still placed on one that is left', async () => {
  // 151 nodes: each Pod looks at ~100 of them, so the next search starts far into the list.
  const { cluster } = makeCluster({ workers: 150 });
  await cluster.apply(simplePod('first', { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(1_000);
  for (let i = 50; i <= 150; i++) await cluster.delete({ apiVersion: 'v1', kind: 'Node', name: `kubesim-worker${i}` });
  await cluster.apply(simplePod('after', { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(1_000);
  const node = (await getPod(cluster, 'after')).spec.nodeName;
  assert.match(node ?? '', /^kubesim-worker([1-9]|[1-4]\d)?$/);
  await cluster.close();
});
