// Pulls the comparable parts out of `kubectl describe pod` text (kubectl's own, or the dashboard's overlay):
// the lines that do not depend on the reader's clock. Event ages are the one thing kubectl computes from its
// own clock, so events are compared by type, reason, source and message.

import { cellsOf, headerOffsets } from './fixed-width-table.js';

const TOP_KEYS = new Set(['Name', 'Namespace', 'Node', 'Status', 'IP']);
const CONTAINER_KEYS = new Set(['State', 'Last State', 'Ready', 'Restart Count']);

const squeeze = (s: string) => s.trim().split(/\s+/).join(' ');

/** Name, Namespace, Node, Status, IP; each container's State (with its details), Last State, Ready, Restart Count; Conditions. */
export function stableDescribeLines(text: string): string[] {
  const out: string[] = [];
  let section = '';
  let container = '';
  let inState = false;
  for (const line of beforeEvents(text)) {
    const top = /^([A-Z][A-Za-z -]*):/.exec(line);
    if (top) {
      section = top[1]!;
      if (TOP_KEYS.has(section)) out.push(squeeze(line));
      continue;
    }
    if (section === 'Containers' || section === 'Init Containers') {
      const name = /^ {2}(\S+):$/.exec(line);
      if (name) {
        container = name[1]!;
        out.push(`${section} ${container}`);
        continue;
      }
      const field = /^ {4}([A-Z][A-Za-z ]*):\s*(.*)$/.exec(line);
      if (field) {
        inState = field[1] === 'State' || field[1] === 'Last State';
        if (CONTAINER_KEYS.has(field[1]!)) out.push(`${container} ${field[1]}: ${squeeze(field[2]!)}`);
        continue;
      }
      if (inState && /^ {6}\S/.test(line)) out.push(`${container}   ${squeeze(line)}`);
      continue;
    }
    if (section === 'Conditions' && line.trim() !== '') out.push(`Conditions ${squeeze(line)}`);
  }
  return out;
}

/** Every line above `Events:`, as printed. */
export function beforeEvents(text: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const at = lines.indexOf('Events:');
  return at < 0 ? lines : lines.slice(0, at);
}

/** The Events table as `Type Reason From Message` (or `<none>` when kubectl prints `Events: <none>`). */
export function describeEvents(text: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.some((l) => /^Events:\s+<none>$/.test(l))) return ['<none>'];
  const at = lines.indexOf('Events:');
  if (at < 0) throw new Error(`no Events section in:\n${text}`);
  const names = ['Type', 'Reason', 'Age', 'From', 'Message'];
  const offsets = headerOffsets(lines[at + 1]!, names);
  const rows: string[] = [];
  for (const line of lines.slice(at + 3)) {
    if (line.trim() === '') break;
    const c = cellsOfEvent(line, names, offsets);
    rows.push(`${c['Type']} ${c['Reason']} ${c['From']} ${c['Message']}`);
  }
  return rows;
}

/** Event rows: the Message runs to the end of the line (it may hold two spaces). */
function cellsOfEvent(line: string, names: string[], offsets: number[]): Record<string, string> {
  const cells = cellsOf(line, names, offsets);
  cells['Message'] = line.slice(offsets[4]!).trim();
  return cells;
}

/**
 * `shown` with each item the dashboard cut at the terminal's width (ending in `…`) replaced by kubectl's whole
 * item that it starts, and trailing blanks dropped (a terminal does not show them): what is left to differ is
 * a real difference, not the width of the screen.
 */
export function restoreCut(shown: readonly string[], full: readonly string[]): string[] {
  const whole = full.map((l) => l.trimEnd());
  return shown.map((item) => {
    const l = item.trimEnd();
    if (!l.endsWith('…')) return l;
    return whole.find((w) => w.length >= l.length && w.startsWith(l.slice(0, -1))) ?? l;
  });
}

/** The lines the dashboard cut at the terminal's width. */
export function cutLines(shown: string): string[] {
  return shown.split('\n').filter((l) => l.trimEnd().endsWith('…'));
}
