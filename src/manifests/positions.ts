// Where each field of a parsed YAML document stands in its file, so an API error that names a field path
// (`spec.containers[0].imagee`) can be shown at the line the user has to fix.

import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

export interface LineCol {
  /** 1-based, as editors and the yaml package count. */
  line: number;
  col: number;
}

/** Field path → position of its key (maps) or of its item (sequences). */
export type PositionTable = Map<string, LineCol>;

/** `spec.containers[0].name` for a key under a path; keys with dots are kept as they are, like the API does. */
function childPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** Records the position of every key and sequence item below `node`, prefixed with `path`. */
export function recordPositions(node: unknown, path: string, lines: LineCounter, table: PositionTable): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const keyNode = pair.key as Node;
      const here = childPath(path, key);
      if (keyNode.range) table.set(here, lines.linePos(keyNode.range[0]));
      recordPositions(pair.value, here, lines, table);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const here = `${path}[${i}]`;
      const range = (item as Node | null)?.range;
      if (range) table.set(here, lines.linePos(range[0]));
      recordPositions(item, here, lines, table);
    });
  }
}

/** The parent of a field path: `a.b[2].c` → `a.b[2]` → `a.b` → `a` → ``. */
export function parentPath(path: string): string {
  if (path.endsWith(']')) return path.slice(0, path.lastIndexOf('['));
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

/**
 * The position of `fieldPath`, or of its nearest ancestor present in the document (a missing required
 * field is reported where it should have been written), or `fallback` (the document's start).
 */
export function lookupPosition(table: PositionTable, fieldPath: string, fallback: LineCol): LineCol {
  for (let p = fieldPath; p; p = parentPath(p)) {
    const found = table.get(p);
    if (found) return found;
  }
  return fallback;
}

/** A sub-table for `items[i]` of a `kind: List`, with paths relative to the item. */
export function subTable(table: PositionTable, prefix: string): PositionTable {
  const sub: PositionTable = new Map();
  for (const [path, pos] of table) {
    if (path.startsWith(`${prefix}.`)) sub.set(path.slice(prefix.length + 1), pos);
  }
  return sub;
}
