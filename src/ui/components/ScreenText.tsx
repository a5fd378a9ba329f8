// The frame as few Ink text nodes as possible. Ink 6.8's frame builder costs about one object and one pass
// per cell of its grid, on every frame: laid out as a placeholder one cell wide and one row per row, a text
// node gives Ink a one-column grid, and <Transform> swaps in each row by its index, so Ink only tokenizes
// the characters actually on screen (first-frame.ts lays the regions out exactly as the panes' boxes did,
// which first-frame.test checks row for row). One row per line, not one string: Ink's tokenizer slows down
// on long strings. Side by side (wide terminals), the left and right columns are separate nodes: a log line
// arriving changes only right-hand rows, and rows that did not change are not tokenized again (see
// ink-output-reuse.ts). Rows are trimmed at the end as Ink trims each row of its grid; none is wider than
// its column.

import React from 'react';
import { Box, Transform } from 'ink';
import { screenColumns } from '../first-frame.js';
import type { Screen } from '../view/screen.js';

const placeholders = new Map<number, string>();

/** One blank cell per row: Ink caches a text node's measurement by its text, so these are few and reused. */
function placeholder(rows: number): string {
  let p = placeholders.get(rows);
  if (p === undefined) placeholders.set(rows, (p = Array.from({ length: rows }, () => ' ').join('\n')));
  return p;
}

export function ScreenRows({ rows }: { rows: readonly string[] }): React.ReactElement {
  const trimmed = rows.map((r) => r.trimEnd());
  return <Transform transform={(_line, index) => trimmed[index] ?? ''}>{placeholder(Math.max(1, trimmed.length))}</Transform>;
}

export function ScreenText({ screen }: { screen: Screen }): React.ReactElement {
  const columns = screenColumns(screen);
  if (!columns.right) return <ScreenRows rows={columns.top} />;
  return (
    <Box flexDirection="column">
      <ScreenRows rows={columns.top} />
      <Box flexDirection="row">
        <Box width={columns.leftWidth + 1} flexShrink={0}>
          <ScreenRows rows={columns.left} />
        </Box>
        <ScreenRows rows={columns.right} />
      </Box>
      <ScreenRows rows={columns.bottom} />
    </Box>
  );
}
