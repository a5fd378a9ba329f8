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

// Encoding appends to one list of pieces joined once at the end: no string per level, no array per value,
// and each map key's quoted form made once.
const quotedKeys = new Map<string, string>();

function quotedKey(k: string): string {
  let quoted = quotedKeys.get(k);
  if (quoted === undefined) {
    quoted = goString(k) + ':';
    if (quotedKeys.size < 4096) quotedKeys.set(k, quoted);
  }
  return quoted;
}

/** A map's defined members' keys in Go's order. (for-in: decoded JSON has only own keys.) */
function sortedKeys(o: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const k in o) if (o[k] !== undefined) keys.push(k);
  return keys.sort();
}

/** Go's encoding/json output for a decoded JSON value: compact, map keys sorted. */
export function goJson(v: unknown): string {
  const pieces: string[] = [];
  put(v, pieces);
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
  const keys = sortedKeys(o);
  pieces.push('{');
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) pieces.push(',');
    pieces.push(quotedKey(keys[i]!));
    put(o[keys[i]!], pieces);
  }
  pieces.push('}');
}
