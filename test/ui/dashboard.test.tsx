import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, openDashboard } from './dashboard-harness.js';
import { FakeCluster, makeEvent, makePod, simpleEcho, smallCluster } from './fake-cluster.js';
import type { ReconcileStatus, ManifestProblem, ReconcileEvent } from '../../src/kube/reconcile-status.js';

function fakeStatus(problems: ManifestProblem[] = []): ReconcileStatus & { emit(e: ReconcileEvent): void; problemsList: ManifestProblem[] } {
  const listeners = new Set<(e: ReconcileEvent) => void>();
  const s = {
    dir: 'demo-manifests',
    problemsList: problems,
    files: () => [],
    problems: () => s.problemsList,
    subscribe: (l: (e: ReconcileEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: (e: ReconcileEvent) => listeners.forEach((l) => l(e)),
  };
  return s;
}

test('at 80×24 the dashboard shows the header, nodes, the book Pod 2/2 Running, logs, problems and the hint bar, within rows − 1', async () => {
  const d = openDashboard(smallCluster(), { cols: 80, rows: 24, status: fakeStatus() });
  try {
    const f = await d.waitFor('simple-echo');
    assert.match(f, /kind-kubesim\s+nodes 3\s+pods 2\s+folder demo-manifests\s+ns default/);
    assert.match(f, /kubesim-control-plane\s+Ready\s+control-plane\s+1\/110/);
    assert.match(f, /simple-echo\s+2\/2\s+Running\s+0\s+60s\s+10\.244\.1\.2\s+kubesim-worker/);
    assert.doesNotMatch(f, /etcd-kubesim-control-plane/, 'kube-system is not in the default namespace view');
    assert.match(f, /Logs\s+default\/simple-echo/);
    assert.match(f, /Problems\s+none/);
    assert.match(f, /\? help\s+q quit/);
    const lines = f.split('\n');
    assert.ok(lines.length <= 23, `frame is ${lines.length} lines`);
    assert.ok(lines.every((l) => l.length <= 80), 'no line wider than the terminal');
  } finally {
    d.close();
  }
});

test('0 shows every namespace with a NAMESPACE column, and back', async () => {
  const d = openDashboard(smallCluster(), { cols: 100, rows: 30 });
  try {
    await d.waitFor('simple-echo');
    await d.press('0');
    const f = await d.waitFor('etcd-kubesim-control-plane');
    assert.match(f, /NAMESPACE\s+NAME\s+READY\s+STATUS/);
    assert.match(f, /ns all/);
    await d.press('0');
    await d.waitFor((x) => !x.includes('etcd-kubesim-control-plane'), 'back to default');
  } finally {
    d.close();
  }
});

test('j/k move the selection and the explanation line follows the selected Pod', async () => {
  const c = smallCluster();
  c.put(makePod('pending-pod', { phase: 'Pending', scheduledFalse: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' }));
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('pending-pod');
    await d.press('j');
    const f = await d.waitFor('>simple-echo');
    assert.match(f, /Running on kubesim-worker, all 2 containers ready/);
    await d.press('k');
    const g = await d.waitFor('>pending-pod');
    assert.match(g, /Pending: 0\/3 nodes are available: 3 Insufficient cpu/);
  } finally {
    d.close();
  }
});

test('a CrashLoopBackOff Pod explains its back-off countdown and last exit code', async () => {
  const c = new FakeCluster();
  c.put(
    makePod('crash', {
      node: 'w',
      containers: [{ name: 'app', waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=crash_default(uid)' }, restarts: 3, lastExit: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T11:59:50Z' } }],
    }),
  );
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    const f = await d.waitFor('CrashLoopBackOff');
    assert.match(f, /app: CrashLoopBackOff, restarting in 30s \(back-off 40s\), last exit code 1 \(Error\)/);
  } finally {
    d.close();
  }
});

test('an unpullable image shows the pull error; a not-ready Pod the failing probe', async () => {
  const c = new FakeCluster();
  c.put(makePod('pull', { phase: 'Pending', node: 'w', containers: [{ name: 'app', waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "gihyodocker/ecoh:latest"' } }] }));
  c.put(makePod('probe', { node: 'w', containers: [{ name: 'web', running: true, ready: false }] }));
  c.put(makeEvent('probe.1', { kind: 'Pod', namespace: 'default', name: 'probe' }, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503'));
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('probe');
    await d.press('j');
    const f = await d.waitFor('>pull');
    assert.match(f, /app: ImagePullBackOff: Back-off pulling image "gihyodocker\/ecoh:latest"/);
    await d.press('k');
    const g = await d.waitFor('>probe');
    assert.match(g, /not ready: Readiness probe failed: HTTP probe failed with statuscode: 503/);
    assert.match(g, /default\/probe Unhealthy: Readiness probe failed/, 'the warning is in the problems pane');
  } finally {
    d.close();
  }
});

test('logs of the selected Pod stream live, all containers prefixed, and a container can be picked', async () => {
  const c = smallCluster();
  c.log('default', 'simple-echo', 'echo', '2026/01/01 12:00:00 start server', 'stderr');
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('[echo] 2026/01/01 12:00:00 start server');
    c.log('default', 'simple-echo', 'nginx', '10.244.1.1 - - "GET / HTTP/1.1" 200');
    await d.waitFor('[nginx] 10.244.1.1');
    await d.press('l');
    await d.waitFor(/▶ Logs/);
    await d.press('c');
    const picker = await d.waitFor('Containers');
    assert.match(picker, /all containers/);
    assert.match(picker, /nginx\s+ready\s+running\s+restarts 0/);
    await d.press('j', 'j', 'j', KEYS.enter);
    const f = await d.waitFor((x) => x.includes('Logs  default/simple-echo  echo'), 'echo only');
    assert.match(f, /2026\/01\/01 12:00:00 start server/);
    assert.doesNotMatch(f, /\[echo\]/);
    assert.doesNotMatch(f, /GET \/ HTTP/);
  } finally {
    d.close();
  }
});

test('logs pane: timestamps, wrap, filter with a count of matches, follow off when scrolled', async () => {
  const c = smallCluster();
  for (let i = 0; i < 50; i++) c.log('default', 'simple-echo', 'echo', `line ${i} ${'x'.repeat(i === 49 ? 150 : 5)}`);
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('line 49');
    await d.press('l', 't');
    await d.waitFor(/2026-01-01T12:00:00\.000Z line 49/);
    await d.press('w');
    await d.waitFor(/· wrap/);
    await d.press('/', 'l', 'i', 'n', 'e', ' ', '7', KEYS.enter);
    const f = await d.waitFor('/line 7');
    assert.match(f, /line 7 x/);
    assert.doesNotMatch(f, /line 8 x/);
    await d.press(KEYS.esc);
    await d.waitFor('line 48');
    await d.press('k', 'k');
    await d.waitFor('scrolled 2');
    await d.press('s');
    await d.waitFor(/· follow/);
  } finally {
    d.close();
  }
});

test('a container waiting to start shows the API message in the logs pane', async () => {
  const c = new FakeCluster();
  c.put(makePod('new', { phase: 'Pending', node: 'w', containers: [{ name: 'app', waiting: { reason: 'ContainerCreating' } }] }));
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('container "app" in pod "new" is waiting to start: ContainerCreating');
  } finally {
    d.close();
  }
});

test('a log line with escape sequences is shown escaped', async () => {
  const c = smallCluster();
  c.log('default', 'simple-echo', 'echo', 'evil \u001b[2J\u001b]0;title\u0007 done');
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    const f = await d.waitFor('evil');
    assert.ok(f.includes('evil \\x1b[2J\\x1b]0;title\\x07 done'));
    assert.ok(!f.includes('\u001b[2J'));
  } finally {
    d.close();
  }
});

test('manifest errors with file:line:col stay in the problems pane until resolved; apply outcomes are listed', async () => {
  const status = fakeStatus();
  const d = openDashboard(smallCluster(), { cols: 100, rows: 30, status });
  try {
    await d.waitFor('simple-echo');
    status.problemsList = [{ file: 'demo-manifests/bad.yaml', line: 9, col: 5, message: 'strict decoding error: unknown field "spec.containers[0].imagee"', since: 0 }];
    status.emit({ type: 'problem', problem: status.problemsList[0]! });
    await d.waitFor('✗ demo-manifests/bad.yaml:9:5 strict decoding error: unknown field "spec.containers[0].imagee"');
    status.emit({ type: 'object', status: { ref: { kind: 'Pod', name: 'simple-echo', namespace: 'default' }, file: 'demo-manifests/simple-pod.yaml', documentIndex: 0, outcome: 'configured', at: Date.now() } });
    const f = await d.waitFor('pod/simple-echo configured');
    assert.match(f, /bad\.yaml:9:5/, 'the error is still there');
    status.problemsList = [];
    status.emit({ type: 'resolved', file: 'demo-manifests/bad.yaml' });
    await d.waitFor((x) => !x.includes('bad.yaml:9:5'), 'error gone once fixed');
  } finally {
    d.close();
  }
});

test('the dashboard follows cluster changes: a Pod added, changed and deleted', async () => {
  const c = smallCluster();
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('simple-echo');
    c.put(makePod('web', { phase: 'Pending', node: 'kubesim-worker2', containers: [{ name: 'web', waiting: { reason: 'ContainerCreating' } }] }));
    await d.waitFor(/web\s+0\/1\s+ContainerCreating/);
    c.put(makePod('web', { node: 'kubesim-worker2', ip: '10.244.2.5', containers: [{ name: 'web', running: true, ready: true }] }));
    await d.waitFor(/web\s+1\/1\s+Running/);
    c.remove('Pod', 'default', 'web');
    await d.waitFor((f) => !/\bweb\s+1\/1/.test(f), 'web gone');
  } finally {
    d.close();
  }
});

test('ctrl-d asks before deleting; y deletes, anything else cancels; ctrl-k kills with grace 0', async () => {
  const c = smallCluster();
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('simple-echo');
    await d.press(KEYS.ctrlD);
    await d.waitFor('Delete pod default/simple-echo? (y/N)');
    await d.press('n');
    await d.waitFor('cancelled');
    assert.equal(c.deleted.length, 0);
    await d.press(KEYS.ctrlD, 'y');
    await d.waitFor('pod "simple-echo" deleted');
    assert.deepEqual(c.deleted[0]!.ref, { kind: 'Pod', apiVersion: 'v1', namespace: 'default', name: 'simple-echo' });
    c.put(simpleEcho());
    await d.waitFor('>simple-echo');
    await d.press(KEYS.ctrlK);
    await d.waitFor('force deleted');
    assert.equal(c.deleted[1]!.options?.gracePeriodSeconds, 0);
  } finally {
    d.close();
  }
});

test('--readonly: ctrl-d, ctrl-k and the shell do nothing and are not advertised', async () => {
  const c = smallCluster();
  const d = openDashboard(c, { cols: 100, rows: 30, options: { readonly: true } });
  try {
    const f = await d.waitFor('simple-echo');
    assert.doesNotMatch(f, /delete/);
    await d.press(KEYS.ctrlD, KEYS.ctrlK, 's');
    await d.press('?');
    await d.waitFor('Help');
    await d.press('G');
    const help = await d.waitFor('read-only');
    assert.doesNotMatch(help, /delete the Pod/);
    assert.equal(c.deleted.length, 0);
    assert.equal(c.execs, 0);
  } finally {
    d.close();
  }
});

test('nodes pane: cordon, uncordon, drain (asks), Enter drills into the node’s Pods', async () => {
  const c = smallCluster();
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('simple-echo');
    await d.press(KEYS.shiftTab);
    await d.waitFor(/▶ Nodes/);
    await d.press('j', 'c');
    await d.waitFor(/kubesim-worker\s+Ready,SchedulingDisabled/);
    await d.press('u');
    await d.waitFor('node/kubesim-worker uncordoned');
    await d.press('r');
    await d.waitFor('Drain node kubesim-worker');
    await d.press('y');
    await d.waitFor('node/kubesim-worker drained');
    assert.deepEqual(c.evicted.map((r) => r.name), ['simple-echo']);
    await d.press(KEYS.enter);
    const f = await d.waitFor('node kubesim-worker');
    assert.match(f, /▶ Pods\s+node kubesim-worker\s+1 of 2/);
    assert.doesNotMatch(f, /etcd/);
  } finally {
    d.close();
  }
});

test('simulation controls appear only with the capabilities: x stops a node, + speeds the clock', async () => {
  const c = smallCluster();
  const calls: string[] = [];
  let speed = 50;
  c.capabilities = {
    clock: { speed: () => speed, setSpeed: (s) => (speed = s), paused: () => false, pause: () => {}, resume: () => {}, step: () => {} },
    nodeFaults: { stopNode: async (n) => void calls.push(`stop ${n}`), startNode: async (n) => void calls.push(`start ${n}`) },
  };
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('speed 50x');
    await d.press('+');
    await d.waitFor('speed 100x');
    await d.press(KEYS.shiftTab, 'j', 'x');
    await d.waitFor('node/kubesim-worker stopped');
    assert.deepEqual(calls, ['stop kubesim-worker']);
  } finally {
    d.close();
  }
  const plain = openDashboard(smallCluster(), { cols: 100, rows: 30 });
  try {
    const f = await plain.waitFor('simple-echo');
    assert.doesNotMatch(f, /speed/);
  } finally {
    plain.close();
  }
});

