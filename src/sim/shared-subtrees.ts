// Ten thousand Pods carry ten thousand copies of the same defaulted pieces: the two NoExecute tolerations the
// API server adds, the projected service-account volume's sources, `securityContext: {}`, a container's ports
// and resources, the managedFields entry of one apply. Stored objects are immutable (store.ts), so identical
// pieces can be one shared object: each is replaced by its interned, deep-frozen twin when the Pod is stored.
// About 1 KB less per Pod, and the copies die young instead of being promoted with the Pod.
//
// Only whole subtrees that are identical across Pods are shared; anything naming the Pod (a volume's name, a
// volumeMount of it) stays its own.

import type { Container, KubeObject, Pod } from '../kube/types.js';

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

/** The shared twin of `value` (the first one seen, frozen), or `value` itself when it is undefined. */
export function intern<T>(value: T): T {
  if (value === undefined || value === null || typeof value !== 'object' || twins.has(value)) return value;
  const key = JSON.stringify(value);
  const known = table.get(key);
  if (known !== undefined) return known as T;
  if (table.size >= LIMIT) table.clear();
  table.set(key, freezeDeep(value));
  twins.add(value);
  return value;
}

function shareContainer(c: Container): Container {
  const ports = intern(c.ports);
  const resources = intern(c.resources);
  const securityContext = intern(c.securityContext);
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
  const metadata = pod.metadata.managedFields && pod.metadata.managedFields !== previous?.metadata.managedFields ? { ...pod.metadata, managedFields: intern(pod.metadata.managedFields) } : pod.metadata;
  if (previous && previous.spec === pod.spec) return metadata === pod.metadata ? pod : { ...pod, metadata };
  const spec = pod.spec;
  return {
    ...pod,
    metadata,
    spec: {
      ...spec,
      containers: spec.containers.map(shareContainer),
      ...(spec.initContainers ? { initContainers: spec.initContainers.map(shareContainer) } : {}),
      ...(spec.tolerations ? { tolerations: intern(spec.tolerations) } : {}),
      ...(spec.securityContext ? { securityContext: intern(spec.securityContext) } : {}),
      ...(spec.volumes ? { volumes: spec.volumes.map((v) => (v.projected ? { ...v, projected: intern(v.projected) } : v)) } : {}),
    },
  } as Pod;
}
