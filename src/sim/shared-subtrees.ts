// Ten thousand Pods carry ten thousand copies of the same defaulted pieces: the two NoExecute tolerations the
// API server adds, the projected service-account volume's sources, `securityContext: {}`, a container's ports
// and resources, the managedFields entry of one apply. Stored objects are immutable (store.ts), so identical
// pieces can be one shared object: each is replaced by its interned, deep-frozen twin when the Pod is stored.
// About 1 KB less per Pod, and the copies die young instead of being promoted with the Pod.
//
// Only whole subtrees that are identical across Pods are shared; anything naming the Pod (a volume's name, a
// volumeMount of it) stays its own.

import type { Container, KubeObject, Pod } from '../kube/types.js';
import { remember } from './bounded-memo.js';

/** Enough for the variety of a big cluster; when full it starts over (sharing is an optimisation, not a rule). */
const LIMIT = 4096;
const table = new Map<string, unknown>();
/** The shared twins themselves: a later version of the Pod (say, bound to a node) passes them on unchanged. */
const twins = new WeakSet<object>();

function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key in value) freezeDeep((value as Record<string, unknown>)[key]);
  return value;
}

/** Same JSON, keys in the same order (the order kubectl prints them in), without encoding either. */
function sameInOrder(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameInOrder(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameInOrder((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  return true;
}

/** The twin each kind of piece got last: Pods made from one template hit it without encoding anything. */
const lastTwin = new Map<string, unknown>();

/**
 * The shared twin of `value` (the first one seen, frozen), or `value` itself when it is undefined. `slot`
 * names the kind of piece (tolerations, ports ...) for the quick check against the last twin of that kind.
 */
export function intern<T>(value: T, slot = ''): T {
  if (value === undefined || value === null || typeof value !== 'object' || twins.has(value)) return value;
  const last = lastTwin.get(slot);
  if (last !== undefined && sameInOrder(value, last)) return last as T;
  const twin = internEncoded(value);
  lastTwin.set(slot, twin);
  return twin;
}

function internEncoded<T extends object>(value: T): T {
  return remember(
    table,
    JSON.stringify(value),
    () => {
      twins.add(value);
      return freezeDeep(value);
    },
    LIMIT,
  ) as T;
}

function shareContainer(c: Container): Container {
  const ports = intern(c.ports, 'ports');
  const resources = intern(c.resources, 'resources');
  const securityContext = intern(c.securityContext, 'containerSecurityContext');
  if (ports === c.ports && resources === c.resources && securityContext === c.securityContext) return c;
  const out: Container = { ...c };
  if (ports) out.ports = ports;
  if (resources) out.resources = resources;
  if (securityContext) out.securityContext = securityContext;
  return out;
}

/**
 * The Pod with its shareable pieces swapped for shared ones. `previous` is the stored version it replaces:
 * when the spec did not change (a status write), the spec is already shared and is left alone.
 */
export function shareSubtrees(obj: KubeObject, previous?: KubeObject): KubeObject {
  if (obj.kind !== 'Pod') return obj;
  const pod = obj as Pod;
  const metadata = pod.metadata.managedFields && pod.metadata.managedFields !== previous?.metadata.managedFields ? { ...pod.metadata, managedFields: intern(pod.metadata.managedFields, 'managedFields') } : pod.metadata;
  if (previous && previous.spec === pod.spec) return metadata === pod.metadata ? pod : { ...pod, metadata };
  const spec = pod.spec;
  return {
    ...pod,
    metadata,
    spec: {
      ...spec,
      containers: spec.containers.map(shareContainer),
      ...(spec.initContainers ? { initContainers: spec.initContainers.map(shareContainer) } : {}),
      ...(spec.tolerations ? { tolerations: intern(spec.tolerations, 'tolerations') } : {}),
      ...(spec.securityContext ? { securityContext: intern(spec.securityContext, 'securityContext') } : {}),
      ...(spec.volumes ? { volumes: spec.volumes.map((v) => (v.projected ? { ...v, projected: intern(v.projected, 'projected') } : v)) } : {}),
    },
  } as Pod;
}
