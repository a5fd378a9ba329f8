// One frame's content, as plain lines per region: the only place the model meets the pane builders.
// React components just print these lines, one <Text> each.

import type { DashboardModel } from '../model/dashboard-model.js';
import { containerNames } from '../model/log-follower.js';
import { headerLines } from './header-view.js';
import { hintLine } from './hint-view.js';
import { computeLayout, type Layout } from './layout.js';
import { buildLogsView } from './logs-view.js';
import { buildNodesView } from './nodes-view.js';
import { containerPickerLines, helpText, textLineCount, textOverlayLines } from './overlay-view.js';
import { paneTitle } from './pane-title.js';
import { buildPodsView } from './pods-view.js';
import { buildProblemsView } from './problems-view.js';

export interface Screen {
  layout: Layout;
  header: string[];
  nodes: string[];
  pods: string[];
  logs: string[];
  problems: string[];
  /** When set, replaces the four panes. */
  overlay?: string[];
  hint: string;
}

export function buildScreen(model: DashboardModel): Screen {
  const { cache, ui, painter, memory } = model;
  const { cols, rows } = model.size;
  const now = model.source.now();
  const clock = model.source.capabilities.clock;
  const nodes = cache.nodesSorted();
  const header = headerLines(
    {
      cluster: model.source.name,
      nodes: nodes.length,
      notReadyNodes: cache.nodesNotReady(),
      pods: cache.pods.size,
      folder: model.status?.dir,
      speed: clock?.speed(),
      paused: clock?.paused(),
      apiUrl: model.options.apiUrl,
      kubeconfigPath: model.options.kubeconfigPath,
      namespace: ui.namespace,
      nodeFilter: ui.nodeFilter,
      readonly: model.options.readonly,
    },
    cols,
    painter,
  );
  const problemItems = model.problems.items(cache, ui.namespace);
  const podsInView = cache.podKeys({ namespace: ui.namespace, node: ui.nodeFilter, text: ui.filters.pods }).length;
  const layout = computeLayout(cols, rows, { nodes: nodes.length, problems: problemItems.length, headerHeight: header.length, pods: Math.max(podsInView, 5) });
  memory.bodyHeight = layout.body.height;
  const hint = hintLine(model.keymap, ui, cols, painter);

  const overlay = ui.overlay;
  if (overlay && overlay.kind !== 'confirm') {
    const h = layout.body.height;
    let lines: string[];
    if (overlay.kind === 'describe' || overlay.kind === 'yaml') {
      lines = textOverlayLines(overlay.title, overlay.text, overlay.scroll, cols, h, painter);
      memory.overlayLines = textLineCount(overlay.text, cols);
    } else if (overlay.kind === 'help') {
      const text = helpText(model.keymap, model.options.readonly ?? false);
      lines = textOverlayLines('Help', text, overlay.scroll, cols, h, painter);
      memory.overlayLines = textLineCount(text, cols);
    } else if (overlay.kind === 'containers') {
      const pod = model.selectedPod();
      lines = containerPickerLines(pod, overlay.cursor, cols, h, painter);
      memory.overlayLines = pod ? containerNames(pod).length + 1 : 0;
    } else {
      const shell = overlay as { namespace: string; pod: string; container: string };
      const title = paneTitle(painter, 'Shell', `${shell.namespace}/${shell.pod} [${shell.container}]  exit or ctrl-d leaves`, true, cols);
      const term = model.shell?.screen.view(h - 1, cols, (ch) => (painter.color ? painter.paint('selected', ch) : '█')) ?? [];
      lines = [title, ...term];
    }
    memory.page.pods = Math.max(1, h - 1);
    return { layout, header, nodes: [], pods: [], logs: [], problems: [], overlay: lines.slice(0, h), hint };
  }

  const focus = ui.focus;
  const nodesView = buildNodesView({ cache, ui, width: layout.nodes.width, height: layout.nodes.height, painter, previousTop: memory.top.nodes, focused: focus === 'nodes' });
  const podsView = buildPodsView({ cache, ui, width: layout.pods.width, height: layout.pods.height, painter, now, previousTop: memory.top.pods, focused: focus === 'pods' });
  const pod = podsView.keys.length ? cache.pods.get(podsView.keys[podsView.selectedIndex]!) : undefined;
  const logsView = buildLogsView({
    follower: model.logs,
    ui,
    podLabel: pod ? `${pod.metadata.namespace}/${pod.metadata.name}` : undefined,
    containers: pod ? containerNames(pod) : [],
    width: layout.logs.width,
    height: layout.logs.height,
    painter,
    focused: focus === 'logs',
  });
  const problemsView = buildProblemsView({ items: problemItems, ui, width: layout.problems.width, height: layout.problems.height, painter, previousTop: memory.top.problems, focused: focus === 'problems' });

  memory.top.nodes = nodesView.top;
  memory.top.pods = podsView.top;
  memory.top.problems = problemsView.top;
  memory.page = { nodes: nodesView.page, pods: podsView.page, logs: logsView.page, problems: problemsView.page };
  memory.keys = { nodes: nodesView.keys, pods: podsView.keys };
  memory.index = { nodes: nodesView.selectedIndex, pods: podsView.selectedIndex, problems: problemsView.selectedIndex };
  memory.counts = { problems: problemsView.count, logs: logsView.available };

  return {
    layout,
    header,
    nodes: nodesView.lines,
    pods: podsView.lines,
    logs: logsView.lines,
    problems: problemsView.lines,
    hint,
  };
}
