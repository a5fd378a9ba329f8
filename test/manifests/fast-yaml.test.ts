import { test } from 'node:test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { LineCounter, parseAllDocuments } from 'yaml';
import { fastParseDocuments } from '../../src/manifests/fast-yaml.js';
import { recordPositions, type PositionTable } from '../../src/manifests/positions.js';

/** What the yaml package makes of the text (as parse.ts configures it): each document's value and positions. */
function viaYaml(text: string): { value: unknown; positions: PositionTable }[] {
  const lines = new LineCounter();
  return parseAllDocuments(text, { version: '1.1', uniqueKeys: true, merge: true, lineCounter: lines } as const).map((doc) => {
    const positions: PositionTable = new Map();
    recordPositions(doc.contents, '', lines, positions);
    return { value: doc.toJS() ?? null, positions };
  });
}

const IN_SUBSET = [
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app.kubernetes.io/name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.25\n    ports:\n    - containerPort: 80\n    resources:\n      limits:\n        cpu: 100m\n        memory: 128Mi\n',
  '# a comment\n---\na: "quoted"\nb: \'single\'\nc: 0\nd: 42\ne: echo hello  world\n---\n---\nf:\n  - first\n  - second\n',
  'list:\n-   a: 1\n    b: /var/run\n- plain\n',
  '  indented: root\n  other: 1\n',
];

const OUTSIDE = [
  'a: yes\n', 'a: 1.5\n', 'a: 0777\n', 'a: &x 1\nb: *x\n', 'a: {b: 1}\n', 'a: [1]\n', 'a: |\n  text\n', 'a: x # comment\n',
  'a: 1\na: 2\n', 'a: "esc\\n"\n', 'a: ~\n', 'a: x\n  continued\n', 'on: 1\n', '<<: {a: 1}\n', 'a:\tb\n', 'a: 1\r\n', 'a: 1\n...\n',
  '%YAML 1.1\n---\na: 1\n', 'a: !!str 1\n', '"key": 1\n', 'just a scalar\n', 'a: b: c\n',
];

test('plain block YAML is read as the yaml package reads it, with the same field positions', () => {
  for (const text of IN_SUBSET) {
    const fast = fastParseDocuments(text);
    assert.ok(fast, text);
    const expected = viaYaml(text);
    assert.equal(fast.length, expected.length, text);
    fast.forEach((doc, i) => {
      assert.deepEqual(doc.value, expected[i]!.value, text);
      assert.deepEqual(doc.positions(), expected[i]!.positions, text);
    });
  }
});

test('anything beyond plain block YAML (anchors, flow, block scalars, YAML 1.1 booleans, comments after values, duplicates) is left to the yaml package', () => {
  for (const text of OUTSIDE) assert.equal(fastParseDocuments(text), undefined, text);
});

/** Every .yaml/.yml/.json file below `dir`. */
function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFilesUnder(path));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(path);
  }
  return out;
}

test('on every real manifest it accepts (demo manifests, the docs corpus), the fast reader agrees with the yaml package', (t) => {
  const corpus = join(import.meta.dirname, '../../../shared/corpus/k8s-docs-examples');
  if (!existsSync(corpus)) t.diagnostic(`corpus not found at ${corpus}: checking demo-manifests only`);
  const files = [...yamlFilesUnder(join(import.meta.dirname, '../../demo-manifests')), ...yamlFilesUnder(corpus)];
  let taken = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const fast = fastParseDocuments(text);
    if (!fast) continue;
    taken++;
    const expected = viaYaml(text);
    assert.equal(fast.length, expected.length, file);
    fast.forEach((doc, i) => {
      assert.deepEqual(doc.value, expected[i]!.value, file);
      assert.deepEqual(doc.positions(), expected[i]!.positions, file);
    });
  }
  t.diagnostic(`${taken} of ${files.length} files read by the fast reader, all as the yaml package reads them`);
  assert.ok(taken > 0);
});
