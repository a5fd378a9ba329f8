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
  const annotations: JsonObject = isJsonObject(metadata.annotations) ? { ...metadata.annotations } : {};
  delete annotations[LAST_APPLIED_ANNOTATION];
  metadata.annotations = annotations;
  if (namespace !== undefined && metadata.namespace === undefined) metadata.namespace = namespace;
  return { ...(desired as unknown as JsonObject), metadata };
}

/** The manifest with its new last-applied annotation: what kubectl diffs against the live object. */
export function withLastApplied(desired: KubeObject, namespace?: string): JsonObject {
  const manifest = manifestForAnnotation(desired, namespace);
  const annotation = goJson(manifest) + '\n';
  const metadata = manifest.metadata as JsonObject;
  return { ...manifest, metadata: { ...metadata, annotations: { ...(metadata.annotations as JsonObject), [LAST_APPLIED_ANNOTATION]: annotation } } };
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

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => goEscapes[c]!);
}

/** Go's encoding/json output for a decoded JSON value: compact, map keys sorted. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map((x) => goJson(x)).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${goString(k)}:${goJson(o[k])}`).join(',')}}`;
}
