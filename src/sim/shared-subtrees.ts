// Ten thousand Pods carry ten thousand copies of the same defaulted pieces: the two NoExecute tolerations the
// API server adds, the projected service-account volume's sources, `securityContext: {}`, a container's ports
// and resources, the managedFields entry of one apply. Stored objects are immutable (store.ts), so identical
// pieces can be one shared object: each is replaced by its interned twin when the Pod is stored (deep-frozen
// under test, as stored objects are: see deep-freeze.ts).
// About 1 KB less per Pod, and the copies die young instead of being promoted with the Pod.
//
// Only whole subtrees that are identical across Pods are shared; anything naming the Pod (a volume's name, a
// volumeMount of it) stays its own.

import type { Container, KubeObject, Pod, Volume } from '../kube/types.js';
import { remember } from './kube-deps.js';
import { copyMembers } from '../kube/merge/json-value.js';
import { deepFreeze } from './deep-freeze.js';

/** Enough for the variety of a big cluster; when full it starts over (sharing is an optimisation, not a rule). */
const LIMIT = 4096;
const table = new Map<string, unknown>();
/** The shared twins themselves: a later version of the Pod (say, bound to a node) passes them on unchanged. */
const twins = new WeakSet<object>();

/** The keys of each object inside a twin, listed once (twins are never changed, so the list stays true). */
const twinKeys = new WeakMap<object, string[]>();

function keysOf(part: object): string[] {
  let keys = twinKeys.get(part);
  if (!keys) twinKeys.set(part, (keys = Object.keys(part)));
  return keys;
}

/**
 * Same JSON, keys in the same order (the order kubectl prints them in), as `twin` (part of a twin), without
 * encoding either or listing the new piece's keys. (for-in: decoded JSON has only own keys; an inherited one
 * makes a mismatch, and encoding then decides.)
 */
function sameInOrder(a: unknown, twin: unknown): boolean {
  if (a === twin) return true;
  if (typeof a !== 'object' || typeof twin !== 'object' || a === null || twin === null) return false;
  if (Array.isArray(a) || Array.isArray(twin)) {
    if (!Array.isArray(a) || !Array.isArray(twin) || a.length !== twin.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameInOrder(a[i], twin[i])) return false;
    return true;
  }
  const keys = keysOf(twin);
  let i = 0;
  for (const k in a) {
    if (k !== keys[i] || !sameInOrder((a as Record<string, unknown>)[k], (twin as Record<string, unknown>)[k])) return false;
    i++;
  }
  return i === keys.length;
}

/** The twin each kind of piece got last: Pods made from one template hit it without encoding anything. */
const lastTwin = new Map<string, unknown>();

/**
 * The shared twin of `value` (the first one seen), or `value` itself when it is undefined. `slot`
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
      return deepFreeze(value);
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
 * when the spec did not change (a status write), the spec is already shared and is left alone. The copies
 * are one spread each with the swapped members assigned after it: an assignment keeps a member where the
 * spread put it, and a spread of a conditional `{}` would build a throwaway object per member (and the
 * copy the slow way).
 */
export function shareSubtrees(obj: KubeObject, previous?: KubeObject): KubeObject {
  if (obj.kind !== 'Pod') return obj;
  const pod = obj as Pod;
  let metadata = pod.metadata;
  if (metadata.managedFields && metadata.managedFields !== previous?.metadata.managedFields) {
    metadata = { ...metadata };
    metadata.managedFields = intern(metadata.managedFields, 'managedFields');
  }
  if (previous && previous.spec === pod.spec) {
    if (metadata === pod.metadata) return pod;
    const out = { ...pod };
    out.metadata = metadata;
    return out;
  }
  // Member by member: a spec another writer spread with a member added (the scheduler's nodeName) has a hidden
  // class of its own, and the stored copy should not keep one per Pod (see copyMembers).
  const spec = copyMembers(pod.spec);
  spec.containers = mapShared(spec.containers, shareContainer);
  if (spec.initContainers) spec.initContainers = mapShared(spec.initContainers, shareContainer);
  if (spec.tolerations) spec.tolerations = intern(spec.tolerations, 'tolerations');
  if (spec.securityContext) spec.securityContext = intern(spec.securityContext, 'securityContext');
  if (spec.volumes) spec.volumes = mapShared(spec.volumes, shareVolume);
  const out = { ...pod };
  out.metadata = metadata;
  out.spec = spec;
  return out;
}

/**
 * `items` with each one shared, or `items` itself when every one already was (a spec written again with a
 * member changed, as a bind sets nodeName, keeps the pieces the first write shared).
 */
function mapShared<T>(items: T[], share: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const shared = share(items[i]!);
    // A copy of exactly its length (one grown by push would keep spare room as long as the Pod).
    if (shared !== items[i]) (out ??= items.slice())[i] = shared;
  }
  return out ?? items;
}

function shareVolume(v: Volume): Volume {
  if (!v.projected || twins.has(v.projected)) return v;
  const out = { ...v };
  out.projected = intern(v.projected, 'projected');
  return out;
}
