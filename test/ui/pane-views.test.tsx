// Each pane and overlay as the view builders lay it out (the lines the Dashboard prints as they are), at an
// explicit width; and the wide layout of the real Dashboard on a 160×50 terminal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import React from 'react';
import { render as inkRender } from 'ink';
import { Dashboard } from '../../src/ui/components/Dashboard.js';
import { DashboardModel } from '../../src/ui/model/dashboard-model.js';
import { ClusterCache } from '../../src/ui/model/cluster-cache.js';
import { LogFollower } from '../../src/ui/model/log-follower.js';
import { activeKeymap } from '../../src/ui/keymap.js';
import { initialUiState } from '../../src/ui/state/ui-state.js';
import { plainPainter } from '../../src/ui/view/paint.js';
import { buildNodesView } from '../../src/ui/view/nodes-view.js';
import { buildPodsView } from '../../src/ui/view/pods-view.js';
import { buildLogsView } from '../../src/ui/view/logs-view.js';
import { buildProblemsView } from '../../src/ui/view/problems-view.js';
import { headerLines } from '../../src/ui/view/header-view.js';
import { hintLine } from '../../src/ui/view/hint-view.js';
import { containerPickerLines, helpText, textOverlayLines } from '../../src/ui/view/overlay-view.js';
import { makePod, smallCluster, simpleEcho } from './fake-cluster.js';
import { waitFor } from './wait-for.js';

const painter = plainPainter;

/** The lines as a screen shows them: one row each, trailing blanks trimmed. */
const screenOf = (lines: readonly string[]) => lines.map((l) => l.trimEnd()).join('\n');

function cacheOf() {
  const c = smallCluster();
  const cache = new ClusterCache(c);
  cache.start();
  return { c, cache };
}

test('the Nodes pane: one row per node with STATUS, ROLES, PODS and the usage bars', () => {
  const { cache } = cacheOf();
  const v = buildNodesView({ cache, ui: initialUiState(), width: 80, height: 6, painter, previousTop: 0, focused: true });
  assert.ok(v.lines.length <= 6);
  const f = screenOf(v.lines);
  assert.match(f, /▶ Nodes\s+3/);
  assert.match(f, /NAME\s+STATUS\s+ROLES\s+PODS\s+CPU\s+MEMORY/);
  assert.match(f, /kubesim-worker\s+Ready\s+<none>\s+1\/110\s+░░░░░░\s+0%/);
});

test("a node's row follows its Pods and its own changes between frames, even when the Node object is changed in place", () => {
  const { c, cache } = cacheOf();
  const ui = { ...initialUiState(), filters: { ...initialUiState().filters, nodes: 'worker' } };
  const row = () => buildNodesView({ cache, ui, width: 80, height: 4, painter, previousTop: 0, focused: false }).lines[2]!;
  assert.match(row(), /kubesim-worker\s+Ready\s+<none>\s+1\/110/);
  c.put(makePod('second', { node: 'kubesim-worker', containers: [{ name: 'app', running: true, ready: true, cpu: '2', memory: '1Gi' }] }));
  assert.match(row(), /kubesim-worker\s+Ready\s+<none>\s+2\/110\s+███░░░\s+50%/);
  const node = cache.nodes.get('kubesim-worker')!;
  node.spec = { ...node.spec, unschedulable: true };
  c.put(node);
  assert.match(row(), /kubesim-worker\s+Ready,SchedulingDisabled/);
});

