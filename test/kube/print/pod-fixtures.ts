// Small builders for Pods in the states a kubelet writes, so each printer test states only what matters.
import type { Condition, Container, ContainerState, ContainerStatus, Pod } from '../../../src/kube/types.js';

export const NOW = Date.parse('2024-05-01T12:00:00Z');

/** An RFC 3339 timestamp `secondsAgo` before NOW. */
export function ago(secondsAgo: number): string {
  return new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
}

export function running(startedSecondsAgo = 60): ContainerState {
  return { running: { startedAt: ago(startedSecondsAgo) } };
}
export function waiting(reason?: string, message?: string): ContainerState {
  return { waiting: { ...(reason ? { reason } : {}), ...(message ? { message } : {}) } };
}
export function terminated(exitCode: number, reason?: string, extra: Partial<NonNullable<ContainerState['terminated']>> = {}): ContainerState {
  return { terminated: { exitCode, ...(reason ? { reason } : {}), startedAt: ago(120), finishedAt: ago(30), ...extra } };
}

export function status(name: string, state: ContainerState, more: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name,
    state,
    lastState: {},
    ready: false,
    restartCount: 0,
    image: `docker.io/library/${name}:latest`,
    imageID: '',
    started: state.running !== undefined,
    ...more,
  };
}

export interface PodOptions {
  name?: string;
  namespace?: string;
  containers?: string[];
  initContainers?: (string | { name: string; sidecar: true })[];
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  reason?: string;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  conditions?: Condition[];
  nodeName?: string;
  podIP?: string;
  createdSecondsAgo?: number;
  deletionTimestamp?: string;
}

export function pod(o: PodOptions = {}): Pod {
  const containers: Container[] = (o.containers ?? ['app']).map((name) => ({ name, image: `${name}:latest` }));
  const initContainers: Container[] | undefined = o.initContainers?.map((c) =>
    typeof c === 'string' ? { name: c, image: `${c}:latest` } : { name: c.name, image: `${c.name}:latest`, restartPolicy: 'Always' as const },
  );
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name ?? 'web',
      namespace: o.namespace ?? 'default',
      uid: '0b5e1c9a-0000-4000-8000-000000000001',
      creationTimestamp: ago(o.createdSecondsAgo ?? 300),
      ...(o.deletionTimestamp ? { deletionTimestamp: o.deletionTimestamp, deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: {
      containers,
      ...(initContainers ? { initContainers } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.conditions ? { conditions: o.conditions } : {}),
      ...(o.podIP ? { podIP: o.podIP, podIPs: [{ ip: o.podIP }] } : {}),
      ...(o.initStatuses ? { initContainerStatuses: o.initStatuses } : {}),
      ...(o.statuses ? { containerStatuses: o.statuses } : {}),
    },
  };
}
