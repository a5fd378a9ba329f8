// `managedFields[].fieldsV1`: the set of fields a manager owns, as the API server records it
// (`f:<field>`, `k:<merge key as JSON>` with `.` for a keyed list item, `v:<value>` for an item of a
// set of scalars). Built from an applied configuration; read back as leaf paths to find conflicts
// and the fields a manager stopped applying.

import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from './json-value.js';
import { childMeta, type PatchMeta } from './patch-strategy.js';

/** Fields no manager owns: the object's identity and what the server itself maintains. */
const unowned: Record<string, true> = { apiVersion: true, kind: true };
const unownedMetadata: Record<string, true> = {
  name: true,
  namespace: true,
  uid: true,
  resourceVersion: true,
  generation: true,
  creationTimestamp: true,
  deletionTimestamp: true,
  deletionGracePeriodSeconds: true,
  managedFields: true,
  selfLink: true,
};

/** The field set of an applied configuration (its `status` is not applied, so not owned). */
export function fieldSetOf(config: JsonObject, meta: PatchMeta | undefined): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(config)) {
    if (unowned[key] || key === 'status' || config[key] === undefined) continue;
    if (key === 'metadata' && isJsonObject(config.metadata)) {
      const metadata: JsonObject = {};
      for (const [k, v] of Object.entries(config.metadata)) if (!unownedMetadata[k] && v !== undefined) metadata[k] = v;
      const set = fieldsOfMap(metadata, childMeta(meta, 'metadata'));
      if (Object.keys(set).length > 0) out['f:metadata'] = set;
      continue;
    }
    out[`f:${key}`] = fieldsOfValue(config[key]!, childMeta(meta, key));
  }
  return out;
}

function fieldsOfMap(map: JsonObject, meta: PatchMeta | undefined): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(map)) if (map[key] !== undefined) out[`f:${key}`] = fieldsOfValue(map[key]!, childMeta(meta, key));
  return out;
}

function fieldsOfValue(value: JsonValue, meta: PatchMeta | undefined): JsonObject {
  if (isJsonObject(value)) return fieldsOfMap(value, meta);
  if (!Array.isArray(value) || meta?.strategy !== 'merge') return {};
  const out: JsonObject = {};
  for (const item of value) {
    if (isJsonObject(item) && meta.mergeKey && item[meta.mergeKey] !== undefined) {
      out[itemKey(meta.mergeKey, item[meta.mergeKey]!)] = { '.': {}, ...fieldsOfMap(item, meta) };
    } else if (!isJsonObject(item)) {
      out[`v:${JSON.stringify(item)}`] = {};
    }
  }
  return out;
}

function itemKey(mergeKey: string, id: JsonValue): string {
  return `k:${JSON.stringify({ [mergeKey]: id })}`;
}

/** One step of a field path: `f:name`, `k:{"name":"x"}`, `v:"x"` (as in fieldsV1). */
export type PathStep = string;

/** Every owned leaf of a field set: fields with nothing below them, and items marked with `.`. */
export function leafPaths(set: JsonObject, prefix: PathStep[] = []): PathStep[][] {
  const out: PathStep[][] = [];
  for (const [step, below] of Object.entries(set)) {
    if (step === '.') {
      out.push(prefix);
      continue;
    }
    const path = [...prefix, step];
    if (!isJsonObject(below) || Object.keys(below).length === 0) out.push(path);
    else out.push(...leafPaths(below, path));
  }
  return out;
}

export function hasPath(set: JsonObject, path: PathStep[]): boolean {
  let at: JsonValue | undefined = set;
  for (const step of path) {
    if (!isJsonObject(at) || !(step in at)) return false;
    at = at[step];
  }
  return true;
}

/** The set without `path` (and without maps left empty by its removal). */
export function withoutPath(set: JsonObject, path: PathStep[]): JsonObject {
  if (path.length === 0) return set;
  const [step, ...rest] = path as [PathStep, ...PathStep[]];
  if (!(step in set)) return set;
  const out: JsonObject = { ...set };
  const below = set[step];
  if (rest.length === 0 || !isJsonObject(below)) delete out[step];
  else {
    const pruned = withoutPath(below, rest);
    if (Object.keys(pruned).length === 0 || (Object.keys(pruned).length === 1 && '.' in pruned)) delete out[step];
    else out[step] = pruned;
  }
  return out;
}

/** The value at a field path in an object, or undefined. */
export function valueAt(obj: JsonValue | undefined, path: PathStep[]): JsonValue | undefined {
  let at: JsonValue | undefined = obj;
  for (const step of path) {
    if (at === undefined) return undefined;
    const body = step.slice(2);
    if (step.startsWith('f:')) at = isJsonObject(at) ? at[body] : undefined;
    else if (step.startsWith('k:')) at = Array.isArray(at) ? at.find((item) => matchesKey(item, body)) : undefined;
    else if (step.startsWith('v:')) {
      const v = JSON.parse(body) as JsonValue;
      at = Array.isArray(at) && at.some((x) => jsonEqual(x, v)) ? v : undefined;
    } else return undefined;
  }
  return at;
}

function matchesKey(item: JsonValue, keyJson: string): boolean {
  if (!isJsonObject(item)) return false;
  const key = JSON.parse(keyJson) as JsonObject;
  return Object.entries(key).every(([k, v]) => jsonEqual(item[k], v));
}

/** `obj` without the value at `path` (a field, a keyed item or a set value); fresh along the path. */
export function removeAt(obj: JsonValue, path: PathStep[]): JsonValue {
  if (path.length === 0) return obj;
  const [step, ...rest] = path as [PathStep, ...PathStep[]];
  const body = step.slice(2);
  if (step.startsWith('f:') && isJsonObject(obj)) {
    if (!(body in obj)) return obj;
    const out: JsonObject = { ...obj };
    if (rest.length === 0) delete out[body];
    else out[body] = removeAt(obj[body]!, rest);
    return out;
  }
  if (Array.isArray(obj) && (step.startsWith('k:') || step.startsWith('v:'))) {
    const matches = step.startsWith('k:')
      ? (x: JsonValue) => matchesKey(x, body)
      : (x: JsonValue) => jsonEqual(x, JSON.parse(body) as JsonValue);
    if (rest.length === 0) return obj.filter((x) => !matches(x));
    return obj.map((x) => (matches(x) ? removeAt(x, rest) : x));
  }
  return obj;
}

/** `.spec.containers[name="nginx"].image`: a path as the API server prints it in conflicts. */
export function pathText(path: PathStep[]): string {
  return path
    .map((step) => {
      const body = step.slice(2);
      if (step.startsWith('f:')) return `.${body}`;
      if (step.startsWith('k:')) {
        const key = JSON.parse(body) as JsonObject;
        return `[${Object.entries(key)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(',')}]`;
      }
      return `[=${body}]`;
    })
    .join('');
}
