// Taints and tolerations, as the scheduler and the NoExecute eviction controller match them.

import type { Taint, Toleration } from '../kube/types.js';

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key === undefined || toleration.key === '') {
    // An empty key with Exists tolerates everything.
    return toleration.operator === 'Exists';
  }
  if (toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** The first taint with one of `effects` that no toleration covers, or undefined. */
export function firstUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, effects: readonly Taint['effect'][]): Taint | undefined {
  for (const taint of taints ?? []) {
    if (!effects.includes(taint.effect)) continue;
    if (!(tolerations ?? []).some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}

/** The toleration that covers a NoExecute taint, if any (its tolerationSeconds bound how long the Pod stays). */
export function tolerationFor(taint: Taint, tolerations: readonly Toleration[] | undefined): Toleration | undefined {
  return (tolerations ?? []).find((t) => toleratesTaint(t, taint));
}

/** `{key: value}` as the scheduler prints a taint. */
export function formatTaintForScheduler(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}
