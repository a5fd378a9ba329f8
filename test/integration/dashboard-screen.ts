// Reading the dashboard the way a user does: the Pods pane's rows off the frame, a Pod chosen with the
// cursor keys, and a describe overlay read page by page.

import { openDashboard } from '../ui/dashboard-harness.js';
import { readTable, type TableRow } from './fixed-width-table.js';
import { unwrapOverlayRows } from '../ui/overlay-text.js';

export type Dashboard = ReturnType<typeof openDashboard>;

export const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE'] as const;

const PAGE_DOWN = '\u001b[6~';

/** The Pods pane's rows as they stand on the frame, by column. */
export function podsPaneRows(frame: string): TableRow[] {
  return readTable(frame.split('\n'), POD_COLUMNS);
}

/**
 * Moves the Pods pane's cursor onto `name` with `g` and `j`. Where the cursor is comes from the model (a frame
 * may lag behind the keys by a throttle interval); the frame must then show that row selected.
 */
export async function selectPod(d: Dashboard, name: string): Promise<void> {
  const selected = () => d.model.selectedPod()?.metadata.name;
  await d.press('g');
  for (let i = 0; i < 50 && selected() !== name; i++) {
    const before = selected();
    await d.press('j');
    if (selected() === before) break; // the last row
  }
  if (selected() !== name) throw new Error(`pod ${name} is not in the Pods pane:\n${d.frame()}`);
  await d.waitFor((f) => selectedPodName(f) === name, `the row of ${name} selected`);
}

/** The Pod on the row marked `>` under the Pods pane's header (the Nodes pane above marks its own). */
function selectedPodName(frame: string): string | undefined {
  const lines = frame.split('\n');
  const header = lines.findIndex((l) => /^ NAME\s+READY\s+STATUS\s+RESTARTS/.test(l));
  if (header < 0) return undefined;
  return lines.slice(header + 1).map((l) => /^>(\S+)\s/.exec(l)?.[1]).find((n) => n !== undefined);
}

/**
 * The whole text of the overlay titled `title`, paging down until its last line is on screen, with wrapped
 * lines joined again. The title says which rows are shown (`1-46 of 70`) when the text is longer than a page.
 */
export async function readOverlay(d: Dashboard, title: string): Promise<string> {
  const text: string[] = [];
  let from = 0;
  for (;;) {
    const frame = await d.waitFor((f) => overlayRange(f, title) !== undefined && overlayRange(f, title)!.first > from, `${title} from line ${from + 1}`);
    const lines = frame.split('\n');
    const range = overlayRange(frame, title)!;
    const at = lines.findIndex((l) => l.includes(title));
    const count = range.last - range.first + 1;
    lines.slice(at + 1, at + 1 + count).forEach((l, i) => (text[range.first - 1 + i] = l.trimEnd()));
    if (range.last >= range.total) return unwrapOverlayRows(text, d.model.size.cols).join('\n') + '\n';
    from = range.first;
    await d.press(PAGE_DOWN);
  }
}

function overlayRange(frame: string, title: string): { first: number; last: number; total: number } | undefined {
  const line = frame.split('\n').find((l) => l.includes(title));
  if (!line) return undefined;
  const m = /(\d+)-(\d+) of (\d+)/.exec(line.slice(line.indexOf(title) + title.length));
  if (m) return { first: Number(m[1]), last: Number(m[2]), total: Number(m[3]) };
  // A text that fits: every line between the title and the hint bar.
  const lines = frame.split('\n');
  const at = lines.indexOf(line);
  const body = lines.slice(at + 1, lines.length - 1);
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
  return { first: 1, last: body.length, total: body.length };
}
