// JSON merge patch (RFC 7386), `application/merge-patch+json`: objects merge recursively, `null`
// removes a member, anything else (arrays included) replaces what was there. The result is fresh.

import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from './json-value.js';
import { malformedPatch } from './patch-errors.js';

/** `original` with `patch` merged in. A patch that is not a JSON object is refused like the API server does. */
export function jsonMergePatch<T>(original: T, patch: unknown): T {
  if (!isJsonObject(patch)) throw malformedPatch('Invalid JSON Patch');
  return mergeInto(original as JsonValue, patch) as T;
}

function mergeInto(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch);
  const base: JsonObject = isJsonObject(target) ? target : {};
  const out: JsonObject = {};
  for (const key of Object.keys(base)) {
    const value = key in patch ? patch[key] : undefined;
    if (value === undefined) {
      if (base[key] !== undefined) out[key] = cloneJson(base[key]!);
    } else if (value !== null) {
      out[key] = mergeInto(base[key], value);
    }
  }
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (key in base || value === null || value === undefined) continue;
    out[key] = mergeInto(undefined, value);
  }
  return out;
}
