// The kubectl-facing API under load:
//  - api.kubectl_get_pods_10k_ratio: wall time of the real `kubectl get pods -A` against 10,000 simulated Pods,
//    divided by the same kubectl against a static server sending the identical, pre-serialised bytes
//    (goal ≤ 1.3: our listing, printing and serialising cost little next to kubectl's own work);
//  - api.watch_events_per_s: Pod changes delivered to one watch client as JSON lines (goal ≥ 10,000).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApiServer, writeKubeconfig } from '../src/api/index.js';
import { VirtualClock } from '../src/sim/clock.js';
import { createContainerRuntime } from '../src/sim/runtime/container-runtime.js';
import { createSimulatedCluster } from '../src/sim/simulated-cluster.js';
import { report } from './report.js';

const PODS = 10_000;
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const AGG =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0) fail('kubectl is missing: api.bench needs the real kubectl on PATH');

// Timestamps a little in the past, so AGE columns read like a real cluster's.
const clock = new VirtualClock(Date.now() - 10 * 60_000);
const sim = createSimulatedCluster({ clock, runtime: createContainerRuntime(), workers: 10, maxPods: 1100, nodeCpu: '1000', nodeMemory: '4000Gi', events: false });
for (let i = 0; i < PODS; i++) {
  await sim.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `load-${i}`, namespace: `ns-${i % 20}`, labels: { app: 'load', shard: String(i % 20) } },
    spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
  }).catch(async (e) => {
    // The namespace must exist first.
    if (i < 20) {
      await sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i % 20}` } });
      i--;
      return;
    }
    throw e;
  });
}
await sim.advance(120_000);

const api = await startApiServer(sim, { port: 0 });

/** What kubectl asks for, recorded byte for byte from our server. */
async function record(path: string, accept: string): Promise<{ type: string; body: Buffer }> {
  const res = await fetch(api.url + path, { headers: { Accept: accept } });
  return { type: res.headers.get('content-type') ?? 'application/json', body: Buffer.from(await res.arrayBuffer()) };
}
const recorded = new Map<string, { type: string; body: Buffer }>([
  ['/version', await record('/version', 'application/json')],
  ['/api', await record('/api', AGG)],
  ['/apis', await record('/apis', AGG)],
  ['/api/v1/pods', await record('/api/v1/pods?limit=500', TABLE)],
]);
const staticServer = http.createServer((req, res) => {
  const hit = recorded.get((req.url ?? '/').split('?')[0]!);
  if (!hit) {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","reason":"NotFound","code":404}');
    return;
  }
  res.writeHead(200, { 'Content-Type': hit.type, 'Content-Length': hit.body.length });
  res.end(hit.body);
});
await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
const staticUrl = `http://127.0.0.1:${(staticServer.address() as { port: number }).port}`;

const home = mkdtempSync(join(tmpdir(), 'kubesim-api-bench-'));
const configs = {
  sim: writeKubeconfig({ url: api.url, path: join(home, 'sim.kubeconfig') }),
  static: writeKubeconfig({ url: staticUrl, path: join(home, 'static.kubeconfig') }),
};

/** kubectl runs in a child process; our server must keep answering meanwhile, so spawn asynchronously. */
function timeKubectl(kubeconfig: string): Promise<{ ms: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const c = spawn('kubectl', ['get', 'pods', '-A'], {
      env: { ...process.env, HOME: home, KUBECACHEDIR: join(home, 'cache'), KUBECONFIG: kubeconfig },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    {
      let lines = 0;
      let stderr = '';
      c.stdout!.on('data', (d: Buffer) => {
        for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
      });
      c.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      c.on('close', (code) => {
        if (code !== 0) reject(new Error(`kubectl failed: ${stderr}`));
        else resolve({ ms: performance.now() - started, lines });
      });
      c.on('error', reject);
    }
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
await timeKubectl(configs.sim);
await timeKubectl(configs.static);
const simTimes: number[] = [];
const staticTimes: number[] = [];
for (let round = 0; round < 5; round++) {
  const s = await timeKubectl(configs.sim);
  if (s.lines < PODS + 1) fail(`kubectl printed ${s.lines} lines for ${PODS} pods`);
  simTimes.push(s.ms);
  staticTimes.push((await timeKubectl(configs.static)).ms);
}
report('api.kubectl_get_pods_10k_ratio', median(simTimes) / median(staticTimes), 'ratio');

// Watch throughput: Pod changes written the way controllers write them (the kubelet's status updates go
// straight to the store, without the API's admission), counted as they arrive at one watch client.
// The client is its own process, as kubectl would be: it counts newlines (every line after the list's
// resourceVersion is one MODIFIED event) and says `done` when all have arrived.
const CHANGES = 20_000;
const start = await sim.list('Pod', { namespace: 'ns-0' });
const targets = start.items;
const WATCH_CLIENT = `
const http = require('node:http');
const [url, want] = process.argv.slice(1);
let seen = 0;
http.get(url, { headers: { Accept: 'application/json' } }, (res) => {
  process.stdout.write('open\\n');
  res.on('data', (chunk) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) seen++;
    if (seen >= Number(want)) { process.stdout.write('done\\n'); process.exit(0); }
  });
});`;
const delivered = await new Promise<number>((resolve, reject) => {
  const url = `${api.url}/api/v1/namespaces/ns-0/pods?watch=true&resourceVersion=${start.resourceVersion}`;
  const client = spawn(process.execPath, ['-e', WATCH_CLIENT, url, String(CHANGES)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let t0 = 0;
  client.stdout.setEncoding('utf8').on('data', (text: string) => {
    if (text.includes('done')) resolve(CHANGES / ((performance.now() - t0) / 1000));
    else if (text.includes('open')) {
      // Writes start once the stream is open, in bursts that let the event loop breathe between them.
      void (async () => {
        t0 = performance.now();
        for (let i = 0; i < CHANGES; i++) {
          const pod = targets[i % targets.length]!;
          sim.store.replace({ ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, rev: String(i) } } });
          if (i % 500 === 499) await new Promise((r) => setImmediate(r));
        }
      })().catch(reject);
    }
  });
  client.on('error', reject);
  setTimeout(() => reject(new Error('watch benchmark timed out')), 120_000).unref();
});
report('api.watch_events_per_s', delivered, 'events/s');

await api.close();
staticServer.close();
await sim.close();
rmSync(home, { recursive: true, force: true });
process.exit(0);
