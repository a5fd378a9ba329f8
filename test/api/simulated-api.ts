// The real simulator behind our API server, at high speed, for the kubectl end-to-end tests and benchmarks.
import { startApiServer, type ApiServer } from '../../src/api/index.js';
import { ScaledClock } from '../../src/sim/clock.js';
import { createContainerRuntime } from '../../src/sim/runtime/container-runtime.js';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/sim/simulated-cluster.js';

export interface SimulatedApi {
  sim: SimulatedCluster;
  server: ApiServer;
  close(): Promise<void>;
}

export async function startSimulatedApi(speed = 50): Promise<SimulatedApi> {
  const clock = new ScaledClock({ now: Date.now, setTimeout, clearTimeout }, speed);
  const sim = createSimulatedCluster({ clock, runtime: createContainerRuntime() });
  const server = await startApiServer(sim, { port: 0 });
  return {
    sim,
    server,
    close: async () => {
      await server.close();
      await sim.close();
      clock.stop();
    },
  };
}

export const SIMPLE_POD = `apiVersion: v1
kind: Pod
metadata:
  name: simple-echo
spec:
  containers:
  - name: nginx
    image: gihyodocker/nginx-proxy:latest
    env:
    - name: BACKEND_HOST
      value: localhost:8080
    ports:
    - containerPort: 80
  - name: echo
    image: gihyodocker/echo:latest
    ports:
    - containerPort: 8080
`;
