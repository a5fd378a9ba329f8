import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';

const runtime = createContainerRuntime();

test('an invalid reference (upper case) is InvalidImageName with the kubelet message, and no pull is tried', () => {
  assert.deepEqual(runtime.pull('Gihyodocker/Echo:latest', 'kubesim-worker'), {
    ok: false,
    durationMs: 0,
    reason: 'InvalidImageName',
    message: 'Failed to apply default image tag "Gihyodocker/Echo:latest": couldn\'t parse image name "Gihyodocker/Echo:latest": invalid reference format',
  });
  assert.equal(runtime.pull('nginx:', 'n').ok, false);
  assert.equal(runtime.pull('ng inx', 'n').ok, false);
});

test('a misspelt book image is ErrImagePull: pull access denied', () => {
  const result = runtime.pull('gihyodocker/ecoh', 'kubesim-worker');
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'ErrImagePull');
  assert.equal(
    !result.ok && result.message,
    'failed to pull and unpack image "docker.io/gihyodocker/ecoh:latest": failed to resolve reference "docker.io/gihyodocker/ecoh:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
  );
  assert.equal(runtime.pull('ngnix', 'n').ok, false);
});

test('a tag that does not exist is ErrImagePull: not found', () => {
  const result = runtime.pull('gihyodocker/echo:v9', 'n');
  assert.equal(
    !result.ok && result.message,
    'failed to pull and unpack image "docker.io/gihyodocker/echo:v9": failed to resolve reference "docker.io/gihyodocker/echo:v9": docker.io/gihyodocker/echo:v9: not found',
  );
});

test('a registry that cannot be reached is ErrImagePull', () => {
  const local = runtime.pull('localhost:5000/app', 'n');
  assert.match(!local.ok ? local.message : '', /dial tcp 127\.0\.0\.1:5000: connect: connection refused$/);
  const invalid = runtime.pull('registry.invalid/team/app:1.0', 'n');
  assert.match(!invalid.ok ? invalid.message : '', /lookup registry\.invalid: no such host$/);
});

test('book images take 10–30 s to pull, small images a few seconds; digests are stable', () => {
  const echo = runtime.pull('gihyodocker/echo:latest', 'n');
  assert.ok(echo.ok && echo.durationMs >= 10_000 && echo.durationMs <= 30_000);
  const busybox = runtime.pull('busybox', 'n');
  assert.ok(busybox.ok && busybox.durationMs >= 2000 && busybox.durationMs <= 5000);
  const nginx = runtime.pull('nginx', 'n');
  assert.ok(nginx.ok);
  assert.match(nginx.ok ? nginx.imageID : '', /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  assert.equal(nginx.ok && nginx.imageID, (runtime.pull('docker.io/library/nginx:latest', 'm') as { imageID: string }).imageID);
});

test('any other image pulls (the generic behaviour)', () => {
  const result = runtime.pull('ghcr.io/someone/tool:2.1', 'n');
  assert.ok(result.ok);
  assert.ok(result.ok && result.sizeBytes > 0);
});
