// JSON for objects a store hands out deep-frozen (the simulator's do). A new version of a Pod shares its
// unchanged parts (spec, often status, metadata in a Table row) with the previous one, so their JSON is
// computed once and reused: a watch of status or label changes, or a list asked for again and again,
// serialises only what changed. Anything not frozen is serialised afresh, exactly as JSON.stringify does.

const cache = new WeakMap<object, string>();

/** Unfrozen wrappers (an event, a Table row, a PartialObjectMetadata) are walked this deep for frozen parts. */
const MAX_DEPTH = 3;

function cached(value: object): string {
  let text = cache.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    cache.set(value, text);
  }
  return text;
}

function json(value: unknown, depth: number, inFrozen: boolean): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const frozen = Object.isFrozen(value);
  // Members of a frozen object are cached; a frozen object reached from outside (a whole Pod) is composed
  // from its members instead, so the cache holds each part once and never the whole object again.
  if (frozen && inFrozen) return cached(value);
  if (!frozen && depth >= MAX_DEPTH) return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
  let out = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const text = json((value as Record<string, unknown>)[key], depth + 1, frozen);
    if (text === undefined) continue; // undefined and functions are left out, as JSON.stringify does
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** Exactly JSON.stringify(value), reusing the JSON of frozen parts serialised before. */
export function toJson(value: unknown): string {
  return json(value, 0, false) ?? 'null';
}
