// Telling a change made behind the folder's back from the cluster's own bookkeeping. Controllers write status,
// the API server fills in defaults, and normalises values, so the live object never equals the manifest.
// What must stay put is the part the manifest declares: we project the live object onto the manifest's shape
// and compare that with the same projection of what the store returned right after our own apply.

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `value` cut down to the keys (and list positions) that `shape` has. */
export function projectOnto(value: unknown, shape: unknown): unknown {
  if (isPlainObject(shape) && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) out[key] = projectOnto(value[key], shape[key]);
    return out;
  }
  if (Array.isArray(shape) && Array.isArray(value)) {
    // A list that grew or shrank is a change even where the kept items agree.
    return value.length === shape.length ? shape.map((item, i) => projectOnto(value[i], item)) : value;
  }
  return value;
}

/** A comparable fingerprint of the declared part of `live`. */
export function declaredFingerprint(live: unknown, desired: unknown): string {
  return JSON.stringify(projectOnto(live, desired)) ?? 'undefined';
}
