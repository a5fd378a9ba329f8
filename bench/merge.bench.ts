// How long one `kubectl apply` costs the reconciler and the API: the three-way patch of a realistic
// live Pod (defaults, status, 20 env vars, 3 containers) and applying that patch back.
import { performance } from 'node:perf_hooks';
import { clientSideApply, threeWayMergePatch } from '../src/kube/merge/index.js';
import type { KubeObject } from '../src/kube/types.js';
import { percentile, report } from './report.js';

function manifest(value: string): KubeObject {
  const container = (name: string) => ({
    name,
    image: `example/${name}:1.0`,
    env: Array.from({ length: 20 }, (_, i) => ({ name: `VAR_${i}`, value: i === 0 ? value : `v${i}` })),
    ports: [{ containerPort: 8080 }],
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
    resources: { requests: { cpu: '100m', memory: '64Mi' } },
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'bench', labels: { app: 'bench' } },
    spec: { containers: ['a', 'b', 'c'].map(container), volumes: [{ name: 'data', emptyDir: {} }] },
  };
}

const live = clientSideApply(undefined, manifest('x'), { namespace: 'default' }).object;
live.status = {
  phase: 'Running',
  conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
  containerStatuses: ['a', 'b', 'c'].map((name) => ({ name, ready: true, restartCount: 0, state: { running: {} } })),
};

function time(run: () => void, rounds: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run();
    samples.push((performance.now() - t) * 1000);
  }
  return samples;
}

const unchanged = manifest('x');
const changed = manifest('y');
time(() => clientSideApply(live, changed, { namespace: 'default' }), 200);
const same = time(() => threeWayMergePatch({ desired: unchanged, live, namespace: 'default' }), 2000);
const apply = time(() => clientSideApply(live, changed, { namespace: 'default' }), 2000);
report('merge.threeWay.unchanged.p50', percentile(same, 50), 'us');
report('merge.clientSideApply.changed.p50', percentile(apply, 50), 'us');
report('merge.clientSideApply.changed.p99', percentile(apply, 99), 'us');
