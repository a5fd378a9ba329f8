// The `kubectl.kubernetes.io/last-applied-configuration` annotation, byte for byte as kubectl
// writes it (kubectl's GetModifiedConfiguration): the manifest without that annotation, with
// `metadata.annotations` present (as `{}` when there are none), encoded by Go's json.Encoder — keys
// sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped — and ended by a newline.

import type { KubeObject } from '../types.js';
import { isJsonObject, type JsonObject } from './json-value.js';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * What kubectl stores in the annotation when it applies `desired`. kubectl has already filled in the
 * namespace of a namespaced object from the context; pass `namespace` to do the same here (it is
 * used only when the manifest names none).
 */
export function lastAppliedFor(desired: KubeObject, options: { namespace?: string } = {}): string {
  return goJson(manifestForAnnotation(desired, options.namespace)) + '\n';
}

/** The manifest as kubectl encodes it, before the annotation goes in. */
export function manifestForAnnotation(desired: KubeObject, namespace?: string): JsonObject {
  const metadata: JsonObject = isJsonObject(desired.metadata) ? { ...(desired.metadata as JsonObject) } : {};
  // Copied without the old annotation rather than deleted from the copy (a delete slows every later read).
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
  const annotation = goJson(manifest) + '\n';
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

// Encoding appends to one reused list of pieces joined once at the end: no string per level, no array per
// call, each map key's quoted form made once, and each nesting depth sorting its keys in a list of its own.
const pieces: string[] = [];
let count = 0;
const keysAtDepth: string[][] = [];
let depth = 0;
const quotedKeys = new Map<string, string>();

function quotedKey(k: string): string {
  let quoted = quotedKeys.get(k);
  if (quoted === undefined) {
    quoted = goString(k) + ':';
    if (quotedKeys.size < 4096) quotedKeys.set(k, quoted);
  }
  return quoted;
}

/**
 * A map's defined members' keys in Go's order, insertion-sorted (maps here are small) into `keys`; returns
 * how many. Decoded JSON has only own keys, so for-in lists what Object.keys would, without an array.
 */
function sortKeysInto(o: Record<string, unknown>, keys: string[]): number {
  let n = 0;
  for (const k in o) {
    if (o[k] === undefined) continue;
    let j = n++;
    while (j > 0 && keys[j - 1]! > k) {
      keys[j] = keys[j - 1]!;
      j--;
    }
    keys[j] = k;
  }
  return n;
}

/** Go's encoding/json output for a decoded JSON value: compact, map keys sorted. */
export function goJson(v: unknown): string {
  count = 0;
  depth = 0;
  put(v);
  // Trimmed to this value's pieces (in place; it only grows back when a bigger value comes).
  if (pieces.length !== count) pieces.length = count;
  const text = pieces.join('');
  pieces.fill(''); // holds on to none of this value's strings
  return text;
}

function put(v: unknown): void {
  if (v === null || v === undefined) {
    pieces[count++] = 'null';
    return;
  }
  switch (typeof v) {
    case 'string':
      if (isPlain(v)) {
        pieces[count++] = '"';
        pieces[count++] = v;
        pieces[count++] = '"';
      } else {
        pieces[count++] = goString(v);
      }
      return;
    case 'number':
      pieces[count++] = Number.isFinite(v) ? String(v) : 'null';
      return;
    case 'boolean':
      pieces[count++] = v ? 'true' : 'false';
      return;
  }
  if (Array.isArray(v)) {
    pieces[count++] = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) pieces[count++] = ',';
      put(v[i]);
    }
    pieces[count++] = ']';
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = (keysAtDepth[depth] ??= []);
  const n = sortKeysInto(o, keys);
  depth++;
  pieces[count++] = '{';
  for (let i = 0; i < n; i++) {
    if (i > 0) pieces[count++] = ',';
    pieces[count++] = quotedKey(keys[i]!);
    put(o[keys[i]!]);
  }
  pieces[count++] = '}';
  depth--;
}
