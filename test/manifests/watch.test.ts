import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, writeFile, truncate, unlink } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderWatcher } from '../../src/manifests/watch.js';
import { folderRefusal } from '../../src/manifests/folder-check.js';
import { Reconciler } from '../../src/manifests/reconciler.js';
import { readManifestFile } from '../../src/manifests/read-file.js';
import { createFakeCluster } from './fake-cluster.js';
import { waitFor } from './wait-for.js';

function pod(name: string, image = 'nginx'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: main\n    image: ${image}\n`;
}

async function watching(files: Record<string, string> = {}, poll = false) {
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-watch-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  const cluster = createFakeCluster();
  const deleted: string[] = [];
  cluster.watch('Pod', {}, (e) => e.type === 'DELETED' && deleted.push(e.object.metadata.name!));
  const rec = new Reconciler({ source: cluster, dir, readFile: (id) => readManifestFile(join(dir, id), id) });
  const watcher = new FolderWatcher({ dir, sink: rec, poll });
  await watcher.start();
  const image = (name: string) =>
    cluster.objects().find((o) => o.kind === 'Pod' && o.metadata.name === name)?.spec.containers[0].image as string | undefined;
  const podNames = () => cluster.objects().filter((o) => o.kind === 'Pod').map((o) => o.metadata.name).sort();
  const stop = async () => {
    await watcher.close();
    await rec.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, cluster, rec, watcher, image, podNames, deleted, stop };
}

test('files present at start are applied, and an in-place save is applied', async () => {
  const w = await watching({ 'a.yaml': pod('a'), 'sub/b.yml': pod('b'), 'c.json': JSON.stringify(JSON.parse('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"c"},"spec":{"containers":[{"name":"m","image":"x"}]}}')) });
  try {
    assert.deepEqual(w.podNames(), ['a', 'b', 'c']);
    await writeFile(join(w.dir, 'a.yaml'), pod('a', 'nginx:2'));
    await waitFor(() => w.image('a') === 'nginx:2', 5000, 'in-place save');
  } finally {
    await w.stop();
  }
});

test('a rename-over save (write a temp file, rename it over the manifest) is applied and prunes nothing', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  try {
    await writeFile(join(w.dir, '.a.yaml.tmp'), pod('a', 'nginx:renamed'));
    await rename(join(w.dir, '.a.yaml.tmp'), join(w.dir, 'a.yaml'));
    await waitFor(() => w.image('a') === 'nginx:renamed', 5000, 'rename-over save');
    await w.rec.idle();
    assert.deepEqual(w.deleted, []);
  } finally {
    await w.stop();
  }
});

test('a vim-style save (4913 probe, backup rename, new file, backup removed) ends with the new content and no prune', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  try {
    await writeFile(join(w.dir, '4913'), '');
    await unlink(join(w.dir, '4913'));
    await rename(join(w.dir, 'a.yaml'), join(w.dir, 'a.yaml~'));
    await writeFile(join(w.dir, 'a.yaml'), pod('a', 'nginx:vim'));
    await unlink(join(w.dir, 'a.yaml~'));
    await waitFor(() => w.image('a') === 'nginx:vim', 5000, 'vim save');
    await new Promise((r) => setTimeout(r, 300)); // past the quiet time: a settled pass must not prune either
    await w.rec.idle();
    assert.deepEqual(w.deleted, []);
    assert.deepEqual(w.podNames(), ['a']);
  } finally {
    await w.stop();
  }
});

test('ten saves 20 ms apart: the last content wins', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  try {
    for (let i = 1; i <= 10; i++) {
      await writeFile(join(w.dir, 'a.yaml'), pod('a', `nginx:${i}`));
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => w.image('a') === 'nginx:10', 5000, 'the last save');
    await w.rec.idle();
    assert.equal(w.image('a'), 'nginx:10');
  } finally {
    await w.stop();
  }
});

test('an in-place save that passes through an empty file deletes nothing', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  try {
    await truncate(join(w.dir, 'a.yaml'), 0);
    await new Promise((r) => setTimeout(r, 30));
    await writeFile(join(w.dir, 'a.yaml'), pod('a', 'nginx:after'));
    await waitFor(() => w.image('a') === 'nginx:after', 5000, 'the completed save');
    await new Promise((r) => setTimeout(r, 300));
    await w.rec.idle();
    assert.deepEqual(w.deleted, []);
  } finally {
    await w.stop();
  }
});

test('a deleted file prunes its objects; a syntax error keeps them and is reported at its line', async () => {
  const w = await watching({ 'a.yaml': pod('a'), 'b.yaml': pod('b') });
  try {
    await unlink(join(w.dir, 'a.yaml'));
    await waitFor(() => w.deleted.includes('a'), 5000, 'prune');
    await writeFile(join(w.dir, 'b.yaml'), pod('b') + 'bad: [\n');
    await waitFor(() => w.rec.status.problems().length > 0, 5000, 'the syntax error');
    assert.deepEqual(w.podNames(), ['b']);
    const [problem] = w.rec.status.problems();
    assert.equal(problem!.line, 10);
    assert.ok(problem!.file.endsWith('/b.yaml'));
  } finally {
    await w.stop();
  }
});

test('folders moved in and out, and ignored files (dot-folders, node_modules, backups) are handled', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  const outside = await mkdtemp(join(tmpdir(), 'kubesim-outside-'));
  try {
    await mkdir(join(outside, 'more'));
    await writeFile(join(outside, 'more', 'm.yaml'), pod('moved'));
    await rename(join(outside, 'more'), join(w.dir, 'more'));
    await waitFor(() => w.podNames().includes('moved'), 5000, 'a folder moved in');
    for (const ignored of ['.git/x.yaml', 'node_modules/y.yaml', 'a.yaml~', '.a.yaml.swp', '.#a.yaml', 'notes.txt']) {
      await mkdir(join(w.dir, ignored, '..'), { recursive: true });
      await writeFile(join(w.dir, ignored), pod('ignored'));
    }
    await rename(join(w.dir, 'more'), join(outside, 'gone'));
    await waitFor(() => !w.podNames().includes('moved'), 5000, 'a folder moved out');
    await new Promise((r) => setTimeout(r, 200));
    await w.rec.idle();
    assert.deepEqual(w.podNames(), ['a']);
  } finally {
    await w.stop();
    await rm(outside, { recursive: true, force: true });
  }
});

test('the watched folder deleted and recreated is watched again', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  try {
    await rm(w.dir, { recursive: true });
    await waitFor(() => w.podNames().length === 0, 5000, 'everything pruned');
    await mkdir(w.dir);
    await writeFile(join(w.dir, 'b.yaml'), pod('b'));
    await waitFor(() => w.podNames().includes('b'), 8000, 'the recreated folder');
  } finally {
    await w.stop();
  }
});

test('with --poll, saves are seen by polling', async () => {
  const w = await watching({ 'a.yaml': pod('a') }, true);
  try {
    await writeFile(join(w.dir, 'a.yaml'), pod('a', 'nginx:polled'));
    await waitFor(() => w.image('a') === 'nginx:polled', 5000, 'a polled save');
  } finally {
    await w.stop();
  }
});

test('a binary or non-UTF-8 manifest is refused with a message, and what the file applied before stays', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  try {
    await writeFile(join(w.dir, 'a.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    await waitFor(() => w.rec.status.problems().length > 0, 5000, 'the refusal');
    assert.match(w.rec.status.problems()[0]!.message, /a\.yaml: not valid UTF-8 text, not a manifest/);
    await new Promise((r) => setTimeout(r, 200));
    await w.rec.idle();
    assert.deepEqual(w.podNames(), ['a']);
    await writeFile(join(w.dir, 'a.yaml'), pod('a'));
    await waitFor(() => w.rec.status.problems().length === 0, 5000, 'the fix');
  } finally {
    await w.stop();
  }
});

test('a home folder or a folder with more than 10,000 files is refused with a hint', async () => {
  assert.match((await folderRefusal(homedir()))!, /home folder.*name the folder that holds your manifests/);
  const big = await mkdtemp(join(tmpdir(), 'kubesim-big-'));
  try {
    await Promise.all(Array.from({ length: 10_001 }, (_, i) => writeFile(join(big, `f${i}.txt`), '')));
    assert.match((await folderRefusal(big))!, /more than 10,000 files/);
    assert.equal(await folderRefusal(join(big, '..', 'kubesim-no-such-folder-here')).then((m) => /no such folder/.test(m!)), true);
  } finally {
    await rm(big, { recursive: true, force: true });
  }
});

test('a file renamed keeps its objects: no prune, no conflict, the source annotation follows the new name', async () => {
  const w = await watching({ 'a.yaml': pod('a') });
  const problems: string[] = [];
  w.rec.status.subscribe((e) => e.type === 'problem' && problems.push(e.problem.message));
  try {
    await rename(join(w.dir, 'a.yaml'), join(w.dir, 'b.yaml'));
    const source = () => w.cluster.objects().find((o) => o.metadata.name === 'a')?.metadata.annotations?.['kubesim.dev/source'];
    await waitFor(() => source() === 'b.yaml', 5000, 'the new source');
    await new Promise((r) => setTimeout(r, 300));
    await w.rec.idle();
    assert.deepEqual(w.deleted, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(w.rec.status.files().map((f) => f.file), [`${w.dir}/b.yaml`]);
  } finally {
    await w.stop();
  }
});
