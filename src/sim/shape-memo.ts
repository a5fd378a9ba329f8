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

const memos = new Map<string, ShapeMemo>();
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

/** The memo for `obj`'s shape (probed now if new); undefined for an object without metadata (or a list for it). */
export function shapeMemo(obj: KubeObject): ShapeMemo | undefined {
  const meta = obj.metadata;
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  const key = shapeKey(obj);
  let memo = memos.get(key);
  if (!memo) {
    if (memos.size >= MAX_SHAPES) memos.clear();
    memo = { typeError: decodingError(obj), unknown: unknownFields(obj), valid: false };
    memos.set(key, memo);
  }
  return memo;
}
