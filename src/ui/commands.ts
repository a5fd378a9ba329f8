// What each keymap command does: UI state changes go through the reducer; cluster changes go to the
// ClusterSource (delete, cordon, evict) or its capabilities (clock, node faults). Reads the latest state
// from the model, never from a render's closure.

import type { Command, Pane } from './keymap.js';
import { containerNames } from './model/log-follower.js';
import { messageOf, type DashboardModel } from './model/dashboard-model.js';
import { describeNodeText, describePodText, yamlOf } from './model/object-text.js';
import type { CursorMove } from './state/ui-state.js';
import { containerChoices } from './view/overlay-view.js';
import { nodeStatusColumn as nodeStatus } from '../kube/print/node-columns.js';

const MOVES: Partial<Record<Command, CursorMove>> = {
  'cursor.down': 'down',
  'cursor.up': 'up',
  'cursor.top': 'top',
  'cursor.bottom': 'bottom',
  'page.down': 'pagedown',
  'page.up': 'pageup',
};

const SPEEDS = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500];

function problemKeys(model: DashboardModel): string[] {
  return Array.from({ length: model.memory.counts.problems }, (_, i) => String(i));
}

function move(model: DashboardModel, pane: Pane, m: CursorMove): void {
  const { memory } = model;
  if (pane === 'logs') {
    model.dispatch({ type: 'logs.scroll', move: m, page: memory.page.logs, available: memory.counts.logs });
    return;
  }
  if (pane === 'pods') {
    const keys = model.cache.podKeys({ namespace: model.ui.namespace, node: model.ui.nodeFilter, text: model.ui.filters.pods });
    const current = model.selectedPod();
    const from = current ? keys.indexOf(`${current.metadata.namespace ?? ''}/${current.metadata.name ?? ''}`) : 0;
    model.dispatch({ type: 'cursor', pane, move: m, keys, from: Math.max(0, from), page: memory.page.pods });
    return;
  }
  if (pane === 'nodes') {
    const keys = model.nodeKeys();
    model.dispatch({ type: 'cursor', pane, move: m, keys, from: model.selectedNodeIndex(keys), page: memory.page.nodes });
    return;
  }
  const keys = problemKeys(model);
  model.dispatch({ type: 'cursor', pane, move: m, keys, from: Math.min(model.ui.cursor.problems, Math.max(0, keys.length - 1)), page: memory.page.problems });
}

