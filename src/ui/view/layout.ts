// Where each pane goes for a terminal size. The frame is never taller than rows − 1 (a frame as tall as
// the terminal makes Ink 6.8 clear the whole screen on every later frame). Narrow terminals stack the
// panes; from 140 columns the logs and problems move to a right-hand column.

export interface PaneBox {
  width: number;
  /** Lines, title included. */
  height: number;
}

export interface Layout {
  cols: number;
  rows: number;
  headerHeight: number;
  /** Side by side (wide) or stacked. */
  wide: boolean;
  nodes: PaneBox;
  pods: PaneBox;
  logs: PaneBox;
  problems: PaneBox;
  /** The area overlays use (between header and hint bar). */
  body: PaneBox;
}

export const WIDE_FROM = 140;

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

export function computeLayout(
  cols: number,
  rows: number,
  counts: { nodes: number; problems: number; headerHeight: number; pods?: number },
): Layout {
  const usable = Math.max(6, rows - 1);
  const headerHeight = counts.headerHeight;
  const body = Math.max(4, usable - headerHeight - 1);
  const wide = cols >= WIDE_FROM;
  if (wide) {
    const left = Math.floor(cols * 0.56);
    const right = cols - left - 1;
    const nodes = clamp(counts.nodes + 2, 3, Math.max(3, Math.floor(body * 0.3)));
    const problems = clamp(counts.problems + 1, 3, Math.max(3, Math.floor(body * 0.3)));
    return {
      cols,
      rows,
      headerHeight,
      wide,
      nodes: { width: left, height: nodes },
      pods: { width: left, height: body - nodes },
      logs: { width: right, height: body - problems },
      problems: { width: right, height: problems },
      body: { width: cols, height: body },
    };
  }
  const nodes = clamp(counts.nodes + 2, 2, Math.max(2, Math.floor(body * 0.25)));
  const problems = clamp(counts.problems + 1, 1, Math.max(1, Math.floor(body * 0.15)));
  // Pods get what their rows need (title, header, rows, explanation) up to all but a minimum of logs;
  // the logs pane takes the rest, so a small cluster leaves room for more log lines.
  const minLogs = Math.max(2, Math.floor(body * 0.25));
  const podsWanted = (counts.pods ?? Infinity) + 3;
  const pods = Math.max(3, Math.min(podsWanted, body - nodes - problems - minLogs));
  return {
    cols,
    rows,
    headerHeight,
    wide,
    nodes: { width: cols, height: nodes },
    pods: { width: cols, height: pods },
    logs: { width: cols, height: body - nodes - problems - pods },
    problems: { width: cols, height: problems },
    body: { width: cols, height: body },
  };
}