test('describe, YAML (managedFields hidden) and help overlays open and close with Esc', async () => {
  const c = smallCluster();
  const pod = simpleEcho();
  pod.metadata.managedFields = [{ manager: 'kubectl', operation: 'Update' }];
  c.put(pod);
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('simple-echo');
    await d.press('d');
    const desc = await d.waitFor('Describe pod/simple-echo');
    assert.match(desc, /Name:\s+simple-echo/);
    assert.match(desc, /Namespace:\s+default/);
    await d.press(KEYS.esc);
    await d.waitFor(/▶ Pods/);
    await d.press('y');
    const yaml = await d.waitFor('pod/simple-echo');
    assert.match(yaml, /apiVersion: v1/);
    assert.match(yaml, /kind: Pod/);
    assert.doesNotMatch(yaml, /managedFields/);
    await d.press('q');
    await d.waitFor(/▶ Pods/);
    await d.press('?');
    const help = await d.waitFor('Help');
    assert.match(help, /ctrl-d\s+delete the Pod/);
    await d.press(KEYS.esc);
    await d.waitFor(/▶ Pods/);
  } finally {
    d.close();
  }
});

test('the shell overlay runs sh in the container, forwards typing, and exit returns to the dashboard', async () => {
  const c = smallCluster();
  const d = openDashboard(c, { cols: 100, rows: 30 });
  try {
    await d.waitFor('simple-echo');
    await d.press('s');
    await d.waitFor('/ # ');
    assert.match(d.frame(), /Shell\s+default\/simple-echo \[nginx\]/);
    await d.press(...'wget -qO- localhost:8080', KEYS.enter);
    await d.waitFor('Hello Docker!!');
    await d.press('q'); // typed into the shell, not a quit
    await d.press(KEYS.backspace, ...'exit', KEYS.enter);
    await d.waitFor('shell in simple-echo/nginx exited');
    assert.equal(d.model.ui.quitting, false);
  } finally {
    d.close();
  }
});

test('q quits', async () => {
  const d = openDashboard(smallCluster(), { cols: 80, rows: 24 });
  let quit = false;
  d.model.onQuit(() => (quit = true));
  try {
    await d.waitFor('simple-echo');
    await d.press('q');
    assert.equal(quit, true);
  } finally {
    d.close();
  }
});