export function runCommand(model: DashboardModel, command: Command): void {
  const pane = model.ui.focus;
  const m = MOVES[command];
  if (m) return move(model, pane, m);
  const pod = model.selectedPod();
  const podTarget = pod ? { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '' } : undefined;
  const podLabel = podTarget ? `pod/${podTarget.name}` : '';
  switch (command) {
    case 'pane.next':
      return model.dispatch({ type: 'focus.next' });
    case 'pane.prev':
      return model.dispatch({ type: 'focus.prev' });
    case 'drill':
      if (pane === 'nodes') {
        const node = model.selectedNodeName();
        if (node) model.dispatch({ type: 'node.drill', node });
        return;
      }
      if (pane === 'pods' && pod) return model.dispatch({ type: 'overlay.open', overlay: { kind: 'containers', cursor: 0 } });
      return;
    case 'back':
      return model.dispatch({ type: 'back' });
    case 'logs.show':
      return model.dispatch({ type: 'focus', pane: 'logs' });
    case 'logs.previous':
      model.dispatch({ type: 'logs.toggle', option: 'previous' });
      return model.dispatch({ type: 'focus', pane: 'logs' });
    case 'logs.follow':
      return model.dispatch({ type: 'logs.toggle', option: 'follow' });
    case 'logs.wrap':
      return model.dispatch({ type: 'logs.toggle', option: 'wrap' });
    case 'logs.timestamps':
      return model.dispatch({ type: 'logs.toggle', option: 'timestamps' });
    case 'logs.containers':
      if (pod) model.dispatch({ type: 'overlay.open', overlay: { kind: 'containers', cursor: 0 } });
      return;
    case 'namespace.all':
      return model.dispatch({ type: 'namespace.toggle' });
    case 'filter':
      return model.dispatch({ type: 'filter.start', pane });
    case 'describe':
      if (pane === 'nodes') {
        const node = model.cache.nodes.get(model.selectedNodeName() ?? '');
        if (node) model.dispatch({ type: 'overlay.open', overlay: { kind: 'describe', title: `Describe node/${node.metadata.name}`, text: describeNodeText(node, model.cache, model.source.now()), scroll: 0 } });
        return;
      }
      if (pod) model.dispatch({ type: 'overlay.open', overlay: { kind: 'describe', title: `Describe ${podLabel}`, text: describePodText(pod, model.cache, model.source.now()), scroll: 0 } });
      return;
    case 'yaml': {
      const obj = pane === 'nodes' ? model.cache.nodes.get(model.selectedNodeName() ?? '') : pod;
      if (obj) model.dispatch({ type: 'overlay.open', overlay: { kind: 'yaml', title: `${obj.kind.toLowerCase()}/${obj.metadata.name}`, text: yamlOf(obj), scroll: 0 } });
      return;
    }
    case 'shell': {
      if (!pod || !podTarget) return;
      const names = containerNames(pod).filter((c) => (pod.spec?.containers ?? []).some((x) => x.name === c));
      const wanted = model.ui.logs.container;
      const container = wanted && names.includes(wanted) ? wanted : (pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0]);
      if (!container) return;
      void model.openShell({ namespace: podTarget.namespace, pod: podTarget.name, container });
      return;
    }
    case 'pod.delete':
      if (podTarget) model.dispatch({ type: 'overlay.open', overlay: { kind: 'confirm', action: 'pod.delete', target: `${podTarget.namespace}/${podTarget.name}`, question: `Delete pod ${podTarget.namespace}/${podTarget.name}?` } });
      return;
    case 'pod.kill':
      if (podTarget) void act(model, `pod "${podTarget.name}" force deleted`, () => model.source.delete({ kind: 'Pod', apiVersion: 'v1', ...podTarget }, { gracePeriodSeconds: 0 }));
      return;
    case 'node.cordon':
    case 'node.uncordon': {
      const node = model.selectedNodeName();
      if (!node) return;
      const cordon = command === 'node.cordon';
      void act(model, `node/${node} ${cordon ? 'cordoned' : 'uncordoned'}`, () =>
        model.source.patch({ kind: 'Node', apiVersion: 'v1', name: node }, 'strategic', { spec: { unschedulable: cordon ? true : null } }),
      );
      return;
    }
    case 'node.drain': {
      const node = model.selectedNodeName();
      if (node) model.dispatch({ type: 'overlay.open', overlay: { kind: 'confirm', action: 'node.drain', target: node, question: `Drain node ${node} (cordon, then evict its Pods)?` } });
      return;
    }
    case 'node.fault': {
      const faults = model.source.capabilities.nodeFaults;
      const name = model.selectedNodeName();
      const node = name ? model.cache.nodes.get(name) : undefined;
      if (!faults || !name || !node) return;
      const ready = nodeStatus(node).startsWith('Ready');
      void act(model, ready ? `node/${name} stopped` : `node/${name} started`, () => (ready ? faults.stopNode(name) : faults.startNode(name)));
      return;
    }
    case 'clock.faster':
    case 'clock.slower': {
      const clock = model.source.capabilities.clock;
      if (!clock) return;
      const current = clock.speed();
      const next = command === 'clock.faster' ? SPEEDS.find((s) => s > current) : [...SPEEDS].reverse().find((s) => s < current);
      if (next !== undefined) clock.setSpeed(next);
      return model.dispatch({ type: 'message', text: `simulation speed ${clock.speed()}x` });
    }
    case 'clock.pause': {
      const clock = model.source.capabilities.clock;
      if (!clock) return;
      if (clock.paused()) clock.resume();
      else clock.pause();
      return model.dispatch({ type: 'message', text: clock.paused() ? 'simulation paused' : 'simulation resumed' });
    }
    case 'help':
      return model.dispatch({ type: 'overlay.open', overlay: { kind: 'help', scroll: 0 } });
    case 'quit':
      return model.dispatch({ type: 'quit' });
  }
}

/** Runs a confirmed action (the `y` of a confirmation). */
export function confirm(model: DashboardModel): void {
  const o = model.ui.overlay;
  if (o?.kind !== 'confirm') return;
  model.dispatch({ type: 'overlay.close' });
  if (o.action === 'pod.delete') {
    const [namespace, name] = o.target.split('/') as [string, string];
    void act(model, `pod "${name}" deleted`, () => model.source.delete({ kind: 'Pod', apiVersion: 'v1', namespace, name }));
  } else if (o.action === 'node.drain') {
    void act(model, `node/${o.target} drained`, () => drain(model, o.target));
  }
}

/** `kubectl drain --ignore-daemonsets`: cordon, then evict every Pod but DaemonSet and mirror Pods. */
async function drain(model: DashboardModel, node: string): Promise<void> {
  await model.source.patch({ kind: 'Node', apiVersion: 'v1', name: node }, 'strategic', { spec: { unschedulable: true } });
  const pods = model.cache.podsOn(node).filter((p) => {
    if (p.metadata.annotations?.['kubernetes.io/config.mirror']) return false;
    if ((p.metadata.ownerReferences ?? []).some((o) => o.kind === 'DaemonSet')) return false;
    return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
  });
  await Promise.all(pods.map((p) => model.source.evict({ kind: 'Pod', apiVersion: 'v1', namespace: p.metadata.namespace, name: p.metadata.name ?? '' })));
}

async function act(model: DashboardModel, done: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
    model.dispatch({ type: 'message', text: done });
  } catch (err) {
    model.dispatch({ type: 'message', text: `Error from server: ${messageOf(err)}`, error: true });
  }
}

/** Enter in the container picker: show that container's logs (or all). */
export function chooseContainer(model: DashboardModel): void {
  const o = model.ui.overlay;
  const pod = model.selectedPod();
  if (o?.kind !== 'containers' || !pod) return;
  const choice = containerChoices(pod)[o.cursor];
  model.dispatch({ type: 'overlay.close' });
  model.dispatch({ type: 'logs.container', container: choice?.name });
  model.dispatch({ type: 'focus', pane: 'logs' });
}
