// Thousands of Pods repeat a handful of values (image strings, quantities, config files, log lines): the
// simulator works each out once and shares the result. A memo is bounded: when full it starts over, so
// values that never repeat cannot grow it (remembering is an optimisation, never a rule).

/**
 * `memo`'s value for `key`, made by `make(key)` the first time (undefined is remembered too). On a hot path,
 * pass a maker defined once (a module-level function of the key), not an arrow made per call.
 */
export function remember<K, V>(memo: Map<K, V>, key: K, make: (key: K) => V, limit = 4096): V {
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) {
    if (memo.size >= limit) memo.clear();
    value = make(key);
    memo.set(key, value);
  }
  return value as V;
}
