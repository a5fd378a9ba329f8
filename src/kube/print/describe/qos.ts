// The pod's QoS class: what the kubelet wrote into status.qosClass, else computed the way the API does.

import type { Container, Pod } from '../../types.js';
import { parseQuantity } from '../../quantity.js';

const TRACKED = ['cpu', 'memory'];

function amount(list: Record<string, string | number> | undefined, name: string): number | undefined {
  const raw = list?.[name];
  if (raw === undefined) return undefined;
  try {
    return parseQuantity(raw);
  } catch {
    return undefined;
  }
}

export function computePodQOS(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    for (const name of TRACKED) {
      const request = amount(c.resources?.requests, name);
      const limit = amount(c.resources?.limits, name);
      if ((request ?? 0) > 0 || (limit ?? 0) > 0) anySet = true;
      // Requests default to limits, so a missing request with a limit still counts as equal.
      if (limit === undefined || (request !== undefined && request !== limit)) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function podQOSClass(pod: Pod): string {
  return pod.status?.qosClass || computePodQOS(pod);
}
