// Admission work remembered by an object's shape: Pods stamped from one template (10,000 of them in the
// benchmark) differ only in names, label and annotation values and the node, so the schema probe (unknown
// fields, type errors) and the validity of everything else are worked out once per shape. The errors a
// probe finds name fields, never the object, so they carry over. The memo is small and starts over when full.

import type { KubeObject } from '../kube/types.js';
import { decodingError, unknownFields } from './kube-deps.js';

export interface ShapeMemo {
  typeError: Error | undefined;
  unknown: string[];
  /** An object of this shape passed validateObject (its own metadata still has to). */
  valid: boolean;
}

const MAX_SHAPES = 512;

/**
 * What varies between Pods of one template: the object's own name, namespace and generateName, its label and
 * annotation values, and spec.nodeName. Only those holders are blanked (a container's `name` is kept: it is
 * validated), and only string values, which keeps every type error in the key. The key is the JSON of a view
 * with those strings blanked: shallow copies of the few holders, the rest shared, so the encoding stays native.
 */
const METADATA_KEYS = new Set(['name', 'namespace', 'generateName']);

function blankStrings(map: unknown): unknown {
  if (!map || typeof map !== 'object') return map;
  if (Array.isArray(map)) return map.map((v: unknown) => (typeof v === 'string' ? '' : v));
  const out: Record<string, unknown> = {};
  for (const k in map) {
    const v = (map as Record<string, unknown>)[k];
    out[k] = typeof v === 'string' ? '' : v;
  }
  return out;
}

function metadataShape(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in meta) {
    const v = meta[k];
    if (typeof v === 'string' && METADATA_KEYS.has(k)) out[k] = '';
    else if (k === 'labels' || k === 'annotations') out[k] = blankStrings(v);
    else out[k] = v;
  }
  return out;
}

function shapeKey(obj: KubeObject): string {
  const spec = obj.spec as Record<string, unknown> | undefined;
  const view: Record<string, unknown> = { ...obj, metadata: metadataShape(obj.metadata as Record<string, unknown>) };
  if (spec && typeof spec === 'object' && typeof spec.nodeName === 'string') view.spec = { ...spec, nodeName: '' };
  return JSON.stringify(view);
}

/**
 * The shape a memo was made for, compiled from its key for a walk that allocates nothing: the last shape met
 * is tried first (Pods from one template follow each other), and only a different object pays for a key.
 * ANY_STRING stands where the key has a blanked string.
 */
const ANY_STRING = Symbol('any string');
type Shape = null | boolean | number | string | typeof ANY_STRING | Shape[] | ShapeObject;

class ShapeObject {
  constructor(
    readonly keys: string[],
    readonly values: Shape[],
  ) {}
}

type Blanking = (key: string, value: unknown) => Blanking | 'string' | undefined;
/** Nothing blanked below here. */
const exact: Blanking = () => undefined;
/** A label or annotation map: its own string values. */
const mapValues: Blanking = () => 'string';
const metadataKeys: Blanking = (k) => (METADATA_KEYS.has(k) ? 'string' : k === 'labels' || k === 'annotations' ? mapValues : undefined);
const topLevel: Blanking = (k) => (k === 'metadata' ? metadataKeys : k === 'spec' ? specKeys : undefined);
const specKeys: Blanking = (k) => (k === 'nodeName' ? 'string' : undefined);

/** `value` (parsed from a key) with each blanked string position marked; `rule` says which positions below it are blanked. */
function compile(value: unknown, rule: Blanking): Shape {
  if (value === null || typeof value !== 'object') return value as Shape;
  if (Array.isArray(value)) return value.map((v) => (rule === mapValues && typeof v === 'string' ? ANY_STRING : compile(v, exact)));
  const keys = Object.keys(value);
  const values = keys.map((k) => {
    const v = (value as Record<string, unknown>)[k];
    const below = rule(k, v);
    if (below === 'string') return typeof v === 'string' ? ANY_STRING : compile(v, exact);
    return compile(v, below ?? exact);
  });
  return new ShapeObject(keys, values);
}

/** Whether `v`'s key would be the one `shape` was compiled from (false may be wrong: the key then decides). */
function fits(v: unknown, shape: Shape): boolean {
  if (shape === ANY_STRING) return typeof v === 'string';
  if (shape === null || typeof shape !== 'object') return v === shape;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(shape)) {
    if (!Array.isArray(v) || v.length !== shape.length) return false;
    for (let i = 0; i < shape.length; i++) if (!fits(v[i], shape[i]!)) return false;
    return true;
  }
  if (Array.isArray(v) || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  // for-in: decoded JSON has only own keys (an inherited one is an extra key: no fit, and the key decides).
  let i = 0;
  for (const k in v) {
    if (k !== shape.keys[i] || !fits((v as Record<string, unknown>)[k], shape.values[i]!)) return false;
    i++;
  }
  return i === shape.keys.length;
}

interface Entry {
  memo: ShapeMemo;
  shape: Shape;
}

const memos = new Map<string, Entry>();
let last: Entry | undefined;

/** The memo for `obj`'s shape (probed now if new); undefined for an object without metadata (or a list for it). */
export function shapeMemo(obj: KubeObject): ShapeMemo | undefined {
  const meta = obj.metadata;
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  if (last && fits(obj, last.shape)) return last.memo;
  const key = shapeKey(obj);
  let entry = memos.get(key);
  if (!entry) {
    if (memos.size >= MAX_SHAPES) memos.clear();
    entry = { memo: { typeError: decodingError(obj), unknown: unknownFields(obj), valid: false }, shape: compile(JSON.parse(key), topLevel) };
    memos.set(key, entry);
  }
  last = entry;
  return entry.memo;
}
