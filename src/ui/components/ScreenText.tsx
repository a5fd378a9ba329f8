// The whole frame as one Ink text node. Ink 6.8's frame builder costs about one object and one pass per cell
// of its width × height grid, on every frame, whatever changed (the grid, not our work, was most of a frame's
// CPU with 10,000 Pods and logs streaming). Laid out as a placeholder one cell wide and one row per row, the
// node gives Ink a 1 × rows grid; <Transform> swaps in each row by its index (first-frame.ts lays the regions
// out exactly as the panes' boxes did, which first-frame.test checks row for row), so Ink only tokenizes the
// characters actually on screen. One row per line, not one string: Ink's tokenizer slows down on long strings.
// Rows are trimmed at the end as Ink trims each row of its grid; none is wider than the screen.

import React from 'react';
import { Transform } from 'ink';

const placeholders = new Map<number, string>();

/** One blank cell per row: Ink caches a text node's measurement by its text, so these are few and reused. */
function placeholder(rows: number): string {
  let p = placeholders.get(rows);
  if (p === undefined) placeholders.set(rows, (p = Array.from({ length: rows }, () => ' ').join('\n')));
  return p;
}

export function ScreenText({ rows }: { rows: readonly string[] }): React.ReactElement {
  const trimmed = rows.map((r) => r.trimEnd());
  return <Transform transform={(_line, index) => trimmed[index] ?? ''}>{placeholder(Math.max(1, trimmed.length))}</Transform>;
}
