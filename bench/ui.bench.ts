// Dashboard benchmarks (issue 4): frame latency with 10,000 Pods on 1,000 nodes and the log pane streaming,
// idle output while only ages tick, sustained log throughput, save-to-frame and first frame.
// Frames are written to a fake TTY (columns × rows, isTTY) with the dashboard's real render options.

// Ink decides "am I in CI?" when it is imported: make sure it renders frames like in a terminal.
process.env['CI'] = 'false';
process.env['NODE_ENV'] = 'production';

import { EventEmitter } from 'node:events';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, report } from './report.js';
import type { Pod } from '../src/kube/types.js';
import type { ClusterSource } from '../src/kube/cluster-source.js';
import type { ReconcileStatus } from '../src/kube/reconcile-status.js';

const { mountDashboard } = await import('../src/ui/mount-dashboard.js');
const { DashboardModel } = await import('../src/ui/model/dashboard-model.js');
const { ansiPainter } = await import('../src/ui/view/paint.js');
const { FakeCluster, makeNode, makePod } = await import('../test/ui/fake-cluster.js');
const { ScaledClock } = await import('../src/sim/clock.js');
const { createSimulatedCluster } = await import('../src/sim/simulated-cluster.js');
const { createContainerRuntime } = await import('../src/sim/runtime/container-runtime.js');
const { Reconciler } = await import('../src/manifests/reconciler.js');
const { FolderWatcher } = await import('../src/manifests/watch.js');
const { readManifestFile } = await import('../src/manifests/read-file.js');

const here = dirname(fileURLToPath(import.meta.url));

