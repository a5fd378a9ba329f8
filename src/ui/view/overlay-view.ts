// Full-body overlays as lines: a scrolling text (describe, YAML, help) and the container picker.

import type { Binding } from '../keymap.js';
import { keyLabel } from '../keymap.js';
import type { Pod } from '../../kube/types.js';
import { escapeControl } from './escape-control.js';
import type { Painter } from './paint.js';
import { paneTitle, selectableRow } from './pane-title.js';
import { fit } from './text-width.js';

/** What starts a continuation line (after the wrapped line's own indentation), so it never reads as a new row. */
export const CONTINUATION = '↪ ';

export function textOverlayLines(title: string, text: string, scroll: number, width: number, height: number, painter: Painter): string[] {
  const all = wrappedTextRows(text, width);
  const page = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(scroll, all.length - page));
  const where = all.length > page ? `  ${top + 1}-${Math.min(all.length, top + page)} of ${all.length}` : '';
  const lines = [paneTitle(painter, title, `${where}  esc close`, true, width)];
  for (const l of all.slice(top, top + page)) lines.push(l);
  return lines;
}

/** How many screen rows the text takes at `width` (what scrolling counts). */
export function textLineCount(text: string, width: number): number {
  return wrappedTextRows(text, width).length;
}

let memo: { text: string; width: number; rows: string[] } | undefined;

/**
 * The text as screen rows of at most `width` cells: a longer line (a FailedScheduling message) goes on in
 * continuation rows, indented as the line is and marked with CONTINUATION, broken before a run of spaces
 * that starts inside the row (dropping one space of it). A word break leaves its row shorter than the room;
 * only a word longer than the room fills it to the edge, so the two can be told apart and undone exactly.
 * Memoised: the overlay redraws (the clock ticks) while its text stays the same.
 */
export function wrappedTextRows(text: string, width: number): string[] {
  if (memo && memo.text === text && memo.width === width) return memo.rows;
  const all = text.split('\n');
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  const rows: string[] = [];
  for (const line of all) rows.push(...wrapLine(escapeControl(line), width));
  memo = { text, width, rows };
  return rows;
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = line.length - line.trimStart().length;
  let prefix = ' '.repeat(indent) + CONTINUATION;
  if (prefix.length > width / 2) prefix = CONTINUATION;
  if (prefix.length >= width) return [fit(line, width)];
  const rows: string[] = [];
  let rest = line;
  let room = width;
  while (rest.length > room) {
    const at = breakAt(rest, room);
    rows.push(rows.length === 0 ? rest.slice(0, at) : prefix + rest.slice(0, at));
    // A break at a space drops that one space: the row before ends without one, and reading back joins with one.
    rest = rest.slice(at < room ? at + 1 : at);
    room = width - prefix.length;
  }
  rows.push(rows.length === 0 ? rest : prefix + rest);
  return rows;
}

/** Where to break `text` to fit `room`: before the last run of spaces that starts inside it, else at the edge. */
function breakAt(text: string, room: number): number {
  for (let i = room - 1; i > 0; i--) {
    if (text[i] === ' ' && text[i - 1] !== ' ' && text.slice(0, i).trim() !== '') return i;
  }
  return room;
}

const SCOPE_LABEL: Record<string, string> = { global: 'anywhere', nodes: 'Nodes pane', pods: 'Pods pane', logs: 'Logs pane', problems: 'Problems pane' };

/** The help text, generated from the keymap in force. */
export function helpText(keymap: readonly Binding[], readonly: boolean): string {
  const lines: string[] = [];
  for (const scope of ['global', 'pods', 'nodes', 'logs']) {
    const rows = keymap.filter((b) => b.scope === scope);
    if (rows.length === 0) continue;
    lines.push(`${SCOPE_LABEL[scope]}:`);
    for (const b of rows) {
      const keys = b.keys.map(keyLabel).join(', ');
      lines.push(`  ${keys.padEnd(16)} ${b.description}${b.dangerous ? '  (changes the cluster)' : ''}`);
    }
    lines.push('');
  }
  if (readonly) lines.push('read-only: keys that change the cluster are switched off (--readonly).');
  lines.push('Keys typed into the shell overlay go to the container; `exit` or ctrl-d leaves it.');
  return lines.join('\n');
}

export interface ContainerChoice {
  /** Absent: all containers. */
  name?: string;
  label: string;
}

export function containerChoices(pod: Pod): ContainerChoice[] {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const describe = (name: string, init: boolean) => {
    const s = statuses.find((x) => x.name === name);
    const state = s?.state?.running ? 'running' : s?.state?.waiting ? s.state.waiting.reason ?? 'waiting' : s?.state?.terminated ? s.state.terminated.reason ?? 'terminated' : 'not started';
    return `${name}${init ? ' (init)' : ''}  ${s?.ready ? 'ready' : 'not ready'}  ${state}  restarts ${s?.restartCount ?? 0}`;
  };
  return [
    { label: 'all containers' },
    ...(pod.spec?.initContainers ?? []).map((c) => ({ name: c.name, label: describe(c.name, true) })),
    ...(pod.spec?.containers ?? []).map((c) => ({ name: c.name, label: describe(c.name, false) })),
  ];
}

export function containerPickerLines(pod: Pod | undefined, cursor: number, width: number, height: number, painter: Painter): string[] {
  const title = paneTitle(painter, 'Containers', pod ? `${pod.metadata.namespace}/${pod.metadata.name}  enter choose · esc close` : '', true, width);
  if (!pod) return [title, 'no Pod selected'];
  const choices = containerChoices(pod);
  return [title, ...choices.slice(0, height - 1).map((c, i) => selectableRow(painter, fit(escapeControl(c.label), width - 1), i === cursor, true))];
}
