import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
  - name: api
    image: myorg/api:v1.2
`;

/** Runs `kubesim ARGS` (with IMAGES written to images.yaml and the Pod above in a folder) and captures its streams. */
async function kubesim(images: string | undefined, args: (paths: { dir: string; images: string }) => string[]) {
  const root = await mkdtemp(join(tmpdir(), 'kubesim-images-'));
  const dir = join(root, 'manifests');
  const imagesPath = join(root, 'images.yaml');
  await mkdir(dir);
  await writeFile(join(dir, 'pod.yaml'), POD);
  if (images !== undefined) await writeFile(imagesPath, images);
  let out = '';
  let err = '';
  try {
    const code = await main(args({ dir, images: imagesPath }), {
      stdout: { write: (s: string) => ((out += s), true), isTTY: false },
      stderr: { write: (s: string) => ((err += s), true) },
      stopSignal: new Promise(() => {}),
    });
    return { code, out, err, imagesPath };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

test('kubesim check --images FILE uses the behaviours in FILE: a pull that fails there fails the check', async () => {
  const images = 'images:\n- name: myorg/api:v1.*\n  failPull: "pull access denied for myorg/api"\n';
  const { code, out } = await kubesim(images, (p) => ['check', p.dir, '--images', p.images, '--timeout', '30']);
  assert.equal(code, 1, out);
  assert.match(out, /api\s+Running, Ready\s+(ErrImagePull|ImagePullBackOff)\s+0\/1\s+FAILED/);
});

test('kubesim check --images FILE passes when the image behaves as FILE says', async () => {
  const images = 'images:\n- name: myorg/api:v1.*\n  logs: ["listening on :8080"]\n  listen: [8080]\n';
  const { code, out } = await kubesim(images, (p) => ['check', p.dir, '--images', p.images]);
  assert.equal(code, 0, out);
});

test('a mistake in the --images file is one error line naming file, line, column and field, exit 2, and nothing runs', async () => {
  const images = 'images:\n- name: myorg/api\n  pullSeconds: soon\n';
  const { code, out, err, imagesPath } = await kubesim(images, (p) => ['check', p.dir, '--images', p.images]);
  assert.equal(code, 2);
  assert.equal(err, `kubesim: ${imagesPath}:3:16: images[0].pullSeconds: must be a number ≥ 0\n`);
  assert.equal(out, '');
});

test('an unknown field in the --images file names it with its line, also for the headless dashboard run', async () => {
  const images = 'images:\n- name: myorg/api\n  colour: red\n';
  const { code, err, imagesPath } = await kubesim(images, (p) => ['--headless', '--no-api', '--images', p.images, p.dir]);
  assert.equal(code, 2);
  assert.match(err, new RegExp(`^kubesim: ${imagesPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:3: images\\[0\\]\\.colour: unknown field \\(known: [^\\n]*\\)\\n$`));
});

test('a YAML syntax error in the --images file is one line with its file, line and column, exit 2', async () => {
  const { code, err, imagesPath } = await kubesim('images: [\n  - name: x\n', (p) => ['check', p.dir, '--images', p.images]);
  assert.equal(code, 2);
  assert.ok(err.startsWith(`kubesim: ${imagesPath}:`), err);
  assert.match(err, /^kubesim: \S+:\d+:\d+: [^\n]+\n$/);
  assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
});

test('a missing --images file is one line naming it, exit 2', async () => {
  const { code, err, imagesPath } = await kubesim(undefined, (p) => ['check', p.dir, '--images', p.images]);
  assert.equal(code, 2);
  assert.equal(err, `kubesim: --images ${imagesPath}: no such file\n`);
});
