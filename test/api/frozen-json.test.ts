import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJson } from '../../src/api/frozen-json.js';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

test('toJson gives exactly what JSON.stringify gives, frozen or not, with undefined members left out', () => {
  const samples: unknown[] = [
    { a: 1, b: undefined, c: [1, undefined, 'x'], d: { e: null, f: 'q"uote' } },
    deepFreeze({ kind: 'Pod', metadata: { name: 'x', labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }] }, status: {} }),
    { type: 'MODIFIED', object: deepFreeze({ metadata: { name: 'y' }, spec: { n: 1 } }) },
    { cells: ['a', 1], object: { kind: 'PartialObjectMetadata', metadata: deepFreeze({ name: 'z' }) } },
    [1, 2],
    'text',
    null,
    { when: new Date(0) },
  ];
  for (const s of samples) assert.equal(toJson(s), JSON.stringify(s));
});

test('a new version sharing a frozen spec with the old one serialises the same as a fresh stringify', () => {
  const spec = deepFreeze({ containers: [{ name: 'main', image: 'nginx' }] });
  const v1 = deepFreeze({ metadata: { name: 'p', resourceVersion: '1' }, spec });
  const v2 = deepFreeze({ metadata: { name: 'p', resourceVersion: '2', labels: { x: 'y' } }, spec });
  assert.equal(toJson(v1), JSON.stringify(v1));
  assert.equal(toJson(v2), JSON.stringify(v2));
});
