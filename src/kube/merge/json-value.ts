// Plain JSON values as the merge functions see them: objects, arrays and scalars, nothing else.

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A fresh copy of a JSON value; `undefined` members are dropped as JSON would. (for-in: decoded JSON has only
 * own keys, and it lists them without allocating an array of them per object.)
 */
export function cloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  const out: JsonObject = {};
  for (const k in v) {
    const x = (v as JsonObject)[k];
    if (x !== undefined) out[k] = cloneJson(x);
  }
  return out as T;
}

/**
 * A shallow copy of an object made member by member, for a copy that gets members added or is kept long. A
 * spread copy that gets members added afterwards (or in the same literal) has a hidden class of its own, not
 * shared with any other object (~1 KB each, and slow to read); one built member by member follows the same
 * hidden classes as every object with those keys in that order. Object.assign does that natively (about three
 * times as fast as a loop, whose keyed stores miss their caches).
 */
export function copyMembers<T extends object>(o: T): T {
  if (!Object.hasOwn(o, '__proto__')) return Object.assign({}, o);
  // An own `__proto__` member stays a member (assigning it would set the prototype).
  const out = {} as Record<string, unknown>;
  for (const k in o) Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
  return out as T;
}

/**
 * A shallow copy of `o` with `members` set (existing ones keep their place, new ones go last): what
 * `{ ...o, ...members }` means, without the hidden class of its own that literal gives a copy that gains
 * members (see copyMembers).
 */
export function withMembers<T extends object>(o: T, members: Partial<T>): T {
  return Object.assign(copyMembers(o), members);
}

/** Structural equality of two JSON values (key order ignored, `undefined` members ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    // Defined members counted, not listed (the simulator compares every status it makes with the stored one).
    // for-in: decoded JSON has only own keys.
    let count = 0;
    for (const k in a) {
      if (a[k] === undefined) continue;
      count++;
      if (!jsonEqual(a[k], b[k])) return false;
    }
    for (const k in b) if (b[k] !== undefined) count--;
    return count === 0;
  }
  return false;
}

/** Go's reflect.TypeOf comparison as the patch code uses it: map, list, string, number, bool, null. */
export function jsonKind(v: unknown): 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'object';
}
