import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonPatch } from '../../../src/kube/merge/json-patch.js';
import { jsonMergePatch } from '../../../src/kube/merge/json-merge-patch.js';
import { ApiError } from '../../../src/kube/api-error.js';
import type { KubeObject } from '../../../src/kube/types.js';

function pod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'web', 'example.com/tier': 'front' } },
    spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] },
  };
}

/** The cause the API server puts under its generic 422 message. */
function rejectedWith(detail: string) {
  return (e: unknown) =>
    e instanceof ApiError &&
    e.code === 422 &&
    e.reason === 'Invalid' &&
    e.message === 'the server rejected our request due to an error in our request' &&
    e.status.details?.causes?.[0]?.reason === 'UnexpectedServerResponse' &&
    e.status.details?.causes?.[0]?.message === detail;
}

test('json patch add sets a member and inserts into an array, "-" appends', () => {
  const out = applyJsonPatch(pod(), [
    { op: 'add', path: '/metadata/labels/env', value: 'prod' },
    { op: 'add', path: '/spec/containers/1', value: { name: 'mid', image: 'm' } },
    { op: 'add', path: '/spec/containers/-', value: { name: 'last', image: 'l' } },
  ]);
  assert.equal(out.metadata.labels?.env, 'prod');
  assert.deepEqual(
    out.spec.containers.map((c: { name: string }) => c.name),
    ['a', 'mid', 'b', 'last'],
  );
});

test('json patch remove deletes a member and an array item; ~1 in a pointer stands for /', () => {
  const out = applyJsonPatch(pod(), [
    { op: 'remove', path: '/metadata/labels/example.com~1tier' },
    { op: 'remove', path: '/spec/containers/0' },
  ]);
  assert.deepEqual(out.metadata.labels, { app: 'web' });
  assert.deepEqual(out.spec.containers, [{ name: 'b', image: 'b:1' }]);
});

test('json patch replace swaps a value in place', () => {
  const out = applyJsonPatch(pod(), [{ op: 'replace', path: '/spec/containers/0/image', value: 'a:2' }]);
  assert.equal(out.spec.containers[0]!.image, 'a:2');
});

test('json patch move and copy take the value from "from"', () => {
  const out = applyJsonPatch(pod(), [
    { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copied' },
    { op: 'move', from: '/spec/containers/0', path: '/spec/containers/-' },
  ]);
  assert.equal((out.metadata.labels as Record<string, string>).copied, 'web');
  assert.deepEqual(
    out.spec.containers.map((c: { name: string }) => c.name),
    ['b', 'a'],
  );
});

test('json patch test passes on an equal value and lets the next operations run', () => {
  const out = applyJsonPatch(pod(), [
    { op: 'test', path: '/spec/containers/0', value: { image: 'a:1', name: 'a' } },
    { op: 'replace', path: '/metadata/name', value: 'q' },
  ]);
  assert.equal(out.metadata.name, 'q');
});

test('a failing json patch test is the API server\'s 422 with the library\'s cause, and nothing is changed', () => {
  const original = pod();
  assert.throws(
    () =>
      applyJsonPatch(original, [
        { op: 'replace', path: '/metadata/name', value: 'q' },
        { op: 'test', path: '/metadata/labels/app', value: 'db' },
      ]),
    rejectedWith('testing value /metadata/labels/app failed: test failed'),
  );
  assert.equal(original.metadata.name, 'p');
});

test('json patch on a path that does not exist fails with the library\'s wording', () => {
  assert.throws(
    () => applyJsonPatch(pod(), [{ op: 'add', path: '/spec/nope/x', value: 1 }]),
    rejectedWith('add operation does not apply: doc is missing path: "/spec/nope/x": missing value'),
  );
  assert.throws(
    () => applyJsonPatch(pod(), [{ op: 'remove', path: '/metadata/labels/nope' }]),
    rejectedWith("error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value"),
  );
  assert.throws(
    () => applyJsonPatch(pod(), [{ op: 'remove', path: '/spec/containers/5' }]),
    rejectedWith("error in remove for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced"),
  );
  assert.throws(
    () => applyJsonPatch(pod(), [{ op: 'replace', path: '/spec/containers/9', value: {} }]),
    rejectedWith('replace operation does not apply: doc is missing key: /spec/containers/9: missing value'),
  );
  assert.throws(() => applyJsonPatch(pod(), [{ op: 'frobnicate', path: '/a' }]), rejectedWith('Unexpected kind: frobnicate'));
});

test('a json patch that is not a list of operations is a bad request', () => {
  assert.throws(() => applyJsonPatch(pod(), { op: 'add' }), (e: unknown) => e instanceof ApiError && e.code === 400);
});

test('merge patch: null deletes, objects merge, arrays and scalars replace', () => {
  const out = jsonMergePatch(pod(), {
    metadata: { labels: { app: null, env: 'prod' } },
    spec: { containers: [{ name: 'only', image: 'x' }] },
  });
  assert.deepEqual(out.metadata, { name: 'p', labels: { 'example.com/tier': 'front', env: 'prod' } });
  assert.deepEqual(out.spec.containers, [{ name: 'only', image: 'x' }]);
});

test('merge patch never mutates its inputs and drops nulls inside new objects', () => {
  const original = pod();
  const out = jsonMergePatch(original, { spec: { nodeSelector: { disk: 'ssd', none: null } } });
  assert.deepEqual((out.spec as Record<string, unknown>).nodeSelector, { disk: 'ssd' });
  assert.ok(!('nodeSelector' in original.spec));
  (out.metadata.labels as Record<string, string>).app = 'changed';
  assert.equal(original.metadata.labels?.app, 'web');
});

test('a merge patch that is not an object is a bad request', () => {
  assert.throws(() => jsonMergePatch(pod(), [1]), (e: unknown) => e instanceof ApiError && e.code === 400 && e.message === 'Invalid JSON Patch');
});
