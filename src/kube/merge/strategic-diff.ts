// The strategic-merge diff of two objects (apimachinery's diffMaps), the half of `kubectl apply`
// that turns "what it was" and "what it should be" into a patch. Three-way apply runs it twice:
// live → desired for changes and additions, last-applied → desired for deletions.

import { isJsonObject, jsonEqual, jsonKind, type JsonObject, type JsonValue } from './json-value.js';
import { itemIdentity } from './list-order.js';
import { goValueString, malformedPatch } from './patch-errors.js';
import { childMeta, type PatchMeta } from './patch-strategy.js';
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER_PREFIX,
} from './strategic-merge-patch.js';

export interface DiffOptions {
  /** Emit `$setElementOrder/<list>` for merged lists that changed. */
  setElementOrder?: boolean;
  /** Only deletions: drop changes and additions. */
  ignoreChangesAndAdditions?: boolean;
  /** Only changes and additions: keep what `original` has and `modified` lacks. */
  ignoreDeletions?: boolean;
}

/** A patch that turns `original` into `modified` (restricted by `options`). Values alias `modified`. */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  meta: PatchMeta | undefined,
  options: DiffOptions,
  buildRetainKeys = false,
): JsonObject {
  const patch: JsonObject = {};
  const retain: string[] = [];
  for (const key of Object.keys(modified)) {
    const mod = modified[key];
    if (mod === undefined) continue;
    if (buildRetainKeys && mod !== null) retain.push(key);
    if (!(key in original) || original[key] === undefined) {
      if (!options.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const orig = original[key]!;
    if (key === DIRECTIVE) {
      if (orig !== mod) patch[key] = mod;
      continue;
    }
    if (jsonKind(orig) !== jsonKind(mod)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const fieldMeta = childMeta(meta, key);
    if (isJsonObject(orig)) diffMapField(key, orig, mod as JsonObject, patch, fieldMeta, options);
    else if (Array.isArray(orig)) diffListField(key, orig, mod as JsonValue[], patch, fieldMeta, options);
    else if (!options.ignoreChangesAndAdditions && orig !== mod) patch[key] = mod;
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) {
      if (original[key] !== undefined && (!(key in modified) || modified[key] === undefined)) patch[key] = null;
    }
  }
  if (retain.length > 0 && (Object.keys(patch).length > 0 || hasFieldToClear(original, modified))) {
    patch[RETAIN_KEYS] = retain.sort();
  }
  return patch;
}

function hasFieldToClear(original: JsonObject, modified: JsonObject): boolean {
  for (const key of Object.keys(original)) {
    if (original[key] === null || original[key] === undefined) continue;
    if (!(key in modified)) return true;
  }
  return false;
}

function diffMapField(key: string, orig: JsonObject, mod: JsonObject, patch: JsonObject, meta: PatchMeta | undefined, options: DiffOptions): void {
  if (meta?.strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions && !jsonEqual(orig, mod)) patch[key] = { ...mod, [DIRECTIVE]: 'replace' };
    return;
  }
  const sub = diffMaps(orig, mod, meta, options, meta?.retainKeys ?? false);
  if (Object.keys(sub).length > 0) patch[key] = sub;
}

function diffListField(key: string, orig: JsonValue[], mod: JsonValue[], patch: JsonObject, meta: PatchMeta | undefined, options: DiffOptions): void {
  if (meta?.strategy !== 'merge') {
    if (!options.ignoreChangesAndAdditions && !jsonEqual(orig, mod)) patch[key] = mod;
    return;
  }
  const { changes, deletions, order } = diffLists(orig, mod, meta, options);
  if (changes.length > 0) patch[key] = changes;
  if (deletions.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}${key}`] = deletions;
  if (order.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}${key}`] = order;
}

interface ListDiff {
  changes: JsonValue[];
  /** Scalars to drop (`$deleteFromPrimitiveList`); keyed maps put their deletions in `changes`. */
  deletions: JsonValue[];
  order: JsonValue[];
}

function diffLists(orig: JsonValue[], mod: JsonValue[], meta: PatchMeta, options: DiffOptions): ListDiff {
  if (orig.length === 0) {
    if (mod.length === 0 || options.ignoreChangesAndAdditions) return { changes: [], deletions: [], order: [] };
    return { changes: mod, deletions: [], order: [] };
  }
  if (isJsonObject(firstNonNull(orig, mod))) return diffListsOfMaps(orig, mod, meta, options);
  return diffListsOfScalars(orig, mod, options);
}