test('the Pods pane: kubectl columns, the selection marker and the explanation line', () => {
  const { cache } = cacheOf();
  const v = buildPodsView({ cache, ui: initialUiState(), width: 100, height: 8, painter, now: Date.UTC(2026, 0, 1, 12), previousTop: 0, focused: true });
  assert.ok(v.lines.length <= 8);
  const f = screenOf(v.lines);
  assert.match(f, /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
  assert.match(f, />simple-echo\s+2\/2\s+Running\s+0\s+60s\s+10\.244\.1\.2\s+kubesim-worker/);
  assert.match(f, /Running on kubesim-worker, all 2 containers ready/);
});

test('the Logs pane: the lines of all containers, each prefixed with its container', async () => {
  const { c } = cacheOf();
  c.log('default', 'simple-echo', 'echo', 'first');
  c.log('default', 'simple-echo', 'nginx', 'second');
  const follower = new LogFollower(c, () => {});
  follower.sync(simpleEcho(), false);
  await waitFor(() => follower.ring.size === 2, 'two lines');
  const v = buildLogsView({ follower, ui: initialUiState(), podLabel: 'default/simple-echo', containers: ['nginx', 'echo'], width: 80, height: 4, painter, focused: false });
  assert.ok(v.lines.length <= 4);
  const f = screenOf(v.lines);
  assert.match(f, /Logs\s+default\/simple-echo\s+all containers · follow\n/);
  assert.match(f, /^\[echo\] first$/m);
  assert.match(f, /^\[nginx\] second$/m);
  follower.stopAll();
});

test('the Problems pane: errors, warnings and outcomes with their marks', () => {
  const items = [
    { severity: 'error' as const, text: 'demo/bad.yaml:9:5 strict decoding error: unknown field "spec.containers[0].imagee"', at: 0 },
    { severity: 'warning' as const, text: 'default/crash BackOff: Back-off restarting failed container', at: 0 },
    { severity: 'info' as const, text: '12:00:01 pod/simple-echo created  demo/simple-pod.yaml', at: 0 },
  ];
  const v = buildProblemsView({ items, ui: initialUiState(), width: 100, height: 4, painter, previousTop: 0, focused: false });
  assert.ok(v.lines.length <= 4);
  const f = screenOf(v.lines);
  assert.match(f, /Problems\s+1 error, 1 warning/);
  assert.match(f, /✗ demo\/bad\.yaml:9:5 strict decoding error/);
  assert.match(f, /! default\/crash BackOff/);
  assert.match(f, /✓ 12:00:01 pod\/simple-echo created/);
});

test('the header and the hint bar: API address with the KUBECONFIG hint; hints fit the width and keep help and quit', () => {
  const lines = headerLines({ cluster: 'kubesim', nodes: 3, notReadyNodes: 0, pods: 12, folder: 'demo-manifests', speed: 50, apiUrl: 'https://127.0.0.1:6443', kubeconfigPath: '/tmp/kubesim/kubeconfig', namespace: 'default' }, 100, painter);
  const hint = hintLine(activeKeymap({}), initialUiState(), 60, painter);
  const f = screenOf([...lines, hint]);
  assert.match(f, /kubesim\s+nodes 3\s+pods 12\s+folder demo-manifests\s+speed 50x\s+ns default/);
  assert.match(f, /API https:\/\/127\.0\.0\.1:6443\s+export KUBECONFIG=\/tmp\/kubesim\/kubeconfig/);
  assert.ok(hint.length <= 60);
  assert.match(hint, /\? help\s+q quit$/);
});

test('the overlays: describe text scrolls, help comes from the keymap, the container picker lists every container', () => {
  const text = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
  const scrolled = textOverlayLines('Describe pod/x', text, 30, 80, 10, painter);
  assert.match(screenOf(scrolled), /Describe pod\/x\s+31-39 of 40/);
  assert.match(screenOf(scrolled), /line 31\n/);
  assert.match(screenOf(textOverlayLines('Help', helpText(activeKeymap({}), false), 0, 80, 10, painter)), /tab\s+next pane/);
  assert.match(screenOf(containerPickerLines(simpleEcho(), 2, 80, 10, painter)), /all containers\n nginx .*\n>echo\s+ready\s+running\s+restarts 0/);
});

test('at 160×50 the logs and problems sit to the right of the nodes and Pods', async () => {
  const stdout = Object.assign(new EventEmitter(), { columns: 160, rows: 50, isTTY: false, frames: [] as string[], write(s: string) { this.frames.push(s); return true; } });
  const stdin = Object.assign(new EventEmitter(), { isTTY: true, setRawMode() {}, setEncoding() {}, resume() {}, pause() {}, ref() {}, unref() {}, read: () => null });
  const c = smallCluster();
  c.log('default', 'simple-echo', 'echo', 'start server');
  const model = new DashboardModel(c, undefined, { tick: false }, painter);
  model.size = { cols: 160, rows: 50 };
  const ink = inkRender(<Dashboard model={model} />, { stdout: stdout as never, stdin: stdin as never, debug: true, patchConsole: false, exitOnCtrlC: false });
  model.start();
  try {
    const frame = await waitFor(() => stdout.frames.at(-1)?.includes('start server') && stdout.frames.at(-1), 'a frame with logs');
    const lines = frame.split('\n');
    assert.ok(lines.length <= 49, `${lines.length} lines`);
    const nodesLine = lines.find((l) => l.includes('▶ Pods') || l.includes('Nodes'))!;
    assert.match(nodesLine, /Nodes.*Logs/, 'Nodes and Logs titles on the same line');
    assert.ok(lines.some((l) => /simple-echo\s+2\/2\s+Running/.test(l) && l.includes('[echo] start server') === false));
    assert.ok(lines.some((l) => /Problems/.test(l)));
  } finally {
    ink.unmount();
    model.stop();
  }
});
