// Where the items of a merged list end up. Strategic merge patch keeps the patch's relative order
// (or the `$setElementOrder` list's) for the items the patch names, the live order for the items only
// the server has, and interleaves the two by the live order where it can (apimachinery's
// normalizeElementOrder / mergeSortedSlice).

import type { JsonValue } from './json-value.js';
import { isJsonObject } from './json-value.js';

/** The identity of a list item: its merge key's value for maps, the value itself for scalars. */
export function itemIdentity(item: JsonValue, mergeKey: string | undefined): unknown {
  if (mergeKey && isJsonObject(item)) return item[mergeKey];
  return item;
}

function positions(order: JsonValue[], mergeKey: string | undefined): Map<unknown, number> {
  const at = new Map<unknown, number>();
  order.forEach((item, i) => {
    const id = itemIdentity(item, mergeKey);
    if (!at.has(id)) at.set(id, i);
  });
  return at;
}

/** Splits `items` into those `partitionBy` names and those it does not. */
export function partitionByPresence(
  items: JsonValue[],
  partitionBy: JsonValue[],
  mergeKey: string | undefined,
): [named: JsonValue[], others: JsonValue[]] {
  const present = new Set(partitionBy.map((p) => itemIdentity(p, mergeKey)));
  const named: JsonValue[] = [];
  const others: JsonValue[] = [];
  for (const item of items) (present.has(itemIdentity(item, mergeKey)) ? named : others).push(item);
  return [named, others];
}

/** Stable sort of `items` by their position in `order`; items `order` lacks keep their place at the end. */
function sortByOrder(items: JsonValue[], order: JsonValue[], mergeKey: string | undefined): JsonValue[] {
  if (items.length < 2) return items;
  const at = positions(order, mergeKey);
  const found = items.filter((i) => at.has(itemIdentity(i, mergeKey)));
  const missing = items.filter((i) => !at.has(itemIdentity(i, mergeKey)));
  found.sort((a, b) => at.get(itemIdentity(a, mergeKey))! - at.get(itemIdentity(b, mergeKey))!);
  return found.concat(missing);
}

/**
 * Orders a merged list: `patchItems` by `patchOrder`, `serverOnly` by `serverOrder`, then a
 * server-only item goes before a patch item only when the live list had it earlier.
 */
export function normalizeElementOrder(
  patchItems: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string | undefined,
): JsonValue[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey);
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const at = positions(serverOrder, mergeKey);
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length) out.push(left[i++]!);
    else {
      const li = at.get(itemIdentity(left[i]!, mergeKey));
      const ri = at.get(itemIdentity(right[j]!, mergeKey));
      if (li !== undefined && ri !== undefined && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}