/** The first item of `a` then `b` that is not null (without joining the lists). */
function firstNonNull(a: JsonValue[], b: JsonValue[]): JsonValue | undefined {
  for (const v of a) if (v !== null) return v;
  for (const v of b) if (v !== null) return v;
  return undefined;
}

/** An item's merge key value; an item without one makes the patch malformed. */
function keyOf(item: JsonValue, mergeKey: string): unknown {
  if (!isJsonObject(item) || !(mergeKey in item)) {
    throw malformedPatch(`map: ${goValueString(item)} does not contain declared merge key: ${mergeKey}`);
  }
  return itemIdentity(item, mergeKey);
}

function diffListsOfMaps(orig: JsonValue[], mod: JsonValue[], meta: PatchMeta, options: DiffOptions): ListDiff {
  const mergeKey = meta.mergeKey;
  if (!mergeKey) throw malformedPatch('cannot merge lists without merge key');
  const origByKey = new Map<unknown, JsonObject>();
  for (const item of orig) {
    const id = keyOf(item, mergeKey);
    if (!origByKey.has(id)) origByKey.set(id, item as JsonObject);
  }
  const modKeys = new Set<unknown>();
  for (const item of mod) modKeys.add(keyOf(item, mergeKey));

  // Changes come out in `mod` order, deletions after them.
  const changes: JsonValue[] = [];
  const seen = new Set<unknown>();
  for (const item of mod) {
    const id = keyOf(item, mergeKey);
    if (seen.has(id)) continue;
    seen.add(id);
    const before = origByKey.get(id);
    if (before === undefined) {
      if (!options.ignoreChangesAndAdditions) changes.push(item);
      continue;
    }
    const sub = diffMaps(before, item as JsonObject, meta, options, meta.retainKeys ?? false);
    if (Object.keys(sub).length > 0) changes.push({ ...sub, [mergeKey]: (item as JsonObject)[mergeKey]! });
  }
  if (!options.ignoreDeletions) {
    // Deletions come in the order of their keys' text, as apimachinery sorts them.
    const gone = [...origByKey.entries()].filter(([id]) => !modKeys.has(id));
    gone.sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    for (const [, item] of gone) changes.push({ [DIRECTIVE]: 'delete', [mergeKey]: item[mergeKey]! });
  }
  let orderSame = orig.length === mod.length;
  for (let i = 0; orderSame && i < orig.length; i++) orderSame = keyOf(orig[i]!, mergeKey) === keyOf(mod[i]!, mergeKey);
  let order: JsonValue[] = [];
  if (
    options.setElementOrder &&
    ((!options.ignoreChangesAndAdditions && (changes.length > 0 || !orderSame)) ||
      (!options.ignoreDeletions && changes.length > 0))
  ) {
    order = mod.map((item) => ({ [mergeKey]: (item as JsonObject)[mergeKey]! }));
  }
  return { changes, deletions: [], order };
}

function diffListsOfScalars(orig: JsonValue[], mod: JsonValue[], options: DiffOptions): ListDiff {
  const before = new Set(orig.map(scalarText));
  const after = new Set(mod.map(scalarText));
  const changes: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  if (!options.ignoreChangesAndAdditions) {
    for (const v of sortScalars(mod)) if (!before.has(scalarText(v)) && !changes.some((c) => scalarText(c) === scalarText(v))) changes.push(v);
  }
  if (!options.ignoreDeletions) {
    for (const v of sortScalars(orig)) if (!after.has(scalarText(v)) && !deletions.includes(v)) deletions.push(v);
  }
  let order: JsonValue[] = [];
  if (options.setElementOrder && ((!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !jsonEqual(orig, mod)))) {
    order = mod;
  }
  // apimachinery then re-sorts the additions by their position in `mod`.
  const position = new Map(mod.map((v, i) => [scalarText(v), i] as const).reverse());
  changes.sort((a, b) => (position.get(scalarText(a)) ?? 0) - (position.get(scalarText(b)) ?? 0));
  return { changes, deletions, order };
}

/** Go's `fmt.Sprintf("%v")`, by which apimachinery compares and sorts scalars. */
function scalarText(v: JsonValue): string {
  return v === null ? '<nil>' : String(v);
}

function sortScalars(list: JsonValue[]): JsonValue[] {
  return list.slice().sort((a, b) => (scalarText(a) < scalarText(b) ? -1 : scalarText(a) > scalarText(b) ? 1 : 0));
}
