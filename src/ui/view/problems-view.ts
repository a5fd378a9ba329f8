// The Problems pane as lines: errors first (they stay until fixed), then warnings, then apply outcomes.

import type { ProblemItem } from '../model/problem-feed.js';
import { scrollWindow } from './columns.js';
import { escapeControl } from './escape-control.js';
import { paneTitle, selectableRow, type ListPaneArgs } from './pane-title.js';
import { fit } from './text-width.js';

export interface ProblemsView {
  lines: string[];
  page: number;
  count: number;
  selectedIndex: number;
  top: number;
}

const MARK = { error: '✗', warning: '!', info: '✓' } as const;
const STYLE = { error: 'error', warning: 'warn', info: 'dim' } as const;

export function buildProblemsView(args: ListPaneArgs & { items: ProblemItem[] }): ProblemsView {
  const { ui, width, height, painter } = args;
  const text = ui.filters.problems.toLowerCase();
  const items = text ? args.items.filter((i) => i.text.toLowerCase().includes(text)) : args.items;
  const page = Math.max(1, height - 1);
  const selectedIndex = Math.max(0, Math.min(items.length - 1, ui.cursor.problems));
  const top = scrollWindow(selectedIndex, items.length, page, args.previousTop);
  const errors = items.filter((i) => i.severity === 'error').length;
  const warnings = items.filter((i) => i.severity === 'warning').length;
  const summary = errors || warnings ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` : 'none';
  const lines = [paneTitle(painter, 'Problems', summary, args.focused, width)];
  items.slice(top, top + page).forEach((item, i) => {
    const body = fit(`${MARK[item.severity]} ${escapeControl(item.text)}`, width - 1);
    const selected = args.focused && top + i === selectedIndex;
    lines.push(selectableRow(painter, selected ? body : painter.paint(STYLE[item.severity], body), selected, args.focused));
  });
  return { lines, page, count: items.length, selectedIndex, top };
}
