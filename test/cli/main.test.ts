import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';
import { waitFor } from '../manifests/wait-for.js';

const BOOK_POD = new URL('../../demo-manifests/simple-pod.yaml', import.meta.url);

function capture() {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY: false }, text: () => text };
}

async function headless(args: string[], files: Record<string, string | URL>) {
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-main-'));
  for (const [name, content] of Object.entries(files)) {
    if (content instanceof URL) await copyFile(content, join(dir, name));
    else await writeFile(join(dir, name), content);
  }
  const out = capture();
  const err = capture();
  let stop!: () => void;
  const stopSignal = new Promise<void>((r) => (stop = r));
  const exited = main([...args, dir], { stdout: out.stream, stderr: err.stream, stopSignal });
  return {
    dir,
    out: out.text,
    err: err.text,
    async finish() {
      stop();
      const code = await exited;
      await rm(dir, { recursive: true, force: true });
      return code;
    },
  };
}

test('kubesim --headless --speed 10 shows simple-echo reaching 2/2 Running', async () => {
  const run = await headless(['--headless', '--speed', '10', '--no-api'], { 'simple-pod.yaml': BOOK_POD });
  try {
    await waitFor(() => /pod\s+default\/simple-echo\s+2\/2\s+Running\s+kubesim-worker2?\s+10\.244\.\d+\.\d+/.test(run.out()), 30_000, '2/2 Running');
    const lines = run.out().split('\n');
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d apply  \S+\/simple-pod\.yaml  pod\/simple-echo created$/);
    assert.ok(lines.some((l) => /pod    default\/simple-echo  0\/2  ContainerCreating  kubesim-worker/.test(l)));
    // A save with an unknown field: the error at its line, the Pod left as it was.
    const text = await readFile(BOOK_POD, 'utf8');
    await writeFile(join(run.dir, 'bad.yaml'), text.replace('simple-echo', 'bad').replace('    image: gihyodocker/echo:latest', '    imagee: x'));
    await waitFor(() => run.out().includes('bad.yaml:15:5  strict decoding error: unknown field "spec.containers[1].imagee"'), 5000, `the error line in ${run.out()}`);
  } finally {
    assert.equal(await run.finish(), 0);
  }
});

test('with the API on, kubesim prints the export KUBECONFIG line', async () => {
  const kubeconfig = join(tmpdir(), `kubesim-main-test-${process.pid}.kubeconfig`);
  const run = await headless(['--headless', '--api-port', '0', '--kubeconfig', kubeconfig], {});
  try {
    await waitFor(() => run.err().includes(`export KUBECONFIG=${kubeconfig}`), 10_000, 'the export line');
    assert.match(await readFile(kubeconfig, 'utf8'), /server: http:\/\/127\.0\.0\.1:\d+/);
  } finally {
    assert.equal(await run.finish(), 0);
    await rm(kubeconfig, { force: true });
  }
});

test('a home folder is refused with a hint and exit 1', async () => {
  const err = capture();
  const code = await main(['--headless', '--no-api', process.env.HOME ?? '/root'], { stderr: err.stream, stdout: capture().stream });
  assert.equal(code, 1);
  assert.match(err.text(), /refusing to watch your home folder .*name the folder that holds your manifests/);
});

test('a kubesim process in headless mode exits cleanly (code 0) on SIGINT and on SIGTERM', async () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `const { main } = await import('./src/cli.ts'); await main(process.argv.slice(1));`,
        '--', '--headless', '--no-api', '--speed', '10', fileURLToPath(new URL('../../demo-manifests/', import.meta.url))],
      { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(() => out.includes('pod/simple-echo created'), 30_000, 'the first apply');
    } finally {
      child.kill(signal);
    }
    assert.equal(await exited, 0, `${signal}: ${out}`);
  }
});

test('kubesim serve DIR starts the API and the reconciler, printing applies but not Pod lines', async () => {
  const kubeconfig = join(tmpdir(), `kubesim-serve-test-${process.pid}.kubeconfig`);
  const run = await headless(['serve', '--api-port', '0', '--kubeconfig', kubeconfig], { 'simple-pod.yaml': BOOK_POD });
  try {
    await waitFor(() => run.out().includes('pod/simple-echo created'), 10_000, 'the apply line');
    assert.match(run.err(), new RegExp(`export KUBECONFIG=${kubeconfig}`));
    assert.doesNotMatch(run.out(), /^\S+ pod    /m);
  } finally {
    assert.equal(await run.finish(), 0);
    await rm(kubeconfig, { force: true });
  }
});

test('--kubeconfig never overwrites a kubeconfig kubesim did not write', async () => {
  const path = join(tmpdir(), `kubesim-foreign-${process.pid}.kubeconfig`);
  await writeFile(path, 'apiVersion: v1\nkind: Config\ncurrent-context: prod\n');
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-empty-'));
  try {
    const err = capture();
    const code = await main(['--headless', '--api-port', '0', '--kubeconfig', path, dir], { stderr: err.stream, stdout: capture().stream });
    assert.equal(code, 1);
    assert.match(err.text(), /refusing to overwrite .*it is not a kubeconfig kubesim wrote/);
    assert.match(await readFile(path, 'utf8'), /current-context: prod/);
  } finally {
    await rm(path, { force: true });
    await rm(dir, { recursive: true, force: true });
  }
});
