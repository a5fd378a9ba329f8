// 10,000 Pods across 1,000 worker nodes, created through apply (the path applied manifests take), with
// events and logs on, driven to Running on a virtual clock. Prints Pods Running per CPU-second and the RSS;
// exits 1 if any Pod is not Running.
//
// Plain JavaScript on the compiled simulator (dist/, which `npm run bench` builds first), as `kubesim` runs it:
// under tsx the process would also carry its module-loader thread (about 35 MB of RSS that is not ours).
//
// The CPU clock runs from the moment the 1,001-node cluster is up with its 2,002 kube-system Pods Running
// (what `kind create cluster` hands over) until every applied Pod is Running, so the figure is the cost of
// taking applied Pods to Running. It is taken twice, on two clusters one after the other: the first batch
// (`_cold`) also pays for V8 compiling the simulator's hot paths, which a warm-up of a few Pods cannot make hot;
// the second is the steady state, the simulator's own cost per Pod. SIM_BENCH_PODS / SIM_BENCH_NODES /
// SIM_BENCH_IMAGE shrink or vary the run while profiling.
import os from 'node:os';
import { VirtualClock } from '../dist/sim/clock.js';
import { createSimulatedCluster } from '../dist/sim/simulated-cluster.js';

const PODS = Number(process.env.SIM_BENCH_PODS ?? 10_000);
const NODES = Number(process.env.SIM_BENCH_NODES ?? 1_000);
const IMAGE = process.env.SIM_BENCH_IMAGE ?? 'nginx:1.27';

function report(name, value, unit) {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));
}

function manifest(i) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: IMAGE, ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
  };
}

const isRunning = (p) => p.status?.phase === 'Running' && (p.status.containerStatuses ?? []).every((c) => c.ready);

async function runningCount(cluster, namespace) {
  return (await cluster.list('Pod', { namespace })).items.filter(isRunning).length;
}

/**
 * One batch: a 1,001-node cluster up with its kube-system Pods Running, then the CPU clock runs while PODS
 * Pods are applied and driven to Running. Returns the figure, with the cluster still up.
 */
async function batch() {
  const cluster = createSimulatedCluster({ clock: new VirtualClock(), workers: NODES, seed: 7 });
  await cluster.advance(30_000);
  const systemPods = (await cluster.list('Pod', { namespace: 'kube-system' })).items.length;
  if ((await runningCount(cluster, 'kube-system')) !== systemPods) {
    console.error('kube-system did not come up');
    process.exit(1);
  }
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < PODS; i++) await cluster.apply(manifest(i));
  let running = 0;
  for (let step = 0; step < 600 && running < PODS; step++) {
    await cluster.advance(1_000);
    running = await runningCount(cluster, 'default');
  }
  const cpu = process.cpuUsage(cpuBefore);
  if (running < PODS) {
    console.error(`only ${running} of ${PODS} Pods reached Running`);
    process.exit(1);
  }
  return { cluster, perCpuSecond: running / ((cpu.user + cpu.system) / 1e6) };
}

// Warm-up: load every module and run every code path once.
const warm = createSimulatedCluster({ clock: new VirtualClock(), workers: 2 });
for (let i = 0; i < 20; i++) await warm.apply(manifest(i));
await warm.advance(60_000);
await warm.close();

// The first batch in the process pays V8's compiling of the hot paths as well (about a fifth of its CPU:
// they are hot only once thousands of Pods go through them): reported as the cold figure. Memory is measured
// at this size, with this one cluster in the process.
const first = await batch();
globalThis.gc?.();
const rss = process.memoryUsage().rss / (1024 * 1024);
await first.cluster.close();
globalThis.gc?.();

// The second batch, on a fresh cluster of the same size, measures the simulator at its steady state.
const second = await batch();
await second.cluster.close();
report('sim.pods_running_per_cpu_s', second.perCpuSecond, 'pods/cpu-s');
report('sim.pods_running_per_cpu_s_cold', first.perCpuSecond, 'pods/cpu-s');
report('sim.rss_mb', rss, 'MB');
console.error(`sim: load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
