// What a Pod asks of a node, as the scheduler's NodeResourcesFit plugin counts it: the larger of the app
// containers' sum (sidecars included) and the largest init container, per resource.

import type { Container, Pod } from '../kube/types.js';
import { parseQuantity } from './kube-deps.js';

export interface PodRequests {
  cpu: number;
  memory: number;
}

/** Scoring counts a container without requests as 100m / 200Mi (the scheduler's "non-zero" defaults). */
const NON_ZERO_CPU = 0.1;
const NON_ZERO_MEMORY = 200 * 1024 * 1024;

function requestOf(c: Container, resource: 'cpu' | 'memory', nonZero: boolean): number {
  const value = c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
  if (value === undefined) return nonZero ? (resource === 'cpu' ? NON_ZERO_CPU : NON_ZERO_MEMORY) : 0;
  return parseQuantity(value);
}

export function podRequests(pod: Pod, nonZero = false): PodRequests {
  // Plain locals, not small objects: the scheduler asks for every Pod it places.
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers ?? NONE) {
    cpu += requestOf(c, 'cpu', nonZero);
    memory += requestOf(c, 'memory', nonZero);
  }
  let sidecarCpu = 0;
  let sidecarMemory = 0;
  let initCpu = 0;
  let initMemory = 0;
  for (const c of pod.spec.initContainers ?? NONE) {
    const cCpu = requestOf(c, 'cpu', false);
    const cMemory = requestOf(c, 'memory', false);
    if (c.restartPolicy === 'Always') {
      sidecarCpu += cCpu;
      sidecarMemory += cMemory;
    } else {
      // A regular init container runs beside the sidecars started before it.
      initCpu = Math.max(initCpu, sidecarCpu + cCpu);
      initMemory = Math.max(initMemory, sidecarMemory + cMemory);
    }
  }
  return { cpu: Math.max(cpu + sidecarCpu, initCpu), memory: Math.max(memory + sidecarMemory, initMemory) };
}

// A shared stand-in for the containers a spec leaves out (asked about for every Pod placed); never
// changed, and not frozen: a frozen array is read through V8's slow path (see deep-freeze.ts).
const NONE: readonly Container[] = [];
