import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';
import { ImageCatalogError, loadImageCatalogYaml } from '../../../src/sim/runtime/images/user-catalog.js';
import { FakeCluster, makeContext, Output } from './fake-pod-network.js';

const CATALOG = `images:
- name: myorg/api:v1.*
  pullSeconds: 8
  logs:
  - { afterSeconds: 1, text: "listening on :8080" }
  - { afterSeconds: 5, text: "warming up", stream: stderr }
  listen:
  - { port: 8080, body: "ok" }
  exitAfterSeconds: 10
  exitCode: 3
- name: myorg/private
  failPull: "pull access denied for myorg/private"
`;

test('a user catalog entry pulls in its time, logs its lines on time, answers on its port, and exits with its code', async () => {
  const runtime = createContainerRuntime({ extraImages: loadImageCatalogYaml(CATALOG) });
  const pull = runtime.pull('myorg/api:v1.2', 'n');
  assert.ok(pull.ok && pull.durationMs === 8000);
  const clock = new VirtualClock();
  const network = new FakeCluster().pod();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'myorg/api:v1.2', clock, network }), undefined, undefined, out);
  clock.advance(6000);
  assert.deepEqual(out.lines, [
    { at: 1, stream: 'stdout', text: 'listening on :8080' },
    { at: 5, stream: 'stderr', text: 'warming up' },
  ]);
  assert.equal(network.request('localhost', 8080, { method: 'GET', path: '/', headers: {} }).body, 'ok');
  clock.advance(4000);
  assert.deepEqual(await proc.exited, { code: 3 });
  assert.equal(network.isListening(8080), false);
});

test('a user catalog entry can make pulls fail; tags outside its glob fall back to the generic image', () => {
  const runtime = createContainerRuntime({ extraImages: loadImageCatalogYaml(CATALOG) });
  const failed = runtime.pull('myorg/private', 'n');
  assert.deepEqual(failed, { ok: false, durationMs: failed.durationMs, reason: 'ErrImagePull', message: 'pull access denied for myorg/private' });
  assert.ok(runtime.pull('myorg/api:v2.0', 'n').ok);
});

test('catalog mistakes are reported with file, line and column', () => {
  assert.throws(() => loadImageCatalogYaml('images:\n- name: a\n  pullSeconds: soon\n', 'my.yaml'), new ImageCatalogError('my.yaml:3:16: images[0].pullSeconds: must be a number ≥ 0'));
  assert.throws(() => loadImageCatalogYaml('images:\n- pullSeconds: 1\n'), /images\.yaml:2:3: images\[0\]\.name: required/);
  assert.throws(() => loadImageCatalogYaml('images:\n- name: a\n  colour: red\n'), /images\.yaml:3:3: images\[0\]\.colour: unknown field/);
  assert.throws(() => loadImageCatalogYaml('images: [\n'), /images\.yaml:\d+:\d+: /);
});

test('entries already parsed (the CLI passes `images`) are validated by the same rules', () => {
  const runtime = createContainerRuntime({ images: [{ name: 'team/tool', pullSeconds: 2 }], seed: 7 });
  const pull = runtime.pull('team/tool:1', 'n');
  assert.ok(pull.ok && pull.durationMs === 2000);
  assert.throws(() => createContainerRuntime({ images: [{ name: 'x', exitCode: 300 }] }), /images\[0\]\.exitCode: must be a whole number from 0 to 255/);
});
