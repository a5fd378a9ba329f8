// The Logs pane as lines: the selected Pod's log ring, filtered to one container (or all, with
// `[container]` prefixes) and by the filter text, windowed from the newest line (or from where the user
// scrolled back to), wrapped or cut to the width, matches highlighted.

import type { LogEntry } from '../model/log-ring.js';
import type { LogFollower } from '../model/log-follower.js';
import type { UiState } from '../state/ui-state.js';
import { escapeControl } from './escape-control.js';
import type { Painter, Style } from './paint.js';
import { paneTitle } from './pane-title.js';
import { fit, wrapChunks } from './text-width.js';

export interface LogsView {
  lines: string[];
  page: number;
  /** Entries available to scroll through (after filtering). */
  available: number;
}

const PREFIX_STYLES: Style[] = ['key', 'ok', 'warn', 'done'];

export function logLineText(entry: LogEntry, opts: { prefix: boolean; timestamps: boolean }): string {
  let text = escapeControl(entry.text);
  if (opts.timestamps) text = `${new Date(entry.time).toISOString()} ${text}`;
  if (opts.prefix) text = `[${escapeControl(entry.container)}] ${text}`;
  return text;
}

function highlight(painter: Painter, text: string, needle: string): string {
  if (!needle || !painter.color) return text;
  const lower = text.toLowerCase();
  const n = needle.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(n); at >= 0; at = lower.indexOf(n, at + n.length)) {
    out += text.slice(from, at) + painter.paint('match', text.slice(at, at + n.length));
    from = at + n.length;
  }
  return out + text.slice(from);
}

export function buildLogsView(args: {
  follower: LogFollower;
  ui: UiState;
  podLabel: string | undefined;
  containers: string[];
  width: number;
  height: number;
  painter: Painter;
  focused: boolean;
}): LogsView {
  const { follower, ui, width, height, painter } = args;
  const mode = ui.logs;
  const page = Math.max(1, height - 1);
  const filter = ui.filters.logs;
  const container = mode.container !== undefined && args.containers.includes(mode.container) ? mode.container : undefined;
  const prefix = container === undefined && args.containers.length > 1;
  // Without a filter only the lines that can be on screen are read and formatted; with one, every kept
  // line is searched (the ring is bounded, so this is bounded too).
  let texts: string[];
  let available: number;
  let end: number;
  if (filter) {
    const lowerFilter = filter.toLowerCase();
    texts = [];
    for (const e of follower.entries(container)) {
      const t = logLineText(e, { prefix, timestamps: mode.timestamps });
      if (t.toLowerCase().includes(lowerFilter)) texts.push(t);
    }
    available = texts.length;
    end = Math.max(0, available - mode.scrollBack);
  } else {
    available = follower.count(container);
    texts = follower.tail(container, mode.scrollBack, page).map((e) => logLineText(e, { prefix, timestamps: mode.timestamps }));
    end = texts.length;
  }
  // Walk back from the last line shown until the pane is full (wrapped lines take several rows).
  const rows: string[] = [];
  for (let i = end - 1; i >= 0 && rows.length < page; i--) {
    const chunks = mode.wrap ? wrapChunks(texts[i]!, width) : [fit(texts[i]!, width)];
    for (let c = chunks.length - 1; c >= 0 && rows.length < page; c--) rows.unshift(chunks[c]!);
  }
  const painted = rows.map((r) => {
    let line = highlight(painter, r, filter);
    if (prefix && painter.color && r.startsWith('[')) {
      const close = r.indexOf(']');
      const name = r.slice(1, close);
      const style = PREFIX_STYLES[Math.max(0, args.containers.indexOf(name)) % PREFIX_STYLES.length]!;
      if (!filter) line = painter.paint(style, r.slice(0, close + 1)) + r.slice(close + 1);
    }
    return line;
  });

  if (painted.length === 0) {
    if (!args.podLabel) painted.push(painter.paint('dim', 'select a Pod to see its logs'));
    else if (follower.notices.size > 0) {
      for (const [c, notice] of follower.notices) {
        if (container === undefined || c === container) painted.push(painter.paint('dim', fit(escapeControl(notice), width)));
      }
    } else if (filter) painted.push(painter.paint('dim', `no line matches /${escapeControl(filter)}`));
    else painted.push(painter.paint('dim', mode.previous ? 'no previous instance logs' : 'no log lines yet'));
  }

  const flags = [
    container ?? (args.containers.length > 1 ? 'all containers' : args.containers[0] ?? ''),
    mode.previous ? 'previous' : '',
    mode.follow ? 'follow' : `scrolled ${mode.scrollBack}`,
    mode.wrap ? 'wrap' : '',
    mode.timestamps ? 'timestamps' : '',
    filter ? `/${escapeControl(filter)}` : '',
  ].filter(Boolean);
  const title = paneTitle(painter, 'Logs', args.podLabel ? `${args.podLabel}  ${flags.join(' · ')}` : '', args.focused, width);
  return { lines: [title, ...painted.slice(0, page)], page, available };
}
