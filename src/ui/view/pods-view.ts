// The Pods pane as lines: the same cells `kubectl get pods -o wide` prints (podRow from src/kube/print),
// only for the rows that fit, coloured by meaning, with the selected Pod's one-line explanation under them.

import type { Pod } from '../../kube/types.js';
import { podRow, type PodRow } from '../../kube/print/pod-columns.js';
import type { ClusterCache } from '../model/cluster-cache.js';
import { formatTable, scrollWindow, type Column } from './columns.js';
import { escapeControl } from './escape-control.js';
import { explainPod } from './pod-explanation.js';
import type { Painter } from './paint.js';
import { paneTitle, selectableRow, type ListPaneArgs } from './pane-title.js';
import { podStatusStyle } from './status-style.js';
import { fit } from './text-width.js';

export interface PodsView {
  lines: string[];
  /** Rows of Pods visible: the page size for PgUp/PgDn. */
  page: number;
  keys: readonly string[];
  selectedIndex: number;
  top: number;
}

const COLUMNS = (allNamespaces: boolean): Column<PodRow>[] => [
  ...(allNamespaces ? [{ header: 'NAMESPACE', cell: (r: PodRow) => r.namespace, priority: 5 }] : []),
  { header: 'NAME', cell: (r) => r.name, priority: 10 },
  { header: 'READY', cell: (r) => r.ready, priority: 9 },
  { header: 'STATUS', cell: (r) => r.status, priority: 9, minWidth: 7 },
  { header: 'RESTARTS', cell: (r) => r.restarts, priority: 7 },
  { header: 'AGE', cell: (r) => r.age, priority: 8, minWidth: 5 },
  { header: 'IP', cell: (r) => r.ip, priority: 4, minWidth: 10 },
  { header: 'NODE', cell: (r) => r.node, priority: 3 },
];

/** The selected row's index in `keys`: follows the selected Pod's identity when rows move. */
export function resolveSelection(keys: readonly string[], index: number, key: string | undefined, lookup: (key: string) => number): number {
  if (keys.length === 0) return 0;
  if (key !== undefined && keys[index] !== key) {
    const found = lookup(key);
    if (found >= 0) return found;
  }
  return Math.max(0, Math.min(keys.length - 1, index));
}

export function buildPodsView(args: ListPaneArgs & { cache: ClusterCache; now: number }): PodsView {
  const { cache, ui, width, height, painter, now } = args;
  const keys = cache.podKeys({ namespace: ui.namespace, node: ui.nodeFilter, text: ui.filters.pods });
  const selectedIndex = resolveSelection(keys, ui.cursor.pods, ui.selected.pods, (k) => keys.indexOf(k));
  const page = Math.max(1, height - 3);
  const top = scrollWindow(selectedIndex, keys.length, page, args.previousTop);
  const visible = keys.slice(top, top + page).map((k) => cache.pods.get(k)!).filter(Boolean) as Pod[];
  const rows = visible.map((p) => sanitizeRow(podRow(p, now)));
  const table = formatTable(COLUMNS(ui.namespace === undefined), rows, width - 1);

  const scope = ui.nodeFilter ? `node ${ui.nodeFilter}` : ui.namespace === undefined ? 'all namespaces' : ui.namespace;
  const filter = ui.filters.pods ? `  /${escapeControl(ui.filters.pods)}` : '';
  const count = keys.length === cache.pods.size ? `${keys.length}` : `${keys.length} of ${cache.pods.size}`;
  const lines = [paneTitle(painter, 'Pods', `${scope}  ${count}${filter}`, args.focused, width)];
  lines.push(painter.paint('dim', ' ' + table.header));
  table.rows.forEach((text, i) => {
    const row = rows[i]!;
    const selected = top + i === selectedIndex;
    let line = text;
    if (painter.color && !selected) line = colourStatus(painter, text, row.status);
    lines.push(selectableRow(painter, line, selected, args.focused));
  });
  while (lines.length < height - 1) lines.push('');
  const selectedPod = keys.length ? cache.pods.get(keys[selectedIndex]!) : undefined;
  const explanation = selectedPod
    ? explainPod(selectedPod, cache.eventsFor('Pod', selectedPod.metadata.namespace, selectedPod.metadata.name ?? ''), now)
    : keys.length === 0
      ? ui.namespace === undefined
        ? 'No resources found'
        : `No resources found in ${ui.namespace} namespace.`
      : '';
  lines.push(painter.paint('warn', fit(' ' + escapeControl(explanation), width)));
  return { lines: lines.slice(0, height), page, keys, selectedIndex, top };
}

function sanitizeRow(row: PodRow): PodRow {
  return { ...row, name: escapeControl(row.name), namespace: escapeControl(row.namespace), status: escapeControl(row.status) };
}

/** Paints the STATUS cell of an already laid-out row, found by its text. */
function colourStatus(painter: Painter, text: string, status: string): string {
  const at = text.indexOf(` ${status}`);
  if (at < 0 || status === '') return text;
  const start = at + 1;
  return text.slice(0, start) + painter.paint(podStatusStyle(status), status) + text.slice(start + status.length);
}
