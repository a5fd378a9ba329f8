// The `kubectl.kubernetes.io/last-applied-configuration` annotation, byte for byte as kubectl
// writes it (kubectl's GetModifiedConfiguration): the manifest without that annotation, with
// `metadata.annotations` present (as `{}` when there are none), encoded by Go's json.Encoder — keys
// sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped — and ended by a newline.

import type { KubeObject } from '../types.js';
import { copyMembers, isJsonObject, type JsonObject } from './json-value.js';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * What kubectl stores in the annotation when it applies `desired`. kubectl has already filled in the
 * namespace of a namespaced object from the context; pass `namespace` to do the same here (it is
 * used only when the manifest names none).
 */
export function lastAppliedFor(desired: KubeObject, options: { namespace?: string } = {}): string {
  return goJsonLine(manifestForAnnotation(desired, options.namespace));
}

/** The manifest as kubectl encodes it, before the annotation goes in. */
export function manifestForAnnotation(desired: KubeObject, namespace?: string): JsonObject {
  const metadata: JsonObject = isJsonObject(desired.metadata) ? copyMembers(desired.metadata as JsonObject) : {};
  // Copied member by member (it gets members added: see copyMembers), the annotations without the old
  // annotation rather than deleted from the copy (a delete slows every later read).
  const annotations: JsonObject = {};
  const given = metadata.annotations;
  if (isJsonObject(given)) for (const k in given) if (k !== LAST_APPLIED_ANNOTATION) annotations[k] = given[k]!;
  metadata.annotations = annotations;
  if (namespace !== undefined && metadata.namespace === undefined) metadata.namespace = namespace;
  return { ...(desired as unknown as JsonObject), metadata };
}

/** The manifest with its new last-applied annotation: what kubectl diffs against the live object. */
export function withLastApplied(desired: KubeObject, namespace?: string): JsonObject {
  const manifest = manifestForAnnotation(desired, namespace);
  const annotation = goJsonLine(manifest);
  // manifestForAnnotation's metadata and annotations are fresh copies: the annotation goes in place, last,
  // where a spread would have put it.
  ((manifest.metadata as JsonObject).annotations as JsonObject)[LAST_APPLIED_ANNOTATION] = annotation;
  return manifest;
}

/** The annotation parsed back, or undefined when it is absent or not JSON (kubectl then has no original). */
export function parseLastApplied(obj: { metadata?: { annotations?: Record<string, string> } } | undefined): JsonObject | undefined {
  const text = obj?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const goEscapes: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * Whether JSON.stringify and Go write `s` between quotes as it is: printable ASCII other than `"`, `\` and
 * Go's HTML escapes, or non-ASCII outside the surrogates and U+2028/U+2029. Nearly every key and value is.
 */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) return false;
    } else if (c === 0x7f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029) {
      return false;
    }
  }
  return true;
}

function goString(s: string): string {
  if (isPlain(s)) return '"' + s + '"';
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => goEscapes[c]!);
}

// Encoding appends to one list of pieces joined once at the end: no string per level, no array per value.

/**
 * The sorted keys of every map shape met so far, found by walking a map's keys in its own order down a trie:
 * manifests from one template have maps of the same few shapes, and a found shape costs no key array, no
 * sort (whose scratch space made half of an apply's garbage) and no lookup of each key's quoted form.
 */
interface KeyOrder {
  /** The child of the first key seen after this prefix (most prefixes only ever see one), and the others. */
  key: string | undefined;
  child: KeyOrder | undefined;
  others: Map<string, KeyOrder> | undefined;
  /**
   * For a map with exactly this prefix as its keys, in Go's order: each key quoted, after the `{` or `,` that
   * comes before it and followed by `:` (one piece where there would be two).
   */
  quoted: string[] | undefined;
  keys: string[] | undefined;
}

function keyOrder(): KeyOrder {
  return { key: undefined, child: undefined, others: undefined, quoted: undefined, keys: undefined };
}

/** Enough for the shapes of a big cluster's manifests; when full the trie starts over (it is only a cache). */
const MAX_KEY_ORDERS = 8192;
let keyOrders = keyOrder();
let keyOrderCount = 0;

function childOf(node: KeyOrder, k: string): KeyOrder {
  if (node.key === k) return node.child!;
  let child = node.key === undefined ? undefined : node.others?.get(k);
  if (child) return child;
  child = keyOrder();
  keyOrderCount++;
  if (node.key === undefined) {
    node.key = k;
    node.child = child;
  } else {
    (node.others ??= new Map()).set(k, child);
  }
  return child;
}

/** The trie node of `o`'s defined members' keys, with its sorted and quoted keys filled in. */
function shapeOf(o: Record<string, unknown>): KeyOrder {
  if (keyOrderCount >= MAX_KEY_ORDERS) {
    keyOrders = keyOrder();
    keyOrderCount = 0;
  }
  let node = keyOrders;
  // for-in: decoded JSON has only own keys.
  for (const k in o) if (o[k] !== undefined) node = childOf(node, k);
  if (!node.keys) {
    const keys: string[] = [];
    for (const k in o) if (o[k] !== undefined) keys.push(k);
    keys.sort();
    node.quoted = keys.map((k, i) => (i === 0 ? '{' : ',') + goString(k) + ':');
    node.keys = keys;
  }
  return node;
}

/** Go's encoding/json output for a decoded JSON value: compact, map keys sorted. */
export function goJson(v: unknown): string {
  return encode(v, false);
}

/**
 * goJson's text and a newline, as json.Encoder writes it, in one flat string (appending the newline to the
 * text afterwards would make a two-piece string that is copied again the first time it is read).
 */
function goJsonLine(v: unknown): string {
  return encode(v, true);
}

function encode(v: unknown, newline: boolean): string {
  const pieces: string[] = [];
  put(v, pieces);
  if (newline) pieces.push('\n');
  return pieces.join('');
}

function put(v: unknown, pieces: string[]): void {
  if (v === null || v === undefined) {
    pieces.push('null');
    return;
  }
  switch (typeof v) {
    case 'string':
      pieces.push(goString(v));
      return;
    case 'number':
      pieces.push(Number.isFinite(v) ? String(v) : 'null');
      return;
    case 'boolean':
      pieces.push(v ? 'true' : 'false');
      return;
  }
  if (Array.isArray(v)) {
    pieces.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) pieces.push(',');
      put(v[i], pieces);
    }
    pieces.push(']');
    return;
  }
  const o = v as Record<string, unknown>;
  const shape = shapeOf(o);
  const keys = shape.keys!;
  const quoted = shape.quoted!;
  if (keys.length === 0) {
    pieces.push('{}');
    return;
  }
  for (let i = 0; i < keys.length; i++) {
    pieces.push(quoted[i]!);
    put(o[keys[i]!], pieces);
  }
  pieces.push('}');
}
