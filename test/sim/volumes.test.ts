import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, KubeObject, Pod } from '../../src/kube/types.js';
import { checkVolumes, containerFiles, containerMounts, VolumeMountError } from '../../src/sim/volumes.js';
import type { ConfigLookup } from '../../src/sim/container-env.js';

const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const PROJECTION = {
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
};

function lookupOf(objects: KubeObject[]): ConfigLookup {
  const find = (kind: string) => (namespace: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);
  return { configMap: find('ConfigMap'), secret: find('Secret') };
}

const rootCA = (namespace: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace }, data: { 'ca.crt': `CA of ${namespace}\n` } });

function podWith(name: string, namespace: string, container: Container, volumes: NonNullable<Pod['spec']['volumes']>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [container], volumes }, status: { podIP: '10.244.1.7' } } as Pod;
}

function tokenPod(name: string, namespace = 'default'): { pod: Pod; container: Container } {
  const container: Container = { name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'kube-api-access-x', readOnly: true, mountPath: TOKEN_PATH }] };
  return { pod: podWith(name, namespace, container, [{ name: 'kube-api-access-x', projected: PROJECTION }]), container };
}

test('a container sees the kubelet files first, then its service-account token, ca.crt and namespace, like a Map of them', () => {
  const { pod, container } = tokenPod('web-1');
  const files = containerFiles(pod, container, lookupOf([rootCA('default')]));
  assert.deepEqual([...files.keys()], ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', `${TOKEN_PATH}/token`, `${TOKEN_PATH}/ca.crt`, `${TOKEN_PATH}/namespace`]);
  assert.equal(files.size, 6);
  assert.equal(files.get('/etc/hostname'), 'web-1\n');
  assert.match(files.get('/etc/hosts')!, /^# Kubernetes-managed hosts file\.\n127\.0\.0\.1\tlocalhost\n[^]*\n10\.244\.1\.7\tweb-1\n$/);
  assert.equal(files.get('/etc/resolv.conf'), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  assert.equal(files.get(`${TOKEN_PATH}/ca.crt`), 'CA of default\n');
  assert.equal(files.get(`${TOKEN_PATH}/namespace`), 'default');
  assert.match(files.get(`${TOKEN_PATH}/token`)!, /^eyJ/);
  assert.equal(files.has('/etc/passwd'), false);
  assert.deepEqual(new Map(files), new Map([...files.keys()].map((k) => [k, files.get(k)])));
});

test('Pods in other namespaces see their own namespace and CA, and Pods alike see the same files', () => {
  const lookup = lookupOf([rootCA('default'), rootCA('shop')]);
  const a = containerFiles(tokenPod('a').pod, tokenPod('a').container, lookup);
  const b = containerFiles(tokenPod('b').pod, tokenPod('b').container, lookup);
  const c = containerFiles(tokenPod('c', 'shop').pod, tokenPod('c', 'shop').container, lookup);
  assert.equal(c.get(`${TOKEN_PATH}/namespace`), 'shop');
  assert.equal(c.get(`${TOKEN_PATH}/ca.crt`), 'CA of shop\n');
  assert.notEqual(c.get(`${TOKEN_PATH}/token`), a.get(`${TOKEN_PATH}/token`));
  assert.equal(b.get(`${TOKEN_PATH}/token`), a.get(`${TOKEN_PATH}/token`));
  assert.equal(b.get('/etc/hostname'), 'b\n');
  assert.equal(containerFiles(tokenPod('a2').pod, tokenPod('a2').container, lookup).get(`${TOKEN_PATH}/namespace`), 'default');
});

test('a volume mounted over /etc/hosts hides the kubelet file in its place; a subPath mounts one key as a file', () => {
  const container: Container = {
    name: 'app',
    image: 'busybox',
    volumeMounts: [
      { name: 'hosts', mountPath: '/etc/hosts', subPath: 'hosts' },
      { name: 'conf', mountPath: '/etc/app/' },
    ],
  };
  const pod = podWith('p', 'default', container, [
    { name: 'hosts', configMap: { name: 'hosts' } },
    { name: 'conf', configMap: { name: 'conf' } },
  ]);
  const files = containerFiles(pod, container, lookupOf([
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hosts', namespace: 'default' }, data: { hosts: '10.0.0.1 db\n', other: 'x' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'conf', namespace: 'default' }, data: { 'a.conf': 'A', 'b.conf': 'B' } },
  ]));
  assert.deepEqual([...files.keys()], ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/etc/app/a.conf', '/etc/app/b.conf']);
  assert.equal(files.get('/etc/hosts'), '10.0.0.1 db\n');
  assert.equal(files.get('/etc/app/b.conf'), 'B');
  assert.throws(() => files.set('/etc/hosts', 'no'), TypeError);
});

test('a missing ConfigMap or Secret fails the mount unless optional; checkVolumes says so before any container starts', () => {
  const container: Container = { name: 'app', image: 'busybox', volumeMounts: [{ name: 'cfg', mountPath: '/cfg' }] };
  const pod = podWith('p', 'default', container, [{ name: 'cfg', configMap: { name: 'absent' } }]);
  assert.throws(() => checkVolumes(pod, lookupOf([])), (e: unknown) => e instanceof VolumeMountError && e.message === 'MountVolume.SetUp failed for volume "cfg" : configmap "absent" not found');
  assert.throws(() => containerFiles(pod, container, lookupOf([])), VolumeMountError);
  const secretPod = podWith('p', 'default', container, [{ name: 'cfg', projected: { sources: [{ secret: { name: 'creds' } }] } }]);
  assert.throws(() => checkVolumes(secretPod, lookupOf([])), /secret "creds" not found/);
  const optional = podWith('p', 'default', container, [{ name: 'cfg', configMap: { name: 'absent', optional: true } }]);
  checkVolumes(optional, lookupOf([]));
  assert.deepEqual([...containerFiles(optional, container, lookupOf([])).keys()], ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf']);
});

test('mounts: volumes from the API are read-only, an emptyDir is the one Map every container of the Pod writes to', () => {
  const { pod, container } = tokenPod('web-1');
  assert.deepEqual(containerMounts(pod, container, () => assert.fail('no emptyDir')), [{ path: TOKEN_PATH, readOnly: true }]);
  const dirs = new Map<string, Map<string, string>>();
  const withScratch: Container = { name: 'app', image: 'busybox', volumeMounts: [{ name: 'scratch', mountPath: '/scratch/' }, { name: 'cfg', mountPath: '/cfg', readOnly: false }] };
  const pod2 = podWith('p', 'default', withScratch, [{ name: 'scratch', emptyDir: {} }, { name: 'cfg', configMap: { name: 'c' } }]);
  const mounts = containerMounts(pod2, withScratch, () => dirs);
  assert.deepEqual(mounts, [{ path: '/scratch', shared: dirs.get('scratch') }, { path: '/cfg', readOnly: true }]);
  assert.equal(containerMounts(pod2, withScratch, () => dirs)[0]!.shared, dirs.get('scratch'));
});
