// The Pod columns of `kubectl get pods [-o wide]`: a faithful port of the API server's printPod
// (pkg/printers/internalversion/printers.go, v1.32). The printer invents no status words: STATUS is
// read from what the kubelet wrote into the Pod, in the same order upstream reads it.

import type { Condition, ContainerStatus, Pod } from '../types.js';
import { ageColumn, humanDuration, parseTimestamp } from './human-duration.js';

export interface PodRow {
  namespace: string;
  name: string;
  ready: string;
  status: string;
  restarts: string;
  age: string;
  ip: string;
  node: string;
  nominatedNode: string;
  readinessGates: string;
}

/** Everything printPod derives from the container statuses in one pass. */
interface PodSummary {
  reason: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  /** Latest `lastState.terminated.finishedAt` that counts towards RESTARTS, ms since epoch (0 when none). */
  lastRestart: number;
}

function hasCondition(conditions: Condition[] | undefined, type: string, reason?: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && (reason === undefined ? c.status === 'True' : c.reason === reason));
}

function lastTerminationTime(status: ContainerStatus): number {
  const finished = status.lastState?.terminated ? parseTimestamp(status.lastState.terminated.finishedAt) : undefined;
  return finished ?? 0;
}

function isTerminalPhase(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

function summarizePod(pod: Pod): PodSummary {
  const status = pod.status ?? {};
  const initSpecs = pod.spec?.initContainers ?? [];
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));

  let restarts = 0;
  let sidecarRestarts = 0;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;
  const totalContainers = (pod.spec?.containers ?? []).length + sidecars.size;

  let reason: string = status.reason || status.phase || '';
  if (hasCondition(status.conditions, 'PodScheduled', 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const finished = lastTerminationTime(c);
    restarts += c.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finished);
    const isSidecar = sidecars.has(c.name);
    if (isSidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = Math.max(lastSidecarRestart, finished);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Last to first, so the first container's state is the one that shows.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, lastTerminationTime(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && !isTerminalPhase(status.phase)) {
    reason = 'Terminating';
  }

  return { reason, readyContainers, totalContainers, restarts, lastRestart };
}

/** STATUS: `Running`, `CrashLoopBackOff`, `Init:0/1`, `Terminating`, … */
export function podStatusReason(pod: Pod): string {
  return summarizePod(pod).reason;
}

/** READY: ready containers (sidecars included) over all containers, e.g. `1/2`. */
export function podReadyColumn(pod: Pod): string {
  const s = summarizePod(pod);
  return `${s.readyContainers}/${s.totalContainers}`;
}

function restartsText(s: PodSummary, now: number): string {
  if (s.restarts === 0 || s.lastRestart === 0) return String(s.restarts);
  return `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`;
}

/** RESTARTS: `0`, or `3 (40s ago)` counted from the latest termination of a restarted container. */
export function podRestartsColumn(pod: Pod, now: number): string {
  return restartsText(summarizePod(pod), now);
}

/** READINESS GATES: `<none>`, or true gate conditions over declared gates, e.g. `1/2`. */
export function podReadinessGatesColumn(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  let trueGates = 0;
  for (const gate of gates) {
    const condition = conditions.find((c) => c.type === gate.conditionType);
    if (condition?.status === 'True') trueGates++;
  }
  return `${trueGates}/${gates.length}`;
}

/** The first pod IP; the API server fills `podIPs` from `podIP`, so either will do. */
export function podIP(pod: Pod): string {
  return pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '';
}

/** One row of `kubectl get pods -o wide`, every cell as kubectl prints it. */
export function podRow(pod: Pod, now: number): PodRow {
  const s = summarizePod(pod);
  return {
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    ready: `${s.readyContainers}/${s.totalContainers}`,
    status: s.reason,
    restarts: restartsText(s, now),
    age: ageColumn(pod.metadata.creationTimestamp, now),
    ip: podIP(pod) || '<none>',
    node: pod.spec?.nodeName || '<none>',
    nominatedNode: pod.status?.nominatedNodeName || '<none>',
    readinessGates: podReadinessGatesColumn(pod),
  };
}
