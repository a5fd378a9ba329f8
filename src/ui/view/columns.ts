// A table as kubectl prints it: columns as wide as their widest visible cell, three spaces apart; columns
// that do not fit are dropped, least important first. Widths come from the visible rows only (that is
// what is on screen) with a floor per column, so a ticking AGE does not shift the columns after it.

import { fit } from './text-width.js';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => string;
  /** Higher stays longer when space is short. */
  priority: number;
  minWidth?: number;
}

export interface TableLines {
  header: string;
  rows: string[];
}

/** kubectl's column gap. */
const KUBECTL_GAP = '   ';

export function formatTable<Row>(columns: Column<Row>[], rows: Row[], width: number, GAP = KUBECTL_GAP): TableLines {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, c.minWidth ?? 0, ...cells.map((r) => r[i]!.length)));
  const keep = columns.map(() => true);
  const total = () => widths.reduce((sum, w, i) => sum + (keep[i] ? w + GAP.length : 0), -GAP.length);
  const order = columns.map((c, i) => ({ p: c.priority, i })).sort((a, b) => a.p - b.p);
  for (const { i } of order) {
    if (total() <= width) break;
    if (keep.filter(Boolean).length <= 1) break;
    keep[i] = false;
  }
  const line = (values: string[]) => {
    const parts: string[] = [];
    values.forEach((v, i) => {
      if (keep[i]) parts.push(v + ' '.repeat(Math.max(0, widths[i]! - v.length)));
    });
    return fit(parts.join(GAP).trimEnd(), width);
  };
  return { header: line(columns.map((c) => c.header)), rows: cells.map(line) };
}

/** The first `n` rows' start so that `selected` is visible; keeps the previous start when it still works. */
export function scrollWindow(selected: number, count: number, visible: number, previousTop: number): number {
  if (count <= visible) return 0;
  let top = Math.min(previousTop, count - visible);
  if (selected < top) top = selected;
  if (selected >= top + visible) top = selected - visible + 1;
  return Math.max(0, top);
}
