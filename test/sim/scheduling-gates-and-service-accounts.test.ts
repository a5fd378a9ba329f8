import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../src/kube/api-error.js';
import { podStatusReason } from '../../src/kube/print/pod-columns.js';
import { getPod, makeCluster, podEvents, simplePod } from './helpers.js';

const nginx = [{ name: 'nginx', image: 'nginx:1.27' }];

test('a Pod with scheduling gates shows SchedulingGated and stays unbound, with no FailedScheduling, until its gates are removed', async () => {
  const { cluster } = makeCluster();
  await cluster.create(simplePod('gated', { containers: nginx, schedulingGates: [{ name: 'example.com/foo' }, { name: 'example.com/bar' }] }));
  await cluster.advance(30_000);
  let pod = await getPod(cluster, 'gated');
  assert.equal(podStatusReason(pod), 'SchedulingGated');
  assert.equal(pod.spec.nodeName, undefined);
  assert.deepEqual((await podEvents(cluster, 'gated')).map((e) => e.reason), []);

  await assert.rejects(
    cluster.patch({ kind: 'Pod', namespace: 'default', name: 'gated' }, 'merge', { spec: { schedulingGates: [{ name: 'example.com/foo' }, { name: 'example.com/baz' }] } }),
    (e) => isApiError(e) && e.reason === 'Invalid',
    'a gate cannot be added',
  );
  await cluster.patch({ kind: 'Pod', namespace: 'default', name: 'gated' }, 'merge', { spec: { schedulingGates: null } });
  await cluster.advance(60_000);
  pod = await getPod(cluster, 'gated');
  assert.ok(pod.spec.nodeName, 'bound once the gates are gone');
  assert.equal(podStatusReason(pod), 'Running');
  await cluster.close();
});

test('a Pod naming a ServiceAccount that does not exist is refused as the admission plugin refuses it', async () => {
  const { cluster } = makeCluster();
  await assert.rejects(
    cluster.create(simplePod('robot', { containers: nginx, serviceAccountName: 'build-robot' })),
    (e) =>
      isApiError(e) &&
      e.reason === 'Forbidden' &&
      e.message === 'pods "robot" is forbidden: error looking up service account default/build-robot: serviceaccount "build-robot" not found',
  );
  await cluster.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build-robot', namespace: 'default' } });
  await cluster.create(simplePod('robot', { containers: nginx, serviceAccountName: 'build-robot' }));
  await cluster.close();
});
