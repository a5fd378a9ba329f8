// The folder reconciler's speed (issue 3): how long from a save to the store holding it, with 1,000 files
// watched (and, in the same run, how fast raw fs.watch delivers an event here, for the ratio), and how long
// the first load of 1,000 files holding 10,000 Pods takes.

import { watch } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, report } from './report.js';
import { readManifestFile } from '../src/manifests/read-file.js';
import { Reconciler } from '../src/manifests/reconciler.js';
import { FolderWatcher } from '../src/manifests/watch.js';
import { VirtualClock } from '../src/sim/clock.js';
import { createSimulatedCluster } from '../src/sim/simulated-cluster.js';
import { createContainerRuntime, type ContainerRuntime } from '../src/sim/runtime/index.js';

const FILES = 1000;
const SAVES = 200;

function pods(file: number, count: number, tag = '1'): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${file}-${i}\n  labels:\n    app: bench\nspec:\n  containers:\n  - name: main\n    image: nginx:${tag}\n`,
    );
  }
  return docs.join('---\n');
}

async function runtime(): Promise<ContainerRuntime> {
  return createContainerRuntime({});
}

async function folder(podsPerFile: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-bench-'));
  for (let start = 0; start < FILES; start += 100) {
    await Promise.all(Array.from({ length: 100 }, (_, k) => writeFile(join(dir, `f${start + k}.yaml`), pods(start + k, podsPerFile))));
  }
  return dir;
}

async function start(dir: string) {
  const cluster = createSimulatedCluster({ clock: new VirtualClock(), runtime: await runtime(), events: false });
  const reconciler = new Reconciler({ source: cluster, dir, readFile: (id) => readManifestFile(join(dir, id), id) });
  const watcher = new FolderWatcher({ dir, sink: reconciler });
  const began = performance.now();
  await watcher.start();
  await reconciler.idle();
  const loadMs = performance.now() - began;
  const stop = async () => {
    await watcher.close();
    await reconciler.close();
    await cluster.close();
  };
  return { cluster, reconciler, watcher, loadMs, stop };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Save → the store holds the new image: a watch on Pods sees it. */
async function saveToStore(): Promise<number[]> {
  const dir = await folder(1);
  const run = await start(dir);
  const waiting = new Map<string, (t: number) => void>();
  const unwatch = run.cluster.watch('Pod', { resourceVersion: (await run.cluster.list('Pod')).resourceVersion }, (event) => {
    const image = event.object.spec?.containers?.[0]?.image as string | undefined;
    const done = waiting.get(`${event.object.metadata.name} ${image}`);
    if (done) done(performance.now());
  });
  const samples: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const file = (i * 7) % FILES; // different files, so chokidar's same-file coalescing never hides a save
    const tag = `v${i + 2}`;
    const seen = new Promise<number>((resolve) => waiting.set(`p${file}-0 nginx:${tag}`, resolve));
    const wrote = performance.now();
    await writeFile(join(dir, `f${file}.yaml`), pods(file, 1, tag));
    const t = await Promise.race([seen, pause(5000).then(() => NaN)]);
    if (Number.isNaN(t)) throw new Error(`save ${i} never reached the store`);
    samples.push(t - wrote);
    await pause(15);
  }
  unwatch();
  await run.stop();
  await rm(dir, { recursive: true, force: true });
  return samples;
}

/** Raw fs.watch on a folder of 1,000 files: write → event. */
async function fsWatchFloor(): Promise<number[]> {
  const dir = await folder(1);
  let resolveEvent: ((t: number) => void) | undefined;
  const watcher = watch(dir, () => resolveEvent?.(performance.now()));
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const event = new Promise<number>((resolve) => (resolveEvent = resolve));
    const wrote = performance.now();
    await writeFile(join(dir, `f${i % FILES}.yaml`), pods(i % FILES, 1, `w${i}`));
    samples.push((await event) - wrote);
    resolveEvent = undefined;
    await pause(2);
  }
  watcher.close();
  await rm(dir, { recursive: true, force: true });
  return samples;
}

async function initialLoad(): Promise<number> {
  const dir = await folder(10);
  const run = await start(dir);
  const { items } = await run.cluster.list('Pod', { labelSelector: 'app=bench' });
  if (items.length !== FILES * 10) throw new Error(`expected ${FILES * 10} Pods, the store has ${items.length}`);
  await run.stop();
  await rm(dir, { recursive: true, force: true });
  return run.loadMs;
}

const saves = await saveToStore();
const floor = await fsWatchFloor();
report('reconcile.save_to_store_p99_ms', percentile(saves, 99), 'ms');
report('reconcile.fswatch_floor_p99_ms', percentile(floor, 99), 'ms');
report('reconcile.initial_load_ms', await initialLoad(), 'ms');
