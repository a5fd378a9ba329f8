// Fitting plain text into a number of terminal cells. Rows are built as plain text first and painted after,
// so widths are counted on text without escape sequences.

/** Cut `text` to at most `width` cells, marking the cut with `…`. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width === 1) return '…';
  return text.slice(0, width - 1) + '…';
}

/** Pad on the right to exactly `width` (cutting when longer). */
export function padCell(text: string, width: number): string {
  const cut = fit(text, width);
  return cut.length < width ? cut + ' '.repeat(width - cut.length) : cut;
}

/** Splits `text` into chunks of `width` cells (wrap mode of the logs pane). */
export function wrapChunks(text: string, width: number): string[] {
  if (width <= 0) return [''];
  if (text.length <= width) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}
