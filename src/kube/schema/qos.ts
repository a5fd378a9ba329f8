// The Pod's QoS class (status.qosClass) as pkg/apis/core/v1/helper/qos computes it from cpu and memory.
import { isQuantity, parseQuantity } from '../quantity.js';
import type { Pod } from '../types.js';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const COMPUTE = ['cpu', 'memory'];

/**
 * BestEffort: no container requests or limits cpu or memory. Guaranteed: every container limits both, and
 * what it requests (a missing request defaults to the limit) equals the limit. Burstable: anything else.
 */
export function podQOSClass(pod: Pick<Pod, 'spec'>): QOSClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((c) => c && typeof c === 'object') : []);
  const map = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  for (const c of [...list(pod.spec?.initContainers), ...list(pod.spec?.containers)]) {
    const req = map(map(c.resources).requests);
    const lim = map(map(c.resources).limits);
    const limited = new Set<string>();
    for (const name of COMPUTE) {
      const l = quantity(lim[name]);
      if (l !== undefined) {
        limited.add(name);
        if (l > 0) limits.set(name, (limits.get(name) ?? 0) + l);
      }
      const r = quantity(req[name]) ?? l; // the API server defaults a missing request to the limit
      if (r !== undefined && r > 0) requests.set(name, (requests.get(name) ?? 0) + r);
    }
    if (limited.size < COMPUTE.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, r] of requests) {
      if (Math.abs((limits.get(name) ?? Number.NaN) - r) > 1e-9 * Math.max(1, r)) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function quantity(q: unknown): number | undefined {
  return isQuantity(q) ? parseQuantity(q) : undefined;
}
