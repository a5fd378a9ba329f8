// The Pod's QoS class (status.qosClass) as pkg/apis/core/v1/helper/qos computes it from cpu and memory.
import { isQuantity, parseQuantity } from '../quantity.js';
import type { Pod } from '../types.js';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** What a Pod's containers request and limit of cpu and memory, summed; each total counts positive amounts only. */
interface Totals {
  requestCpu: number;
  requestMemory: number;
  limitCpu: number;
  limitMemory: number;
  /** Every container so far limits both cpu and memory. */
  allLimited: boolean;
}

/**
 * BestEffort: no container requests or limits cpu or memory. Guaranteed: every container limits both, and
 * what it requests (a missing request defaults to the limit) equals the limit. Burstable: anything else.
 * (Summed in a few numbers: admission asks this of every Pod.)
 */
export function podQOSClass(pod: Pick<Pod, 'spec'>): QOSClass {
  const totals: Totals = { requestCpu: 0, requestMemory: 0, limitCpu: 0, limitMemory: 0, allLimited: true };
  addContainers(totals, pod.spec?.initContainers);
  addContainers(totals, pod.spec?.containers);
  const { requestCpu, requestMemory, limitCpu, limitMemory } = totals;
  if (requestCpu === 0 && requestMemory === 0 && limitCpu === 0 && limitMemory === 0) return 'BestEffort';
  // Guaranteed: every request has its equal limit, and nothing is limited without a request.
  return totals.allLimited && same(requestCpu, limitCpu) && same(requestMemory, limitMemory) ? 'Guaranteed' : 'Burstable';
}

function addContainers(totals: Totals, containers: unknown): void {
  if (!Array.isArray(containers)) return;
  for (let i = 0; i < containers.length; i++) {
    const c: unknown = containers[i];
    if (!c || typeof c !== 'object') continue;
    const resources = member((c as Record<string, unknown>).resources);
    const requests = member(resources.requests);
    const limits = member(resources.limits);
    const limitCpu = positive(limits.cpu);
    const limitMemory = positive(limits.memory);
    // The API server defaults a missing request to the limit.
    totals.requestCpu += requests.cpu === undefined ? limitCpu : positive(requests.cpu);
    totals.requestMemory += requests.memory === undefined ? limitMemory : positive(requests.memory);
    totals.limitCpu += limitCpu;
    totals.limitMemory += limitMemory;
    if (limitCpu === 0 || limitMemory === 0) totals.allLimited = false;
  }
}

const NONE: Record<string, unknown> = Object.freeze({});

function member(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : NONE;
}

/** A quantity's value when it is a positive one (what upstream counts), else 0. */
function positive(q: unknown): number {
  if (!isQuantity(q)) return 0;
  const value = parseQuantity(q);
  return value > 0 ? value : 0;
}

function same(request: number, limit: number): boolean {
  return Math.abs(limit - request) <= 1e-9 * Math.max(1, request);
}
