import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/kube/types.js';
import { serverSideApply } from '../../../src/kube/merge/server-side-apply.js';
import { ApiError } from '../../../src/kube/api-error.js';

const T1 = '2026-11-28T10:00:00Z';
const T2 = '2026-11-28T10:05:00Z';

function config(image = 'nginx:1.25', labels: Record<string, string> = { app: 'web' }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels },
    spec: { containers: [{ name: 'web', image }] },
  };
}

test('server-side apply of a missing object creates it with one Apply entry recording its fields', () => {
  const out = serverSideApply(undefined, config(), { manager: 'kubectl', time: T1 });
  assert.equal(out.spec.containers[0].image, 'nginx:1.25');
  assert.deepEqual(out.metadata.managedFields, [
    {
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
      },
    },
  ]);
});

test('applying again merges the change, keeps what the cluster filled in and replaces the entry', () => {
  const live = serverSideApply(undefined, config(), { manager: 'kubectl', time: T1 });
  live.status = { phase: 'Running' };
  live.spec.restartPolicy = 'Always';
  const out = serverSideApply(live, config('nginx:1.27'), { manager: 'kubectl', time: T2 });
  assert.equal(out.spec.containers[0].image, 'nginx:1.27');
  assert.equal(out.spec.restartPolicy, 'Always');
  assert.deepEqual(out.status, { phase: 'Running' });
  assert.equal(out.metadata.managedFields?.length, 1);
  assert.equal(out.metadata.managedFields?.[0]?.time, T2);
  assert.equal(live.spec.containers[0].image, 'nginx:1.25', 'the live object is not mutated');
});

test('a label the manager stops applying is removed when no one else owns it', () => {
  const live = serverSideApply(undefined, config('nginx:1.25', { app: 'web', tier: 'front' }), { manager: 'kubectl', time: T1 });
  const out = serverSideApply(live, config('nginx:1.25', { app: 'web' }), { manager: 'kubectl', time: T2 });
  assert.deepEqual(out.metadata.labels, { app: 'web' });
});

test('changing a field another manager applied is a 409 conflict with the API server\'s message', () => {
  const live = serverSideApply(undefined, config(), { manager: 'other', time: T1 });
  assert.throws(
    () => serverSideApply(live, config('nginx:1.27'), { manager: 'kubectl', time: T2 }),
    (e: unknown) =>
      e instanceof ApiError &&
      e.code === 409 &&
      e.reason === 'Conflict' &&
      e.message === 'Apply failed with 1 conflict: conflict with "other": .spec.containers[name="web"].image' &&
      e.status.details?.causes?.[0]?.field === '.spec.containers[name="web"].image',
  );
});

test('an Update manager is named with its API version in the conflict', () => {
  const live = serverSideApply(undefined, config(), { manager: 'kubectl', time: T1 });
  live.metadata.managedFields!.push({
    manager: 'kubectl-client-side-apply',
    operation: 'Update',
    apiVersion: 'v1',
    fieldsType: 'FieldsV1',
    fieldsV1: { 'f:metadata': { 'f:labels': { 'f:app': {} } } },
  });
  assert.throws(
    () => serverSideApply(live, config('nginx:1.25', { app: 'db' }), { manager: 'kubectl', time: T2 }),
    /^ApiError: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: \.metadata\.labels\.app$/,
  );
});

test('applying the same value another manager owns is no conflict; force takes the field over', () => {
  const live = serverSideApply(undefined, config(), { manager: 'other', time: T1 });
  assert.doesNotThrow(() => serverSideApply(live, config(), { manager: 'kubectl', time: T2 }));
  const forced = serverSideApply(live, config('nginx:1.27'), { manager: 'kubectl', time: T2, force: true });
  assert.equal(forced.spec.containers[0].image, 'nginx:1.27');
  const other = forced.metadata.managedFields?.find((e) => e.manager === 'other');
  assert.deepEqual(other?.fieldsV1, {
    'f:metadata': { 'f:labels': { 'f:app': {} } },
    'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:name': {} } } },
  });
});

test('status and managedFields in the configuration are not applied', () => {
  const c = config();
  c.status = { phase: 'Succeeded' };
  c.metadata.managedFields = [{ manager: 'x', operation: 'Update' }];
  const out = serverSideApply(undefined, c, { manager: 'kubectl', time: T1 });
  assert.equal(out.status, undefined);
  assert.deepEqual(
    out.metadata.managedFields?.map((e) => e.manager),
    ['kubectl'],
  );
});
