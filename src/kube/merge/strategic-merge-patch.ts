// Applying a strategic merge patch the way the API server does (apimachinery strategicpatch with
// MergeParallelList and IgnoreUnmatchedNulls): maps merge, `null` deletes, keyed lists merge by their
// merge key, other lists are replaced, and the directives `$patch`, `$setElementOrder/<list>`,
// `$deleteFromPrimitiveList/<list>` and `$retainKeys` do what they do on a real cluster.
// The result is a fresh object: neither input is changed and nothing in the result aliases them.

import { cloneJson, isJsonObject, jsonKind, type JsonObject, type JsonValue } from './json-value.js';
import { itemIdentity, normalizeElementOrder, partitionByPresence } from './list-order.js';
import { goValueString, malformedPatch, patchNotApplicable } from './patch-errors.js';
import { childMeta, patchMetaFor, type PatchMeta } from './patch-strategy.js';

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder/';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList/';

/**
 * `original` patched with `patch`. `kind` picks the merge keys (defaults to `original.kind`, then
 * `patch.kind`); an unknown kind merges ObjectMeta like any kind and replaces every other list.
 * Throws ApiError (400, or 422 for lists of lists) when the patch is malformed.
 */
export function strategicMergePatch<T>(original: T, patch: unknown, kind?: string): T {
  if (!isJsonObject(patch)) throw malformedPatch('invalid JSON document');
  const base: JsonObject = isJsonObject(original) ? original : {};
  const k = kind ?? (typeof base.kind === 'string' ? base.kind : typeof patch.kind === 'string' ? patch.kind : undefined);
  return mergeMap(base, patch, patchMetaFor(k)) as T;
}

const REMOVED = Symbol('removed');

export function mergeMap(original: JsonObject, patch: JsonObject, meta: PatchMeta | undefined): JsonObject {
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      const rest: JsonObject = { ...patch };
      delete rest[DIRECTIVE];
      return mergeMap({}, rest, meta);
    }
    if (directive === 'delete') return {};
    throw malformedPatch(`unknown patch type: ${goValueString(directive)} in map: ${goValueString(patch)}`);
  }

  const retained = retainedKeys(patch);
  const updates = new Map<string, JsonValue | typeof REMOVED>();
  const current = (key: string): JsonValue | undefined => {
    const u = updates.get(key);
    if (u === REMOVED) return undefined;
    return u !== undefined ? u : retained && !retained.has(key) ? undefined : original[key];
  };

  // `$setElementOrder/x` is handled together with `x` itself.
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const field = key.slice(SET_ELEMENT_ORDER_PREFIX.length);
    const merged = mergeOrderedList(current(field), patch[field], patch[key]!, childMeta(meta, field));
    if (merged !== undefined) updates.set(field, merged);
  }

  const deleteLists: string[] = [];
  for (const key of Object.keys(patch)) {
    if (key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      deleteLists.push(key);
      continue;
    }
    if (patch[`${SET_ELEMENT_ORDER_PREFIX}${key}`] !== undefined) continue;
    const value = patch[key]!;
    if (value === null) {
      updates.set(key, REMOVED);
      continue;
    }
    updates.set(key, mergeValue(current(key), value, childMeta(meta, key)));
  }

  // After the merges, so that a list merged and pruned in one patch ends up pruned.
  for (const key of deleteLists) {
    const field = key.slice(DELETE_FROM_PRIMITIVE_LIST_PREFIX.length);
    const toDelete = patch[key];
    if (!Array.isArray(toDelete)) throw malformedPatch('invalid patch format of primitive list');
    const list = current(field);
    if (!Array.isArray(list)) continue;
    const gone = new Set<unknown>(toDelete);
    updates.set(field, list.filter((v) => !gone.has(v)));
  }

  const out: JsonObject = {};
  for (const key of Object.keys(original)) {
    if (retained && !retained.has(key)) continue;
    const u = updates.get(key);
    if (u === REMOVED) continue;
    if (u !== undefined) out[key] = u;
    else if (original[key] !== undefined) out[key] = cloneJson(original[key]!);
  }
  for (const [key, u] of updates) if (u !== REMOVED && !(key in out)) out[key] = u;
  return out;
}

/** The keys `$retainKeys` keeps, after checking that the patch sets nothing outside them. */
function retainedKeys(patch: JsonObject): Set<string> | undefined {
  const list = patch[RETAIN_KEYS];
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw malformedPatch('invalid patch format of retainKeys');
  const keep = new Set(list.map(String));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k === RETAIN_KEYS || k.startsWith('$')) continue;
    if (!keep.has(k)) throw malformedPatch('invalid patch format of retainKeys');
  }
  return keep;
}

