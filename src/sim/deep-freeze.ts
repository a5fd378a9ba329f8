// The store hands out shared objects instead of copies (10,000 Pods, many watchers): freezing is what makes
// "never mutate what the store returns" a rule the runtime enforces. Already-frozen subtrees are skipped, so
// a copy-on-write update freezes only the parts it rebuilt. Freezing costs a walk of every new object on
// every write, so like React's development checks it runs only where mistakes are caught: under test
// (NODE_ENV=test, set by scripts/test.mjs) or when KUBESIM_FREEZE=1. The same goes for the values shared
// between Pods (shared-subtrees.ts, admission's token volume, nginx's process entries): a frozen array is
// also slow to read (V8 takes the generic path for its elements, and a for-of over one allocates per step).

const FREEZE = typeof process !== 'undefined' && (process.env.NODE_ENV === 'test' || process.env.KUBESIM_FREEZE === '1');

export function deepFreeze<T>(value: T): T {
  if (!FREEZE) return value;
  return freezeAll(value);
}

function freezeAll<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) freezeAll(item);
  } else {
    for (const key in value) freezeAll((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A mutable deep copy of plain JSON (what a caller edits before writing it back). */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}
