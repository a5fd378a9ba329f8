import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '../../src/manifests/parse.js';
import { decodeManifest, readManifestFile } from '../../src/manifests/read-file.js';
import { fieldPathOfError, messageOfError } from '../../src/manifests/error-field.js';
import { ApiError, invalid } from '../../src/kube/api-error.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
  - name: side
    imagee: busybox
`;

test('a field path such as spec.containers[1].imagee is found at the line and column of its key', () => {
  const parsed = parseManifest(POD, 'm/pod.yaml');
  assert.equal(parsed.issues.length, 0);
  const [obj] = parsed.objects;
  assert.equal(obj!.object.metadata.name, 'web');
  assert.deepEqual(obj!.positionOf('spec.containers[1].imagee'), { line: 10, col: 5 });
  assert.deepEqual(obj!.positionOf('spec.containers[0]'), { line: 7, col: 5 });
  assert.deepEqual(obj!.positionOf('metadata.name'), { line: 4, col: 3 });
  // A missing field is reported at its nearest ancestor that is written.
  assert.deepEqual(obj!.positionOf('spec.containers[0].resources.limits'), { line: 7, col: 5 });
  assert.deepEqual(obj!.positionOf('status.phase'), { line: 1, col: 1 });
});

test('multi-document files keep each document index and line, and empty documents are skipped', () => {
  const text = `---\n${POD}---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n`;
  const parsed = parseManifest(text, 'm.yaml');
  assert.deepEqual(
    parsed.objects.map((o) => [o.object.kind, o.documentIndex, o.start.line]),
    [
      ['Pod', 0, 2],
      ['ConfigMap', 2, 14],
    ],
  );
});

test('a kind: List is expanded into its items, each with positions relative to the item', () => {
  const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: a
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: b
`;
  const parsed = parseManifest(text, 'list.yaml');
  assert.deepEqual(parsed.objects.map((o) => [o.object.metadata.name, o.itemIndex, o.start.line]), [
    ['a', 0, 4],
    ['b', 1, 8],
  ]);
  assert.deepEqual(parsed.objects[1]!.positionOf('metadata.name'), { line: 11, col: 5 });
});

test('JSON manifests parse, with positions', () => {
  const text = '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "j"}\n}\n';
  const parsed = parseManifest(text, 'j.json');
  assert.equal(parsed.objects[0]!.object.metadata.name, 'j');
  assert.deepEqual(parsed.objects[0]!.positionOf('kind'), { line: 3, col: 3 });
});

test('a YAML error is reported at its line and column with the parser message, and the other documents still load', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: "bad\\'escape"\n`;
  const parsed = parseManifest(text, 'e.yaml');
  assert.equal(parsed.objects.length, 1);
  assert.equal(parsed.incomplete, true);
  assert.equal(parsed.issues.length, 1);
  assert.equal(parsed.issues[0]!.line, 9);
  assert.match(parsed.issues[0]!.message, /Invalid escape sequence/);
  assert.doesNotMatch(parsed.issues[0]!.message, /\n/);
});

test('duplicate keys are rejected', () => {
  const parsed = parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n', 'd.yaml');
  assert.equal(parsed.objects.length, 0);
  assert.match(parsed.issues[0]!.message, /Map keys must be unique/);
  assert.equal(parsed.issues[0]!.line, 5);
});

test('a 1 MiB file of aliases (billion laughs) is refused quickly', () => {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1, size = 0; size < 1024 * 1024; i++) {
    lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    size += lines[i]!.length + 1;
  }
  const started = performance.now();
  const parsed = parseManifest(lines.join('\n'), 'laughs.yaml');
  const ms = performance.now() - started;
  assert.equal(parsed.objects.length, 0);
  assert.ok(parsed.issues.length > 0);
  assert.match(parsed.issues[0]!.message, /alias/i);
  assert.ok(ms < 500, `took ${ms} ms`);
});

test('a small billion-laughs document under the token limit is stopped by the alias expansion limit', () => {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  const parsed = parseManifest(lines.join('\n'), 'small-laughs.yaml');
  assert.equal(parsed.objects.length, 0);
  assert.match(parsed.issues[0]!.message, /Excessive alias count/);
});

test('documents that are not Kubernetes objects are reported the way kubectl does', () => {
  const seccomp = parseManifest('{"defaultAction": "SCMP_ACT_LOG"}\n', 'profiles/audit.json');
  assert.equal(seccomp.objects.length, 0);
  assert.equal(
    seccomp.issues[0]!.message,
    `unable to decode "profiles/audit.json": Object 'Kind' is missing in '{"defaultAction":"SCMP_ACT_LOG"}'`,
  );
  const noVersion = parseManifest('kind: Pod\nmetadata:\n  name: x\n', 'x.yaml');
  assert.match(noVersion.issues[0]!.message, /Object 'apiVersion' is missing/);
});

test('plain scalars read as kubectl reads them: yes is a boolean, 0777 octal, dates and 12:30 stay strings', () => {
  const parsed = parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nx: yes\nmode: 0777\nday: 2024-01-01\nat: 12:30\n', 'a.yaml');
  const o = parsed.objects[0]!.object;
  assert.deepEqual([o.x, o.mode, o.day, o.at], [true, 511, '2024-01-01', '12:30']);
});

test('binary, non-UTF-8 and over-5-MiB files are refused with a message', async () => {
  assert.match((decodeManifest(new Uint8Array([0x61, 0, 0x62]), 'b.yaml') as { message: string }).message, /binary/);
  assert.match((decodeManifest(new Uint8Array([0x61, 0xff, 0xfe]), 'b.yaml') as { message: string }).message, /UTF-8/);
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-read-'));
  await writeFile(join(dir, 'big.yaml'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  const big = await readManifestFile(join(dir, 'big.yaml'), 'big.yaml');
  assert.equal(big.kind, 'refused');
  assert.match((big as { message: string }).message, /5 MiB/);
  assert.equal((await readManifestFile(join(dir, 'none.yaml'), 'none.yaml')).kind, 'missing');
});

test('an API error names its field through causes or its message, and the decoder prefix is dropped', () => {
  const strict = new ApiError(
    'BadRequest',
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
  );
  assert.equal(fieldPathOfError(strict), 'spec.containers[0].imagee');
  assert.equal(messageOfError(strict), 'strict decoding error: unknown field "spec.containers[0].imagee"');
  const inv = invalid('Pod', 'x', [{ field: 'spec.containers[0].image', type: 'Required value', detail: '' }]);
  assert.equal(fieldPathOfError(inv), 'spec.containers[0].image');
});
