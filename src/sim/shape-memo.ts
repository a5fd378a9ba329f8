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
 * validated), and only string values, which keeps every type error in the key.
 */
const METADATA_KEYS = new Set(['name', 'namespace', 'generateName']);
const metadataHolders = new WeakSet<object>();
const specHolders = new WeakSet<object>();
const stringMaps = new WeakSet<object>();

function shapeOnly(this: unknown, key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const holder = this as object;
  if (stringMaps.has(holder)) return '';
  if (METADATA_KEYS.has(key) && metadataHolders.has(holder)) return '';
  if (key === 'nodeName' && specHolders.has(holder)) return '';
  return value;
}

/** The memo for `obj`'s shape (probed now if new); undefined for an object without metadata. */
export function shapeMemo(obj: KubeObject): ShapeMemo | undefined {
  const meta = obj.metadata;
  if (!meta || typeof meta !== 'object') return undefined;
  metadataHolders.add(meta);
  if (obj.spec && typeof obj.spec === 'object') specHolders.add(obj.spec);
  if (meta.labels && typeof meta.labels === 'object') stringMaps.add(meta.labels);
  if (meta.annotations && typeof meta.annotations === 'object') stringMaps.add(meta.annotations);
  const key = JSON.stringify(obj, shapeOnly);
  let memo = memos.get(key);
  if (!memo) {
    if (memos.size >= MAX_SHAPES) memos.clear();
    memo = { typeError: decodingError(obj), unknown: unknownFields(obj), valid: false };
    memos.set(key, memo);
  }
  return memo;
}
