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

/** The screen's rows, top to bottom, as the Dashboard component places them. */
export function firstFrameRows(screen: Screen): string[] {
  const { layout } = screen;
  let body: string[];
  if (screen.overlay) {
    body = block(screen.overlay, layout.body.height);
  } else if (layout.wide) {
    const left = [...block(screen.nodes, layout.nodes.height), ...block(screen.pods, layout.pods.height)];
    const right = [...block(screen.logs, layout.logs.height), ...block(screen.problems, layout.problems.height)];
    body = block([], layout.body.height).map((_, i) => `${padTo(left[i] ?? '', layout.nodes.width)} ${right[i] ?? ''}`.trimEnd());
  } else {
    body = block(
      [...block(screen.nodes, layout.nodes.height), ...block(screen.pods, layout.pods.height), ...block(screen.logs, layout.logs.height), ...block(screen.problems, layout.problems.height)],
      layout.body.height,
    );
  }
  return [...screen.header, ...body, screen.hint];
}

/** What to write: the rows from the top-left corner, each line's rest cleared, the cursor back home. */
export function firstFrameText(screen: Screen): string {
  return '\u001b[H' + firstFrameRows(screen).join('\u001b[K\n') + '\u001b[K\u001b[J\u001b[H';
}