class FakeTty extends EventEmitter {
  isTTY = true;
  bytes = 0;
  onWrite: ((chunk: string) => void) | undefined;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (chunk: string | Uint8Array): boolean => {
    const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.bytes += Buffer.byteLength(s);
    this.onWrite?.(s);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function bigCluster(opts: { young?: boolean } = {}) {
  const c = new FakeCluster();
  c.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  for (let n = 0; n < 1000; n++) c.put(makeNode(`node-${String(n).padStart(4, '0')}`));
  const created = (i: number) => new Date(opts.young ? Date.now() - 30_000 - (i % 50) * 1000 : Date.UTC(2026, 0, 1, 10)).toISOString();
  for (let i = 0; i < 10_000; i++) {
    c.put(
      makePod(`app-${String(i).padStart(5, '0')}`, {
        node: `node-${String(i % 1000).padStart(4, '0')}`,
        ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        created: created(i),
        containers: [{ name: 'main', running: true, ready: true, cpu: '100m', memory: '128Mi' }],
      }),
    );
  }
  if (opts.young) c.now = () => Date.now();
  return c;
}

function mount(c: ClusterSource, cols: number, rows: number, tick = false, status?: ReconcileStatus) {
  const model = new DashboardModel(c, status, { tick }, ansiPainter);
  model.size = { cols, rows };
  const stdout = new FakeTty(cols, rows);
  const stdin = new FakeStdin();
  const ink = mountDashboard(model, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream });
  model.start();
  return { model, stdout, ink, close: () => (ink.unmount(), model.stop()) };
}

/** Latency from a cluster change reaching the UI layer (the watch event) to the frame showing it written. */
async function frameLatency(cols: number, rows: number, samples: number): Promise<number> {
  const c = bigCluster();
  const d = mount(c, cols, rows);
  await sleep(300);
  // The log pane streams the selected Pod's logs meanwhile, 2,000 lines a second.
  let n = 0;
  const streamer = setInterval(() => {
    for (let i = 0; i < 20; i++) c.log('default', 'app-00000', 'main', `GET /api/items/${n++} 200 ${n % 97}ms`);
  }, 10);
  const times: number[] = [];
  const base = c.objects.get('Pod/default/app-00001') as Pod;
  for (let s = 0; s < samples; s++) {
    const restarts = 5000 + s;
    const marker = `${restarts}`;
    const pod: Pod = structuredClone(base);
    pod.status!.containerStatuses![0]!.restartCount = restarts;
    let done: (() => void) | undefined;
    const seen = new Promise<void>((r) => (done = r));
    let t0 = 0;
    d.stdout.onWrite = (chunk) => {
      if (chunk.includes(marker)) {
        times.push(performance.now() - t0);
        d.stdout.onWrite = undefined;
        done!();
      }
    };
    t0 = performance.now();
    c.put(pod);
    await Promise.race([seen, sleep(2000)]);
    await sleep(20 + ((s * 37) % 60));
  }
  clearInterval(streamer);
  d.close();
  if (times.length < samples) throw new Error(`only ${times.length} of ${samples} changes reached the screen`);
  process.stderr.write(`ui.frame_ms ${cols}x${rows}: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms; ${loadNote()}\n`);
  return percentile(times, 99);
}

/** The machine is shared: say how busy it was, so a figure can be read against it. */
function loadNote(): string {
  return `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
}

/** Bytes a second written while nothing changes but the ages of Pods younger than two minutes. */
async function idleBytes(): Promise<number> {
  const c = bigCluster({ young: true });
  const d = mount(c, 120, 40, true);
  await sleep(1500);
  const start = d.stdout.bytes;
  const t0 = performance.now();
  await sleep(5000);
  const perSecond = ((d.stdout.bytes - start) * 1000) / (performance.now() - t0);
  d.close();
  return perSecond;
}

/** The highest log rate at which frames (push → bytes written) keep p99 ≤ 33 ms and every line is taken in. */
async function logThroughput(): Promise<number> {
  const c = bigCluster();
  let best = 0;
  for (const rate of [5_000, 10_000, 20_000, 40_000, 80_000, 160_000]) {
    const d = mount(c, 120, 40);
    await sleep(300);
    const frames: number[] = [];
    let pushedAt: number | undefined;
    d.model.subscribe(() => {
      pushedAt ??= performance.now();
    });
    d.stdout.onWrite = () => {
      if (pushedAt !== undefined) frames.push(performance.now() - pushedAt);
      pushedAt = undefined;
    };
    const startTotal = d.model.logs.ring.total;
    const t0 = performance.now();
    let sent = 0;
    let n = 0;
    while (performance.now() - t0 < 2000) {
      const due = Math.floor(((performance.now() - t0) * rate) / 1000);
      for (; sent < due; sent++) c.log('default', 'app-00000', 'main', `line ${n++} of a steady stream of log output`);
      await sleep(5);
    }
    const elapsed = performance.now() - t0;
    const taken = d.model.logs.ring.total - startTotal;
    const p99 = percentile(frames, 99);
    d.close();
    const perSecond = (taken * 1000) / elapsed;
    process.stderr.write(`ui.log_lines_per_s: offered ${rate}/s, taken ${Math.round(perSecond)}/s, frame p99 ${p99.toFixed(1)} ms over ${frames.length} frames; ${loadNote()}\n`);
    if (p99 <= 33 && taken >= sent * 0.95) best = Math.max(best, perSecond);
    else break;
  }
  return best;
}

/** From a manifest saved into the watched folder to the frame showing its Pod written (simulator, real watcher). */
async function saveToFrame(samples: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-ui-bench-'));
  const clock = new ScaledClock({ now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }, 1);
  const cluster = createSimulatedCluster({ clock, runtime: createContainerRuntime() });
  const reconciler = new Reconciler({ source: cluster, dir, now: () => Date.now(), readFile: (id) => readManifestFile(join(dir, id), `${dir}/${id}`) });
  const watcher = new FolderWatcher({ dir, sink: reconciler });
  await watcher.start();
  const d = mount(cluster, 120, 40, false, reconciler.status);
  await sleep(500);
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    // Names that sort first, so the new Pod is always on screen.
    const name = `a${String(999 - s).padStart(3, '0')}`;
    let done!: () => void;
    const seen = new Promise<void>((r) => (done = r));
    let t0 = 0;
    d.stdout.onWrite = (chunk) => {
      if (chunk.includes(name)) {
        times.push(performance.now() - t0);
        d.stdout.onWrite = undefined;
        done();
      }
    };
    t0 = performance.now();
    writeFileSync(join(dir, `${name}.yaml`), `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx\n`);
    await Promise.race([seen, sleep(3000)]);
    await sleep(150);
  }
  d.close();
  await watcher.close();
  await reconciler.close();
  clock.stop();
  await cluster.close();
  rmSync(dir, { recursive: true, force: true });
  if (times.length < samples) throw new Error(`only ${times.length} of ${samples} saves reached the screen`);
  process.stderr.write(`ui.save_to_frame: p50 ${percentile(times, 50).toFixed(1)} ms; ${loadNote()}\n`);
  return percentile(times, 99);
}

/** From process start to the first frame written, in a fresh process running the built dashboard. */
async function firstFrame(): Promise<number> {
  const dist = join(here, '..', 'dist', 'ui', 'run-dashboard.js');
  const code = `
    process.env.NODE_ENV = 'production';
    process.env.CI = 'false';
    const { writeSync } = await import('node:fs');
    const { EventEmitter } = await import('node:events');
    const { runDashboard } = await import(${JSON.stringify(dist)});
    const out = Object.assign(new EventEmitter(), { isTTY: true, columns: 120, rows: 40, write(s) {
      if (String(s).includes('Pods')) { writeSync(1, 'FIRST ' + performance.now() + '\\n'); process.exit(0); }
      return true;
    } });
    const input = Object.assign(new EventEmitter(), { isTTY: true, setRawMode() {}, setEncoding() {}, resume() {}, pause() {}, ref() {}, unref() {}, read() { return null; } });
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'kubesim-worker' }, spec: {}, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] } };
    const source = { name: 'kubesim', capabilities: {}, now: () => Date.now(), kinds: () => [],
      watch: (kind, _o, cb) => { if (kind === 'Node') cb({ type: 'ADDED', object: node }); return () => {}; },
      logs: async () => () => {}, close: async () => {} };
    await runDashboard({ source, options: { stdout: out, stdin: input } });
  `;
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('exit', () => resolve(text));
      child.on('error', reject);
    });
    const m = /FIRST ([\d.]+)/.exec(out);
    if (!m) throw new Error(`no first frame from the child: ${out}`);
    samples.push(Number(m[1]));
  }
  return percentile(samples, 50);
}

report('ui.frame_ms_p99', await frameLatency(120, 40, 150), 'ms');
report('ui.frame_ms_p99_160x50', await frameLatency(160, 50, 150), 'ms');
report('ui.save_to_frame_p99_ms', await saveToFrame(60), 'ms');
report('ui.idle_bytes_per_s', await idleBytes(), 'bytes/s');
report('ui.log_lines_per_s', await logThroughput(), 'lines/s');
report('ui.first_frame_ms', await firstFrame(), 'ms');
process.exit(0);
