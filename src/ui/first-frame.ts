// The first frame, written straight to the terminal from the screen's lines while React and Ink are still
// loading, so the dashboard is on screen in a fraction of the start-up time. It lays the regions out as
// the Dashboard component's boxes do; Ink's own first frame then overwrites it in place (anchored-output
// clears what it leaves over), so a difference can only last until Ink has loaded.

import type { Screen } from './view/screen.js';

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

function padTo(line: string, width: number): string {
  const cells = line.replace(ANSI, '').length;
  return cells < width ? line + ' '.repeat(width - cells) : line;
}

/** `lines` as exactly `height` rows (blank rows below, as a Box of that height leaves). */
function block(lines: readonly string[], height: number): string[] {
  const out = lines.slice(0, height);
  while (out.length < height) out.push('');
  return out;
}

/**
 * The screen as Ink draws it: rows from the top; side by side (wide, no overlay) the body is two columns,
 * `left` from column 0 and `right` from column `leftWidth + 1`, with `bottom` (the hint bar) below them.
 */
export interface ScreenColumns {
  top: string[];
  left: string[];
  right?: string[];
  leftWidth: number;
  bottom: string[];
}

export function screenColumns(screen: Screen): ScreenColumns {
  const { layout } = screen;
  if (!screen.overlay && layout.wide) {
    return {
      top: screen.header,
      left: [...block(screen.nodes, layout.nodes.height), ...block(screen.pods, layout.pods.height)],
      right: [...block(screen.logs, layout.logs.height), ...block(screen.problems, layout.problems.height)],
      leftWidth: layout.nodes.width,
      bottom: [screen.hint],
    };
  }
  const body = screen.overlay
    ? block(screen.overlay, layout.body.height)
    : block(
        [...block(screen.nodes, layout.nodes.height), ...block(screen.pods, layout.pods.height), ...block(screen.logs, layout.logs.height), ...block(screen.problems, layout.problems.height)],
        layout.body.height,
      );
  return { top: [...screen.header, ...body, screen.hint], left: [], leftWidth: layout.body.width, bottom: [] };
}

/** The screen's rows, top to bottom, as the Dashboard component places them. */
export function firstFrameRows(screen: Screen): string[] {
  const { top, left, right, leftWidth, bottom } = screenColumns(screen);
  if (!right) return top;
  const height = Math.max(left.length, right.length);
  const body = block([], height).map((_, i) => `${padTo(left[i] ?? '', leftWidth)} ${right[i] ?? ''}`.trimEnd());
  return [...top, ...body, ...bottom];
}

/** What to write: the rows from the top-left corner, each line's rest cleared, the cursor back home. */
export function firstFrameText(screen: Screen): string {
  return '\u001b[H' + firstFrameRows(screen).join('\u001b[K\n') + '\u001b[K\u001b[J\u001b[H';
}
