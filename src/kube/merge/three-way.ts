// Client-side `kubectl apply`: the three-way strategic merge patch kubectl computes from the last
// applied configuration, the new manifest and the live object (apimachinery's
// CreateThreeWayMergePatch). Changes and additions come from live → desired, deletions only from
// last-applied → desired, so fields the cluster filled in (defaults, status, annotations other
// clients added) are never touched. `{}` means there is nothing to do ("unchanged").

import type { KubeObject } from '../types.js';
import { cloneJson, isJsonObject, jsonKind, type JsonObject, type JsonValue } from './json-value.js';
import { LAST_APPLIED_ANNOTATION, parseLastApplied, withLastApplied } from './last-applied.js';
import { itemIdentity, normalizeElementOrder, partitionByPresence } from './list-order.js';
import { childMeta, patchMetaFor, type PatchMeta } from './patch-strategy.js';
import { diffMaps } from './strategic-diff.js';
import { DIRECTIVE, strategicMergePatch } from './strategic-merge-patch.js';

export interface ThreeWayInput {
  /**
   * The configuration applied last time: the annotation's text or the parsed object. Omitted: read
   * from `live`'s annotation, as kubectl does. `null`: there is none (nothing will be deleted).
   */
  lastApplied?: string | JsonObject | KubeObject | null;
  /** The manifest as written (without the annotation; it is added here). */
  desired: KubeObject;
  /** The object as the cluster has it now. */
  live: KubeObject;
  /** Picks the merge keys; defaults to `desired.kind`. */
  kind?: string;
  /** The namespace kubectl would fill into a namespaced manifest that names none. */
  namespace?: string;
}

/** The strategic merge patch `kubectl apply` would send (keys sorted like its JSON body). */
export function threeWayMergePatch(input: ThreeWayInput): JsonObject {
  const meta = patchMetaFor(input.kind ?? input.desired.kind ?? input.live.kind);
  const modified = withLastApplied(input.desired, input.namespace);
  const live = input.live as unknown as JsonObject;
  const original = originalConfiguration(input);

  const delta = diffMaps(live, modified, meta, { ignoreDeletions: true, setElementOrder: true });
  const deletions = original
    ? diffMaps(original, modified, meta, { ignoreChangesAndAdditions: true, setElementOrder: true })
    : {};
  return sortedKeys(combinePatches(deletions, delta, meta)) as JsonObject;
}

function originalConfiguration(input: ThreeWayInput): JsonObject | undefined {
  const given = input.lastApplied;
  if (given === null) return undefined;
  if (given === undefined) return parseLastApplied(input.live);
  if (typeof given === 'string') {
    return parseLastApplied({ metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: given } } });
  }
  return given as JsonObject;
}

export function isNoop(patch: JsonObject): boolean {
  return Object.keys(patch).length === 0;
}

/** What applying `desired` does to `live` (absent: it is created), as `kubectl apply` would. */
export interface ClientSideApply {
  outcome: 'created' | 'configured' | 'unchanged';
  /** The patch kubectl would send; absent when the object is created. */
  patch?: JsonObject;
  /**
   * The object to store: the manifest with its annotation (its top level, metadata and annotations are new;
   * everything below is the manifest's own, so copy before changing it), `live` patched (fresh), or `live` itself.
   */
  object: KubeObject;
}

export function clientSideApply(live: KubeObject | undefined, desired: KubeObject, options: { namespace?: string } = {}): ClientSideApply {
  // Creating: no patch to build, and no deep copy (the create path copies what it admits anyway).
  if (!live) return { outcome: 'created', object: withLastApplied(desired, options.namespace) as unknown as KubeObject };
  const patch = threeWayMergePatch({ desired, live, namespace: options.namespace });
  if (isNoop(patch)) return { outcome: 'unchanged', patch, object: live };
  return { outcome: 'configured', patch, object: strategicMergePatch(live, patch, desired.kind) };
}

/**
 * Merges the changes patch into the deletions patch, keeping every directive (apimachinery's
 * mergeMap without MergeParallelList): both come from the same manifest, so they never disagree.
 */
function combinePatches(base: JsonObject, patch: JsonObject, meta: PatchMeta | undefined): JsonObject {
  if (DIRECTIVE in patch) return patch;
  const out: JsonObject = { ...base };
  for (const key of Object.keys(patch)) {
    const value = patch[key]!;
    const before = out[key];
    if (key.startsWith('$') && key !== DIRECTIVE) {
      if (before === undefined) out[key] = value;
      continue;
    }
    if (value === null || before === undefined || before === null || jsonKind(before) !== jsonKind(value)) {
      out[key] = value;
      continue;
    }
    const fieldMeta = childMeta(meta, key);
    if (isJsonObject(value)) {
      out[key] = fieldMeta?.strategy === 'replace' ? value : combinePatches(before as JsonObject, value, fieldMeta);
    } else if (Array.isArray(value)) {
      out[key] = fieldMeta?.strategy === 'merge' ? combineLists(before as JsonValue[], value, fieldMeta) : value;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function combineLists(base: JsonValue[], patch: JsonValue[], meta: PatchMeta): JsonValue[] {
  const mergeKey = meta.mergeKey;
  const maps = [...base, ...patch].some(isJsonObject);
  let merged: JsonValue[];
  if (!maps || !mergeKey) {
    merged = [...new Set([...base, ...patch])];
  } else {
    merged = base.slice();
    for (const item of patch) {
      const id = itemIdentity(item, mergeKey);
      const at = merged.findIndex((m) => itemIdentity(m, mergeKey) === id);
      if (at >= 0) merged[at] = combinePatches(merged[at] as JsonObject, item as JsonObject, meta);
      else merged.push(item);
    }
  }
  const key = maps ? mergeKey : undefined;
  const [named, others] = partitionByPresence(merged, patch, key);
  return normalizeElementOrder(named, others, patch, base, key);
}

/** A copy with every map's keys sorted: the order kubectl's JSON body has. */
function sortedKeys(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!isJsonObject(v)) return cloneJson(v);
  const out: JsonObject = {};
  for (const k of Object.keys(v).sort()) out[k] = sortedKeys(v[k]!);
  return out;
}
