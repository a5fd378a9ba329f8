// The Nodes pane as lines: NAME, STATUS, ROLES, PODS n/max, and CPU / memory requested against allocatable
// as small bars. Only visible nodes are measured (a node's usage walks its Pods).

import type { Node } from '../../kube/types.js';
import type { ClusterCache } from '../model/cluster-cache.js';
import { formatTable, scrollWindow, type Column } from './columns.js';
import { escapeControl } from './escape-control.js';
import { nodeRolesColumn, nodeStatusColumn } from '../../kube/print/node-columns.js';
import { nodeUsage, usageBar } from './node-usage.js';
import { paneTitle, selectableRow, type ListPaneArgs } from './pane-title.js';
import { nodeStatusStyle } from './status-style.js';

interface NodeLine {
  name: string;
  status: string;
  roles: string;
  pods: string;
  cpu: string;
  memory: string;
}

const COLUMNS: Column<NodeLine>[] = [
  { header: 'NAME', cell: (r) => r.name, priority: 10 },
  { header: 'STATUS', cell: (r) => r.status, priority: 9 },
  { header: 'ROLES', cell: (r) => r.roles, priority: 5 },
  { header: 'PODS', cell: (r) => r.pods, priority: 8 },
  { header: 'CPU', cell: (r) => r.cpu, priority: 7 },
  { header: 'MEMORY', cell: (r) => r.memory, priority: 6 },
];

export interface NodesView {
  lines: string[];
  page: number;
  keys: readonly string[];
  selectedIndex: number;
  top: number;
}

/**
 * A node's row walks its Pods (up to 110 of them) to sum their requests: with 1,000 nodes and Pods changing
 * every few milliseconds, it is remembered per Node object and made again only when its Pods change.
 */
const remembered = new WeakMap<Node, { cache: ClusterCache; changes: number; line: NodeLine }>();

export function nodeLine(node: Node, cache: ClusterCache): NodeLine {
  const changes = cache.nodeChanges(node.metadata.name ?? '');
  const known = remembered.get(node);
  if (known && known.cache === cache && known.changes === changes) return known.line;
  const line = computeNodeLine(node, cache);
  remembered.set(node, { cache, changes, line });
  return line;
}

function computeNodeLine(node: Node, cache: ClusterCache): NodeLine {
  const u = nodeUsage(node, cache.podsOn(node.metadata.name ?? ''));
  return {
    name: escapeControl(node.metadata.name ?? ''),
    status: nodeStatusColumn(node),
    roles: nodeRolesColumn(node),
    pods: `${u.pods}/${u.maxPods}`,
    cpu: usageBar(u.cpuRequested, u.cpuAllocatable),
    memory: usageBar(u.memRequested, u.memAllocatable),
  };
}

export function buildNodesView(args: ListPaneArgs & { cache: ClusterCache }): NodesView {
  const { cache, ui, width, height, painter } = args;
  const text = ui.filters.nodes.toLowerCase();
  const all = cache.nodesSorted();
  const nodes = text ? all.filter((n) => (n.metadata.name ?? '').toLowerCase().includes(text)) : all;
  const keys = text ? nodes.map((n) => n.metadata.name ?? '') : cache.nodeNamesSorted();
  let selectedIndex = Math.max(0, Math.min(keys.length - 1, ui.cursor.nodes));
  if (ui.selected.nodes !== undefined && keys[selectedIndex] !== ui.selected.nodes) {
    const found = keys.indexOf(ui.selected.nodes);
    if (found >= 0) selectedIndex = found;
  }
  const page = Math.max(1, height - 2);
  const top = scrollWindow(selectedIndex, keys.length, page, args.previousTop);
  const rows = nodes.slice(top, top + page).map((n) => nodeLine(n, cache));
  // Two spaces, not kubectl's three: this is our own table, and it must fit 80 columns with the bars.
  const table = formatTable(COLUMNS, rows, width - 1, '  ');
  const notReady = cache.nodesNotReady();
  const filter = ui.filters.nodes ? `  /${escapeControl(ui.filters.nodes)}` : '';
  const lines = [paneTitle(painter, 'Nodes', `${nodes.length}${notReady ? `  (${notReady} not ready)` : ''}${filter}`, args.focused, width)];
  lines.push(painter.paint('dim', ' ' + table.header));
  table.rows.forEach((line, i) => {
    const selected = top + i === selectedIndex;
    const status = rows[i]!.status;
    let text = line;
    if (painter.color && !selected) {
      const at = line.indexOf(' ' + status) + 1;
      if (at > 0) text = line.slice(0, at) + painter.paint(nodeStatusStyle(status), status) + line.slice(at + status.length);
    }
    lines.push(selectableRow(painter, text, selected, args.focused));
  });
  return { lines: lines.slice(0, height), page, keys, selectedIndex, top };
}
