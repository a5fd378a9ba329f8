import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allKinds, apiVersionOf, findKind, findKindByName, findKindByResource } from '../../src/kube/kinds.js';

test('pods are core v1, namespaced, short name po, in category all, with log/exec/status subresources', () => {
  const pod = findKind('v1', 'Pod')!;
  assert.equal(pod.resource, 'pods');
  assert.equal(pod.singular, 'pod');
  assert.equal(pod.namespaced, true);
  assert.deepEqual(pod.shortNames, ['po']);
  assert.deepEqual(pod.categories, ['all']);
  assert.equal(pod.simulated, true);
  const subs = Object.fromEntries(pod.subresources.map((s) => [s.name, s]));
  for (const name of ['log', 'exec', 'status', 'eviction', 'binding', 'attach', 'portforward', 'ephemeralcontainers']) {
    assert.ok(subs[name], name);
  }
  assert.equal(subs.exec!.kind, 'PodExecOptions');
  assert.deepEqual(subs.exec!.verbs, ['create', 'get']);
  assert.equal(apiVersionOf(subs.eviction!), 'policy/v1');
});

test('only Namespace, Node, Pod, Event, ConfigMap, Secret and ServiceAccount are simulated', () => {
  const simulated = allKinds()
    .filter((k) => k.simulated)
    .map((k) => k.kind)
    .sort();
  assert.deepEqual(simulated, ['ConfigMap', 'Event', 'Namespace', 'Node', 'Pod', 'Secret', 'ServiceAccount']);
});

test('kubectl names resolve like kubectl get: short names, plurals, singulars, kinds, any case, group-qualified', () => {
  assert.equal(findKindByName('po')?.kind, 'Pod');
  assert.equal(findKindByName('Pods')?.kind, 'Pod');
  assert.equal(findKindByName('deploy')?.group, 'apps');
  assert.equal(findKindByName('deployments.apps')?.kind, 'Deployment');
  assert.equal(findKindByName('svc')?.kind, 'Service');
  assert.equal(findKindByName('ns')?.namespaced, false);
  assert.equal(findKindByName('no')?.kind, 'Node');
  assert.equal(findKindByName('crd')?.kind, 'CustomResourceDefinition');
  assert.equal(findKindByName('ev')?.group, '', 'core events win over events.k8s.io');
  assert.equal(findKindByName('events.events.k8s.io')?.group, 'events.k8s.io');
  assert.equal(findKindByName('hpa')?.version, 'v2', 'the preferred version comes first');
  assert.equal(findKindByName('hpa.v1.autoscaling')?.version, 'v1');
  assert.equal(findKindByName('netpol')?.kind, 'NetworkPolicy');
  assert.equal(findKindByName('cj')?.kind, 'CronJob');
  assert.equal(findKindByName('ConfigMap')?.resource, 'configmaps');
  assert.equal(findKindByName('nosuchthing'), undefined);
});

test('REST paths map back to kinds', () => {
  assert.equal(findKindByResource('', 'v1', 'pods')?.kind, 'Pod');
  assert.equal(findKindByResource('apps', 'v1', 'deployments')?.kind, 'Deployment');
  assert.equal(findKindByResource('autoscaling', 'v1', 'horizontalpodautoscalers')?.version, 'v1');
  assert.equal(findKindByResource('apps', 'v1', 'pods'), undefined);
});

test('kubectl get all covers the workload kinds and nothing else', () => {
  const all = allKinds()
    .filter((k) => k.categories.includes('all'))
    .map((k) => `${k.resource}.${k.group}.${k.version}`)
    .sort();
  assert.deepEqual(all, [
    'cronjobs.batch.v1',
    'daemonsets.apps.v1',
    'deployments.apps.v1',
    'horizontalpodautoscalers.autoscaling.v1',
    'horizontalpodautoscalers.autoscaling.v2',
    'jobs.batch.v1',
    'pods..v1',
    'replicasets.apps.v1',
    'replicationcontrollers..v1',
    'services..v1',
    'statefulsets.apps.v1',
  ]);
});

test('scalable workloads answer autoscaling/v1 Scale on their scale subresource', () => {
  for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet']) {
    const s = findKind('apps/v1', kind)!.subresources.find((r) => r.name === 'scale')!;
    assert.equal(apiVersionOf(s), 'autoscaling/v1');
    assert.equal(s.kind, 'Scale');
  }
});

test('every resource name and kind is unique within its group version', () => {
  const seen = new Set<string>();
  for (const k of allKinds()) {
    const key = `${apiVersionOf(k)} ${k.resource}`;
    assert.ok(!seen.has(key), key);
    seen.add(key);
    assert.equal(findKind(apiVersionOf(k), k.kind), k);
  }
});
