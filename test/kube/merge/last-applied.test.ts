import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goJson, withLastApplied, LAST_APPLIED_ANNOTATION } from '../../../src/kube/merge/last-applied.js';
import type { KubeObject } from '../../../src/kube/types.js';

test('goJson writes strings as JSON does, with Go escaping <, >, &, U+2028 and U+2029', () => {
  const cases: [string, string][] = [
    ['plain', '"plain"'],
    ['quote " and \\ backslash', '"quote \\" and \\\\ backslash"'],
    ['tab\tnewline\ncontrol\u0001', '"tab\\tnewline\\ncontrol\\u0001"'],
    ['a<b>&c', '"a\\u003cb\\u003e\\u0026c"'],
    ['line\u2028para\u2029', '"line\\u2028para\\u2029"'],
    ['é 漢 😀 \u007f', '"é 漢 😀 \u007f"'],
    ['lone \ud800 surrogate', '"lone \\ud800 surrogate"'],
  ];
  for (const [value, encoded] of cases) {
    assert.equal(goJson(value), encoded);
    assert.equal(goJson({ [value]: 1 }), `{${encoded}:1}`, 'keys are encoded the same way');
  }
});

test('goJson sorts map keys by code unit, drops undefined members and writes undefined list items as null', () => {
  assert.equal(goJson({ b: 1, a: [undefined, null, true, 1.5], B: undefined, _: { z: {}, y: [] } }), '{"_":{"y":[],"z":{}},"a":[null,null,true,1.5],"b":1}');
  assert.equal(goJson({ é: 1, z: 2, Z: 3, '': 4 }), '{"":4,"Z":3,"z":2,"é":1}');
  assert.equal(goJson([Infinity, NaN, -0, 1e21]), '[null,null,0,1e+21]');
});

/** Sorted-key JSON the plain way (the values here need no Go escaping). */
function sortedJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`).join(',')}}`;
}

test('goJson sorts maps whose keys share a prefix, come in another order or leave members undefined, however many shapes it has met', () => {
  const maps: Record<string, unknown>[] = [{ b: 1, a: 2 }, { a: 2, b: 1 }, { b: 1 }, { b: 1, a: 2, c: 3 }, { b: 1, a: undefined, c: 3 }, {}];
  for (let i = 0; i < 10_000; i++) maps.push({ [`k${i % 97}`]: i, [`j${i}`]: { y: 1, x: 2 } });
  for (let round = 0; round < 2; round++) for (const m of maps) assert.equal(goJson(m), sortedJson(m));
});

test('goJson gives the same text for a value encoded after a larger one', () => {
  const big = { items: Array.from({ length: 50 }, (_, i) => ({ name: `n${i}` })) };
  goJson(big);
  assert.equal(goJson({ a: 'x' }), '{"a":"x"}');
  assert.equal(goJson(big).length, JSON.stringify(big).length);
});

test('withLastApplied adds the annotation last and leaves the manifest as it was', () => {
  const manifest: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { a: '1' } }, data: { k: 'v' } };
  const before = JSON.stringify(manifest);
  const applied = withLastApplied(manifest, 'default');
  assert.equal(JSON.stringify(manifest), before);
  assert.deepEqual(Object.keys(applied), ['apiVersion', 'kind', 'metadata', 'data']);
  const annotations = (applied.metadata as { annotations: Record<string, string> }).annotations;
  assert.deepEqual(Object.keys(annotations), ['a', LAST_APPLIED_ANNOTATION]);
  assert.equal(annotations[LAST_APPLIED_ANNOTATION], '{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{"a":"1"},"name":"c","namespace":"default"}}\n');
});

test('an own "__proto__" member of the metadata is encoded as a member, as JSON decoding made it', () => {
  const manifest = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","__proto__":{"x":1}}}') as KubeObject;
  const annotations = (withLastApplied(manifest, 'default').metadata as { annotations: Record<string, string> }).annotations;
  assert.equal(annotations[LAST_APPLIED_ANNOTATION], '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"__proto__":{"x":1},"annotations":{},"name":"c","namespace":"default"}}\n');
});
