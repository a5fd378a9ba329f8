import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectJson, tableRowJson } from '../../src/api/object-json.js';
import { tableRow } from '../../src/kube/print/table.js';
import type { KubeObject } from '../../src/kube/types.js';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', labels: { a: 'b' }, annotations: { note: 'q"uote' } },
  spec: { containers: [{ name: 'main', image: 'nginx' }], nodeName: undefined },
  status: { phase: 'Running' },
  extra: undefined,
};

test('objectJson is exactly JSON.stringify, undefined members left out', () => {
  assert.equal(objectJson(pod), JSON.stringify(pod));
});

test('a copy-on-write version sharing spec and status serialises like a fresh stringify', () => {
  assert.equal(objectJson(pod), JSON.stringify(pod));
  const next = { ...pod, metadata: { ...pod.metadata, resourceVersion: '2' } };
  assert.equal(objectJson(next), JSON.stringify(next));
});

test('table rows serialise like JSON.stringify for every includeObject', () => {
  for (const include of ['None', 'Metadata', 'Object'] as const) {
    const row = tableRow('Pod', pod, Date.now(), include);
    assert.deepEqual(JSON.parse(tableRowJson(row)), JSON.parse(JSON.stringify(row)));
  }
});
