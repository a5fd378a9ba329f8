// The dashboard on the real simulator (VirtualClock, the real container runtime): what the fake cluster
// stands in for elsewhere, checked once against the real thing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../src/sim/clock.js';
import { createSimulatedCluster } from '../../src/sim/simulated-cluster.js';
import { createContainerRuntime } from '../../src/sim/runtime/container-runtime.js';
import type { Pod } from '../../src/kube/types.js';
import { KEYS, openDashboard } from './dashboard-harness.js';

function bookPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'simple-echo', namespace: 'default' },
    spec: {
      containers: [
        { name: 'nginx', image: 'gihyodocker/nginx-proxy:latest', env: [{ name: 'BACKEND_HOST', value: 'localhost:8080' }], ports: [{ containerPort: 80 }] },
        { name: 'echo', image: 'gihyodocker/echo:latest', ports: [{ containerPort: 8080 }] },
      ],
    },
  };
}

test('on the simulator: the book Pod reaches 2/2 Running on screen, its logs stream, the shell answers, a stopped node goes NotReady', { timeout: 60_000 }, async () => {
  const clock = new VirtualClock(Date.now());
  const cluster = createSimulatedCluster({ clock, runtime: createContainerRuntime() });
  const d = openDashboard(cluster, { cols: 100, rows: 30 });
  // Simulated time moves only when told to: a little on every poll, as a running clock would.
  const ticker = setInterval(() => void cluster.advance(500), 10);
  try {
    await d.waitFor('kubesim-worker2');
    await cluster.apply(bookPod(), { fieldManager: 'kubesim' });
    await d.waitFor(/simple-echo\s+2\/2\s+Running/);
    await d.waitFor('start server');

    await d.press('s');
    await d.waitFor(/^\/ # /m);
    await d.press(...'wget -qO- localhost:8080', KEYS.enter);
    await d.waitFor('Hello Docker!!');
    await d.press(...'exit', KEYS.enter);
    await d.waitFor('exited');

    assert.ok(cluster.capabilities.nodeFaults, 'the simulator offers node faults');
    await d.press(KEYS.shiftTab);
    await d.waitFor(/▶ Nodes/);
    await d.press('G', 'x');
    await d.waitFor(/kubesim-worker2\s+NotReady/);
  } finally {
    clearInterval(ticker);
    d.close();
    await cluster.close();
  }
});