/** A patch value merged onto what is there (`undefined` when the original lacks the key). */
function mergeValue(orig: JsonValue | undefined, value: JsonValue, meta: PatchMeta | undefined): JsonValue {
  if (isJsonObject(value)) {
    if (meta?.strategy === 'replace' || !isJsonObject(orig)) return mergeMap({}, value, meta);
    return mergeMap(orig, value, meta);
  }
  if (Array.isArray(value)) {
    if (meta?.strategy !== 'merge') return withoutNulls(value);
    return mergeList(Array.isArray(orig) ? orig : [], value, meta);
  }
  return value;
}

/** A replaced list as the server stores it: nulls inside its maps mean "absent". */
function withoutNulls(list: JsonValue[]): JsonValue[] {
  return list.map((item) => (isJsonObject(item) ? mergeMap({}, item, undefined) : cloneJson(item)));
}

function checkElementTypes(a: JsonValue[], b: JsonValue[]): 'object' | 'scalar' {
  let kind: string | undefined;
  for (const list of [a, b]) {
    for (const item of list) {
      const k = jsonKind(item);
      if (k === 'array') throw patchNotApplicable('lists of lists are not supported');
      if (kind === undefined) kind = k;
      else if (kind !== k) throw malformedPatch(`list element types are not identical: [${goValueString(a)} ${goValueString(b)}]`);
    }
  }
  return kind === 'object' ? 'object' : 'scalar';
}

function noMergeKey(item: JsonValue, mergeKey: string): Error {
  return malformedPatch(`map: ${goValueString(item)} does not contain declared merge key: ${mergeKey}`);
}

/** A list with the `merge` strategy: keyed maps merged by key, scalars merged as a set. */
export function mergeList(original: JsonValue[], patch: JsonValue[], meta: PatchMeta): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return [];
  const mergeKey = meta.mergeKey;
  if (checkElementTypes(original, patch) === 'scalar') {
    const seen = new Set<unknown>();
    const merged: JsonValue[] = [];
    for (const v of [...original, ...patch]) {
      if (seen.has(v)) continue;
      seen.add(v);
      merged.push(v);
    }
    const [named, others] = partitionByPresence(merged, patch, undefined);
    return normalizeElementOrder(named, others, patch, original, undefined);
  }
  if (!mergeKey) throw malformedPatch('cannot merge lists without merge key');

  let base = original;
  const plain: JsonObject[] = [];
  let replace = false;
  for (const raw of patch) {
    const item = raw as JsonObject;
    if (!(DIRECTIVE in item)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
      const id = item[mergeKey];
      base = base.filter((o) => itemIdentity(o, mergeKey) !== id);
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw malformedPatch('merging lists cannot yet be specified in the patch');
    } else {
      throw malformedPatch(`unknown patch type: ${goValueString(directive)} in map: ${goValueString(item)}`);
    }
  }
  // `meta.fields` describes each item, so items merge with the list's own meta.
  if (replace) return plain.map((item) => mergeMap({}, item, meta));

  const merged: JsonValue[] = base.slice();
  const touched = new Set<number>();
  for (const item of plain) {
    if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
    const id = item[mergeKey];
    const at = merged.findIndex((o) => itemIdentity(o, mergeKey) === id);
    if (at >= 0) {
      merged[at] = mergeMap(merged[at] as JsonObject, item, meta);
      touched.add(at);
    } else {
      merged.push(mergeMap({}, item, meta));
      touched.add(merged.length - 1);
    }
  }
  // Items the patch did not touch still alias the original; copy them now.
  for (let i = 0; i < merged.length; i++) if (!touched.has(i)) merged[i] = cloneJson(merged[i]!);
  const [named, others] = partitionByPresence(merged, plain, mergeKey);
  return normalizeElementOrder(named, others, plain, base, mergeKey);
}

/** `$setElementOrder/<field>`: merge `patchList` into `orig`, then order the result by `order`. */
function mergeOrderedList(
  orig: JsonValue | undefined,
  patchList: JsonValue | undefined,
  order: JsonValue,
  meta: PatchMeta | undefined,
): JsonValue[] | undefined {
  if (!Array.isArray(order)) throw malformedPatch('invalid patch format of setElementOrder list');
  if (orig !== undefined && !Array.isArray(orig)) throw malformedPatch(`expected []interface {}, but got ${goValueString(orig)}`);
  if (patchList !== undefined && patchList !== null && !Array.isArray(patchList)) {
    throw malformedPatch('invalid patch format of setElementOrder list');
  }
  const patchItems = Array.isArray(patchList) ? patchList : undefined;
  if (orig === undefined && patchItems === undefined) return undefined;
  const mergeKey = meta?.mergeKey;
  let merged: JsonValue[];
  if (patchItems === undefined) merged = (orig as JsonValue[]).map(cloneJson);
  else if (meta?.strategy === 'merge') merged = mergeList((orig as JsonValue[] | undefined) ?? [], patchItems, meta);
  else merged = withoutNulls(patchItems);
  const [named, others] = partitionByPresence(merged, order, mergeKey);
  return normalizeElementOrder(named, others, order, (orig as JsonValue[] | undefined) ?? [], mergeKey);
}
