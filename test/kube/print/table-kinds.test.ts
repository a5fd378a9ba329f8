import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasKindPrinter, toTable } from '../../../src/kube/print/table.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { NOW, ago } from './pod-fixtures.js';

function obj(kind: string, rest: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'default', creationTimestamp: ago(30), ...meta }, ...rest };
}
const cells = (o: KubeObject) => toTable(o.kind, [o], NOW).rows[0].cells;
const names = (kind: string) => toTable(kind, [], NOW).columnDefinitions.map((c) => (c.priority ? `${c.name}*` : c.name));

test('Endpoints list up to three addresses with ports, then how many more', () => {
  assert.deepEqual(names('Endpoints'), ['Name', 'Endpoints', 'Age']);
  const subsets = [{ addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip) => ({ ip })), ports: [{ port: 8080 }] }];
  assert.deepEqual(cells(obj('Endpoints', { subsets })), ['x', '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...', '30s']);
  assert.deepEqual(cells(obj('Endpoints')), ['x', '<none>', '30s']);
});

test('EndpointSlices print address type, ports and addresses, <unset> when empty', () => {
  const slice = obj('EndpointSlice', { addressType: 'IPv4', ports: [{ port: 80 }, { name: 'http' }], endpoints: [{ addresses: ['10.0.0.1'] }] });
  assert.deepEqual(cells(slice), ['x', 'IPv4', '80,http', '10.0.0.1', '30s']);
  assert.deepEqual(cells(obj('EndpointSlice', { addressType: 'IPv4' })), ['x', 'IPv4', '<unset>', '<unset>', '30s']);
});

test('Ingresses print class, hosts, address and ports', () => {
  assert.deepEqual(names('Ingress'), ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
  const ing = obj('Ingress', { spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example' }, { host: 'b.example' }], tls: [{}] }, status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } } });
  assert.deepEqual(cells(ing), ['x', 'nginx', 'a.example,b.example', '192.0.2.1', '80, 443', '30s']);
  assert.deepEqual(cells(obj('Ingress', { spec: {} })), ['x', '<none>', '*', '', '80', '30s']);
});

test('PersistentVolumeClaims show capacity and access modes only once bound', () => {
  assert.deepEqual(names('PersistentVolumeClaim'), ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode*']);
  const bound = obj('PersistentVolumeClaim', {
    spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem' },
    status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
  });
  assert.deepEqual(cells(bound), ['x', 'Bound', 'pv-1', '1Gi', 'RWO', 'standard', '<unset>', '30s', 'Filesystem']);
  assert.deepEqual(cells(obj('PersistentVolumeClaim', { spec: {}, status: { phase: 'Pending' } })), ['x', 'Pending', '', '', '', '', '<unset>', '30s', '<unset>']);
});

test('PersistentVolumes and StorageClasses print their upstream cells', () => {
  const pv = obj('PersistentVolume', {
    spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'slow' },
    status: { phase: 'Bound' },
  });
  assert.deepEqual(cells(pv), ['x', '10Gi', 'RWO,RWX', 'Retain', 'Bound', 'default/data', 'slow', '<unset>', '', '30s', '<unset>']);
  const sc = obj('StorageClass', { provisioner: 'rancher.io/local-path' }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } });
  assert.deepEqual(cells(sc), ['x (default)', 'rancher.io/local-path', 'Delete', 'Immediate', false, '30s']);
});

test('RoleBindings print the role and, wide, users, groups and service accounts', () => {
  assert.deepEqual(names('RoleBinding'), ['Name', 'Role', 'Age', 'Users*', 'Groups*', 'ServiceAccounts*']);
  const rb = obj('RoleBinding', {
    roleRef: { kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }, { kind: 'User', name: 'bob' }],
  });
  assert.deepEqual(cells(rb), ['x', 'ClusterRole/view', '30s', 'alice, bob', 'devs', 'tools/ci']);
});

test('PriorityClass, Lease, ControllerRevision and ResourceQuota print their upstream cells', () => {
  assert.deepEqual(cells(obj('PriorityClass', { value: 1000, preemptionPolicy: 'PreemptLowerPriority' })), ['x', 1000, false, '30s', 'PreemptLowerPriority']);
  assert.deepEqual(cells(obj('Lease', { spec: { holderIdentity: 'sim-node-1' } })), ['x', 'sim-node-1', '30s']);
  const rev = obj('ControllerRevision', { revision: 2 }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'u', controller: true }] });
  assert.deepEqual(cells(rev), ['x', 'daemonset.apps/fluentd', 2, '30s']);
  const quota = obj('ResourceQuota', { status: { hard: { pods: '10', 'limits.cpu': '4', 'requests.cpu': '2' }, used: { pods: '3', 'limits.cpu': '500m' } } });
  assert.deepEqual(cells(quota), ['x', 'pods: 3/10, requests.cpu: 0/2', 'limits.cpu: 500m/4', '30s']);
});

test('PodDisruptionBudgets, ReplicationControllers and HPAs print their upstream cells', () => {
  assert.deepEqual(cells(obj('PodDisruptionBudget', { spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } })), ['x', '50%', 'N/A', 1, '30s']);
  const rc = obj('ReplicationController', { spec: { replicas: 2, selector: { app: 'web' }, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } }, status: { replicas: 2, readyReplicas: 2 } });
  assert.deepEqual(cells(rc), ['x', 2, 2, 2, '30s', 'web', 'nginx', 'app=web']);
  const hpa = obj('HorizontalPodAutoscaler', {
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] },
    status: { currentReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 40 } } }] },
  });
  assert.deepEqual(cells(hpa), ['x', 'Deployment/web', 'cpu: 40%/80%', '1', 5, 2, '30s']);
});

test('kinds the API server prints with the default convertor have no printer of their own', () => {
  for (const kind of ['Role', 'ClusterRole', 'LimitRange', 'CustomResourceDefinition']) assert.equal(hasKindPrinter(kind), false, kind);
  for (const kind of ['Pod', 'Node', 'Event', 'Deployment', 'Ingress', 'PersistentVolumeClaim']) assert.equal(hasKindPrinter(kind), true, kind);
});
