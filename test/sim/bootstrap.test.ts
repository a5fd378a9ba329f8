import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podStatusReason } from '../../src/kube/print/pod-columns.js';
import type { Node, Pod } from '../../src/kube/types.js';
import { nodePodCIDR } from '../../src/sim/cluster-bootstrap.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { createSimulatedCluster } from '../../src/sim/simulated-cluster.js';
import { makeCluster } from './helpers.js';
import { createFakeRuntime } from './fake-runtime.js';

test('a fresh cluster looks like kind: namespaces, a tainted control plane, two workers, and kube-system Running', async () => {
  // The default runtime, so the system images' behaviour is the real catalog's.
  const cluster = createSimulatedCluster({ clock: new VirtualClock() });
  const namespaces = (await cluster.list('Namespace')).items.map((n) => `${n.metadata.name} ${n.status.phase}`);
  assert.deepEqual(namespaces, ['default Active', 'kube-node-lease Active', 'kube-public Active', 'kube-system Active']);
  const sa = await cluster.get({ kind: 'ServiceAccount', namespace: 'kube-public', name: 'default' });
  assert.equal(sa.metadata.name, 'default');
  const nodes = (await cluster.list('Node')).items as Node[];
  assert.deepEqual(nodes.map((n) => n.metadata.name), ['kubesim-control-plane', 'kubesim-worker', 'kubesim-worker2']);
  const [cp, w1] = nodes as [Node, Node];
  assert.deepEqual(cp.spec.taints, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  assert.equal(cp.metadata.labels!['node-role.kubernetes.io/control-plane'], '');
  assert.equal(w1.spec.podCIDR, '10.244.1.0/24');
  assert.deepEqual(w1.status!.addresses, [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kubesim-worker' }]);
  assert.deepEqual([w1.status!.capacity!.cpu, w1.status!.capacity!.memory, w1.status!.capacity!.pods], ['4', '8388608Ki', '110']);
  assert.equal(w1.status!.nodeInfo!.kubeletVersion, 'v1.32.2');
  assert.equal(w1.status!.nodeInfo!.containerRuntimeVersion, 'containerd://1.7.24');
  assert.equal(w1.status!.conditions!.find((c) => c.type === 'Ready')!.status, 'True');

  await cluster.advance(5_000);
  const system = (await cluster.list('Pod', { namespace: 'kube-system' })).items as Pod[];
  const names = system.map((p) => p.metadata.name!.replace(/^(kube-proxy|kindnet|coredns)-.*$/, '$1-x')).sort();
  assert.deepEqual(names, [
    'coredns-x',
    'coredns-x',
    'etcd-kubesim-control-plane',
    'kindnet-x',
    'kindnet-x',
    'kindnet-x',
    'kube-apiserver-kubesim-control-plane',
    'kube-controller-manager-kubesim-control-plane',
    'kube-proxy-x',
    'kube-proxy-x',
    'kube-proxy-x',
    'kube-scheduler-kubesim-control-plane',
  ]);
  assert.ok(system.every((p) => podStatusReason(p) === 'Running'), system.map((p) => `${p.metadata.name} ${podStatusReason(p)}`).join(', '));
  // Every system Pod's owner exists: the control-plane Node, the DaemonSets, coredns's ReplicaSet.
  for (const p of system) {
    const owner = p.metadata.ownerReferences![0]!;
    const stored = await cluster.get({ apiVersion: owner.apiVersion, kind: owner.kind, namespace: owner.kind === 'Node' ? undefined : 'kube-system', name: owner.name });
    assert.equal(stored.metadata.uid, owner.uid);
  }
  const services = (await cluster.list('Service')).items.map((s) => `${s.metadata.namespace}/${s.metadata.name} ${s.spec.clusterIP}`);
  assert.deepEqual(services, ['default/kubernetes 10.96.0.1', 'kube-system/kube-dns 10.96.0.10']);
  const daemonSets = (await cluster.list('DaemonSet', { namespace: 'kube-system' })).items.map((d) => `${d.metadata.name} ${d.status.numberReady}/${d.status.desiredNumberScheduled}`);
  assert.deepEqual(daemonSets, ['kindnet 3/3', 'kube-proxy 3/3']);
  await cluster.close();
});

test('pod CIDRs stay unique past 256 nodes (the cluster CIDR widens)', () => {
  const cidrs = new Set(Array.from({ length: 1001 }, (_, i) => nodePodCIDR(i)));
  assert.equal(cidrs.size, 1001);
  assert.equal(nodePodCIDR(0), '10.244.0.0/24');
  assert.equal(nodePodCIDR(300), '10.245.44.0/24');
});

test('a namespace that does not exist refuses new objects; deleting a namespace deletes what it holds', async () => {
  const { cluster } = makeCluster();
  const cmIn = (ns: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns }, data: {} });
  await assert.rejects(cluster.create(cmIn('nope')), { reason: 'NotFound', message: 'namespaces "nope" not found' });
  await cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  await cluster.create(cmIn('team'));
  await cluster.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'team' }, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } });
  await cluster.advance(10_000);
  const terminating = await cluster.delete({ kind: 'Namespace', name: 'team' });
  assert.equal(terminating.status.phase, 'Terminating');
  await assert.rejects(cluster.create({ ...cmIn('team'), metadata: { name: 'd', namespace: 'team' } }), { reason: 'Forbidden' });
  await cluster.advance(5_000);
  await assert.rejects(cluster.get({ kind: 'Namespace', name: 'team' }), { reason: 'NotFound' });
  assert.equal((await cluster.list('ConfigMap', { namespace: 'team' })).items.length, 0);
  await cluster.close();
});

test('a cluster of 1,000 workers boots with every system Pod named uniquely, even when random suffixes collide', async () => {
  const cluster = createSimulatedCluster({ clock: new VirtualClock(), workers: 1000, seed: 7, runtime: createFakeRuntime() });
  const names = (await cluster.list('Pod', { namespace: 'kube-system' })).items.map((p) => p.metadata.name);
  assert.equal(names.length, 4 + 2 + 2 * 1001);
  assert.equal(new Set(names).size, names.length);
  await cluster.close();
});
