// What the nodes pane shows beyond `kubectl get nodes`: how full each node is. Requests are summed over
// the Pods bound to it that still hold resources (not Succeeded or Failed), as the scheduler counts them.

import { parseQuantity } from '../../kube/quantity.js';
import type { Node, Pod } from '../../kube/types.js';

export interface NodeUsage {
  pods: number;
  maxPods: number;
  cpuRequested: number;
  cpuAllocatable: number;
  memRequested: number;
  memAllocatable: number;
}

function quantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  try {
    return parseQuantity(q);
  } catch {
    return 0;
  }
}

function podRequest(pod: Pod, resource: string): number {
  // The effective request: the larger of the containers' sum and any single init container's.
  let sum = 0;
  for (const c of pod.spec?.containers ?? []) sum += quantity(c.resources?.requests?.[resource]);
  let init = 0;
  for (const c of pod.spec?.initContainers ?? []) init = Math.max(init, quantity(c.resources?.requests?.[resource]));
  return Math.max(sum, init);
}

export function nodeUsage(node: Node, pods: Pod[]): NodeUsage {
  const alloc = node.status?.allocatable ?? {};
  const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  return {
    pods: active.length,
    maxPods: quantity(alloc['pods']),
    cpuRequested: active.reduce((s, p) => s + podRequest(p, 'cpu'), 0),
    cpuAllocatable: quantity(alloc['cpu']),
    memRequested: active.reduce((s, p) => s + podRequest(p, 'memory'), 0),
    memAllocatable: quantity(alloc['memory']),
  };
}

/** A small bar: `███░░░ 52%`. */
export function usageBar(used: number, total: number, width = 6): string {
  const ratio = total > 0 ? used / total : 0;
  const filled = Math.max(0, Math.min(width, Math.round(ratio * width)));
  const pct = `${Math.round(ratio * 100)}%`.padStart(4);
  return '█'.repeat(filled) + '░'.repeat(width - filled) + pct;
}
