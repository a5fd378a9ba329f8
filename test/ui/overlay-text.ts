// Reading a wrapped overlay back as the text it shows: continuation rows (marked CONTINUATION after their
// indentation) joined onto the row before. A row that reaches the screen's edge was broken inside a word
// (joined as is); a shorter one at a space (joined with one space, as the overlay breaks at a space run).

import { CONTINUATION } from '../../src/ui/view/overlay-view.js';

export function unwrapOverlayRows(rows: readonly string[], width: number): string[] {
  const out: string[] = [];
  let lastRowLength = 0;
  for (const row of rows) {
    const at = row.indexOf(CONTINUATION);
    if (out.length > 0 && at >= 0 && row.slice(0, at).trim() === '') {
      const rest = row.slice(at + CONTINUATION.length);
      const previous = out.pop()!.trimEnd();
      out.push(lastRowLength >= width ? previous + rest : `${previous} ${rest}`);
    } else {
      out.push(row);
    }
    lastRowLength = row.trimEnd().length;
  }
  return out;
}
