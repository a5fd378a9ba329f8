import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/cli/check.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { createSimulatedCluster } from '../../src/sim/simulated-cluster.js';
import { createContainerRuntime } from '../../src/sim/runtime/index.js';
import { main } from '../../src/cli.js';

const BOOK_POD = new URL('../../demo-manifests/simple-pod.yaml', import.meta.url);

async function check(files: Record<string, string>, timeoutMs = 60_000) {
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-check-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const cluster = createSimulatedCluster({ clock: new VirtualClock(), runtime: createContainerRuntime({}) });
  const lines: string[] = [];
  try {
    const code = await runCheck({ dir, source: cluster, advance: (ms) => cluster.advance(ms), timeoutMs, write: (l) => lines.push(l) });
    return { code, out: lines.join('\n') };
  } finally {
    await cluster.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const unpullable = (annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: bad-image
${annotations}spec:
  containers:
  - name: app
    image: gihyodocker/does-not-exist:latest
`;

test("check exits 0 on a folder with only the book's Pod, which reaches 2/2 Running", async () => {
  const { code, out } = await check({ 'simple-pod.yaml': await readFile(BOOK_POD, 'utf8') });
  assert.equal(code, 0, out);
  assert.match(out, /default\s+simple-echo\s+Running, Ready\s+Running\s+2\/2\s+ok/);
  assert.match(out, /1 of 1 Pod reached what it should/);
});

test('check exits 1 on a folder with an unpullable image', async () => {
  const { code, out } = await check({ 'bad.yaml': unpullable() });
  assert.equal(code, 1, out);
  assert.match(out, /bad-image\s+Running, Ready\s+ImagePullBackOff\s+0\/1\s+FAILED/);
  assert.match(out, /in 60s of simulated time/);
});

test('a Pod annotated kubesim.dev/expect is held to the state it names', async () => {
  const { code, out } = await check({ 'bad.yaml': unpullable('  annotations:\n    kubesim.dev/expect: ImagePullBackOff\n') });
  assert.equal(code, 0, out);
  assert.match(out, /bad-image\s+ImagePullBackOff\s+ImagePullBackOff\s+0\/1\s+ok/);
});

test('kinds not simulated are listed as not checked, and manifest errors fail the check', async () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
  const ok = await check({ 'deploy.yaml': deployment });
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /not checked \(kinds not simulated yet\):\n\s+\S+deploy\.yaml\s+deployment\.apps\/web/);
  const bad = await check({ 'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    imagee: nginx\n' });
  assert.equal(bad.code, 1);
  assert.match(bad.out, /error\s+\S+bad\.yaml:8:5\s+strict decoding error: unknown field "spec\.containers\[0\]\.imagee"/);
});

test('kubesim check demo-manifests/ passes: every demo reaches what it should, failures included', async () => {
  let out = '';
  const stream = { write: (s: string) => ((out += s), true), isTTY: false };
  const code = await main(['check', fileURLToPath(new URL('../../demo-manifests/', import.meta.url))], { stdout: stream, stderr: stream });
  assert.equal(code, 0, out);
  for (const name of ['simple-echo', 'crash-loop', 'bad-image', 'web-ready', 'with-init', 'needs-ssd', 'echo-server', 'client', 'say-hello']) {
    assert.match(out, new RegExp(`default\\s+${name}\\s.*\\sok\\n`), name);
  }
});

test('--images FILE adds image behaviours: a private image that fails to pull, and one that exits', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-images-'));
  try {
    await writeFile(join(dir, 'images.yaml'), 'images:\n- name: myorg/private\n  failPull: "pull access denied"\n- name: myorg/job\n  exitAfterSeconds: 3\n  exitCode: 0\n');
    await mkdir(join(dir, 'm'));
    const podYaml = (name: string, image: string, extra = '') =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - name: app\n    image: ${image}\n`;
    await writeFile(join(dir, 'm', 'private.yaml'), podYaml('private', 'myorg/private:1'));
    await writeFile(join(dir, 'm', 'job.yaml'), podYaml('job', 'myorg/job:1', '  restartPolicy: Never\n'));
    let out = '';
    const stream = { write: (s: string) => ((out += s), true), isTTY: false };
    const code = await main(['check', '--images', join(dir, 'images.yaml'), '--timeout', '2m', join(dir, 'm')], { stdout: stream, stderr: stream });
    assert.equal(code, 1, out);
    assert.match(out, /default\s+job\s+Completed\s+Completed\s+0\/1\s+ok/);
    assert.match(out, /default\s+private\s+Running, Ready\s+(ErrImagePull|ImagePullBackOff)\s+0\/1\s+FAILED/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
