// One simulated cluster on a VirtualClock, served to kubectl on a free port: time moves only while the test
// advances it, so once it stops every reader (kubectl through the API, the dashboard in-process) sees the
// same state at the same `now`.

import { startApiServer, type ApiServer } from '../../src/api/index.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { createContainerRuntime } from '../../src/sim/runtime/container-runtime.js';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/sim/simulated-cluster.js';
import type { Pod } from '../../src/kube/types.js';

export interface FrozenCluster {
  cluster: SimulatedCluster;
  server: ApiServer;
  /** Advances simulated time a second at a time until `done` holds; throws after `maxSeconds`. */
  advanceUntil(what: string, done: () => Promise<boolean>, maxSeconds?: number): Promise<void>;
  pod(name: string, namespace?: string): Promise<Pod>;
  close(): Promise<void>;
}

export async function startFrozenCluster(): Promise<FrozenCluster> {
  // Ten minutes in the past: kubectl computes event ages with its own clock, and the simulated timestamps
  // must stay behind it after the test has advanced a few simulated minutes.
  const clock = new VirtualClock(Date.now() - 10 * 60_000);
  const cluster = createSimulatedCluster({ clock, runtime: createContainerRuntime() });
  const server = await startApiServer(cluster, { port: 0 });
  return {
    cluster,
    server,
    async advanceUntil(what, done, maxSeconds = 300) {
      for (let s = 0; s < maxSeconds; s++) {
        if (await done()) return;
        await cluster.advance(1000);
      }
      if (!(await done())) throw new Error(`${what} did not happen within ${maxSeconds} simulated seconds`);
    },
    pod: async (name, namespace = 'default') => (await cluster.get({ apiVersion: 'v1', kind: 'Pod', namespace, name })) as Pod,
    async close() {
      await server.close();
      await cluster.close();
    },
  };
}
