// Shared set-up for the simulator's tests: a cluster on a VirtualClock with the fake runtime, and the book's Pod.
import { VirtualClock } from '../../src/sim/clock.js';
import { createSimulatedCluster, type SimulatedCluster, type SimulatedClusterOptions } from '../../src/sim/simulated-cluster.js';
import type { KubeEvent, KubeObject, Pod } from '../../src/kube/types.js';
import { createFakeRuntime } from './fake-runtime.js';

export function makeCluster(options: Partial<SimulatedClusterOptions> = {}): { cluster: SimulatedCluster; clock: VirtualClock } {
  const clock = new VirtualClock();
  const cluster = createSimulatedCluster({ clock, runtime: createFakeRuntime(), ...options });
  return { cluster, clock };
}

export function bookPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'simple-echo' },
    spec: {
      containers: [
        { name: 'nginx', image: 'gihyodocker/nginx-proxy:latest', env: [{ name: 'BACKEND_HOST', value: 'localhost:8080' }], ports: [{ containerPort: 80 }] },
        { name: 'echo', image: 'gihyodocker/echo:latest', ports: [{ containerPort: 8080 }] },
      ],
    },
  };
}

export function simplePod(name: string, spec: Partial<Pod['spec']> & Pick<Pod['spec'], 'containers'>, metadata: Partial<KubeObject['metadata']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata }, spec };
}

export async function getPod(cluster: SimulatedCluster, name: string, namespace = 'default'): Promise<Pod> {
  return (await cluster.get({ kind: 'Pod', namespace, name })) as Pod;
}

export async function podEvents(cluster: SimulatedCluster, name: string, namespace = 'default'): Promise<KubeEvent[]> {
  const { items } = await cluster.list('Event', { namespace, fieldSelector: `involvedObject.name=${name}` });
  return items as KubeEvent[];
}

/** Reasons and messages of an object's events, in the order they were first recorded. */
export async function eventLines(cluster: SimulatedCluster, name: string, namespace = 'default'): Promise<string[]> {
  return (await podEvents(cluster, name, namespace)).map((e) => `${e.reason}: ${e.message}`);
}
