// Reads a fixed-width table (kubectl's tabwriter output, the dashboard's Pods pane) by its header: each
// column starts where its header word starts, so cells holding spaces ("4 (32s ago)") stay whole.

export type TableRow = Record<string, string>;

/** Where each header starts in the header line; headers are found in order (NODE before NOMINATED NODE). */
export function headerOffsets(header: string, names: readonly string[]): number[] {
  const offsets: number[] = [];
  let from = 0;
  for (const name of names) {
    const at = findWord(header, name, from);
    if (at < 0) throw new Error(`header ${JSON.stringify(name)} not found in ${JSON.stringify(header)}`);
    offsets.push(at);
    from = at + name.length;
  }
  return offsets;
}

/** A header word on its own: "NODE" must not match inside "NOMINATED NODE". */
function findWord(line: string, word: string, from: number): number {
  for (let at = line.indexOf(word, from); at >= 0; at = line.indexOf(word, at + 1)) {
    const before = at === 0 ? ' ' : line[at - 1];
    const after = line[at + word.length] ?? ' ';
    if (before === ' ' && after === ' ') return at;
  }
  return -1;
}

/**
 * Cells of `row` under `names`. The last column ends at the first run of two spaces after it, so text to
 * the right of the table (another pane) is left out.
 */
export function cellsOf(row: string, names: readonly string[], offsets: readonly number[]): TableRow {
  const cells: TableRow = {};
  names.forEach((name, i) => {
    const end = offsets[i + 1];
    const raw = end === undefined ? row.slice(offsets[i]!).split(/ {2,}/)[0]! : row.slice(offsets[i]!, end);
    cells[name] = raw.trim();
  });
  return cells;
}

/**
 * The rows under the first line that holds every header, up to the first line whose first cell is not an
 * object name (a blank line, the dashboard's one-line explanation under its rows).
 */
export function readTable(lines: readonly string[], names: readonly string[]): TableRow[] {
  const at = lines.findIndex((l) => names.every((n) => findWord(l, n, 0) >= 0));
  if (at < 0) throw new Error(`no table with ${names.join(', ')} in:\n${lines.join('\n')}`);
  const offsets = headerOffsets(lines[at]!, names);
  const rows: TableRow[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(line.slice(offsets[0]!, offsets[1]!).trim())) break;
    rows.push(cellsOf(line, names, offsets));
  }
  return rows;
}
