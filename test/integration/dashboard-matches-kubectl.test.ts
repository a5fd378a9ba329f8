// The dashboard and the real kubectl side by side on one simulated cluster: the book's Pod, a crash-looping
// one and an unschedulable one, applied with kubectl, brought to a settled state on a VirtualClock and then
// frozen. kubectl reads through the API server, the dashboard (ink-testing-library, 200×50) reads the same
// source in-process: at the same `now`, the values must be the same.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import { Kubectl, requireKubectl } from '../api/kubectl-harness.js';
import { openDashboard, KEYS } from '../ui/dashboard-harness.js';
import { waitFor } from '../ui/wait-for.js';
import { readTable, type TableRow } from './fixed-width-table.js';
import { POD_COLUMNS, podsPaneRows, readOverlay, selectPod, type Dashboard } from './dashboard-screen.js';
import { beforeEvents, cutLines, describeEvents, restoreCut, stableDescribeLines } from './describe-text.js';
import { startFrozenCluster, type FrozenCluster } from './frozen-cluster.js';

const demo = (file: string) => join(resolve(import.meta.dirname, '..', '..', 'demo-manifests'), file);
const PODS = ['crash-loop', 'needs-ssd', 'simple-echo'];

let frozen: FrozenCluster;
let kubectl: Kubectl;
let dashboard: Dashboard;
/** kubectl's output and the dashboard's screens, all read once the clock has stopped. */
let wide: string;
let wideAll: string;
let nodes: string;
const described = new Map<string, string>();
const overlays = new Map<string, string>();

async function ok(args: string[]): Promise<string> {
  const r = await kubectl.run(args);
  assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/** Both containers ready, the crash loop backing off after two restarts, the other Pod unschedulable. */
async function settled(): Promise<boolean> {
  const [crash, pending, echo] = await Promise.all(PODS.map((name) => frozen.pod(name)));
  const crashed = crash!.status?.containerStatuses?.[0];
  return (
    echo!.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true &&
    crashed?.state?.waiting?.reason === 'CrashLoopBackOff' &&
    crashed.restartCount >= 2 &&
    pending!.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False') === true
  );
}

/** `d` on the Pod, the overlay read page by page, Esc. */
async function dashboardDescribe(name: string): Promise<string> {
  await selectPod(dashboard, name);
  await dashboard.press('d');
  try {
    return await readOverlay(dashboard, `Describe pod/${name}`);
  } finally {
    await dashboard.press(KEYS.esc);
    await dashboard.waitFor((f) => !f.includes(`Describe pod/${name}`), 'the overlay closed');
  }
}

before(async () => {
  requireKubectl();
  frozen = await startFrozenCluster();
  kubectl = new Kubectl(frozen.server.url);
  dashboard = openDashboard(frozen.cluster, { cols: 200, rows: 50 });
  const applied = await ok(['apply', '-f', demo('simple-pod.yaml'), '-f', demo('crash-loop.yaml'), '-f', demo('unschedulable.yaml')]);
  assert.equal(applied, 'pod/simple-echo created\npod/crash-loop created\npod/needs-ssd created\n');
  await frozen.advanceUntil('the three Pods settling', settled);
  // Nothing advances the clock from here on.
  wide = await ok(['get', 'pods', '-o', 'wide']);
  wideAll = await ok(['get', 'pods', '-A', '-o', 'wide']);
  nodes = await ok(['get', 'nodes']);
  // One kubectl for the three; kubectl separates them with blank lines.
  const all = await ok(['describe', 'pod', ...PODS]);
  for (const part of all.split(/^(?=Name:)/m)) described.set(/^Name:\s+(\S+)/.exec(part)![1]!, part.replace(/\n+$/, '\n'));
  for (const name of PODS) overlays.set(name, await dashboardDescribe(name));
});

after(async () => {
  dashboard?.close();
  kubectl?.close();
  await frozen?.close();
});

function byName(rows: TableRow[], columns: readonly string[] = POD_COLUMNS): TableRow[] {
  const key = (r: TableRow) => `${r['NAMESPACE'] ?? ''}/${r['NAME']}`;
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]!]))).sort((a, b) => key(a).localeCompare(key(b)));
}

const kubectlRows = () => byName(readTable(wide.split('\n'), [...POD_COLUMNS, 'NOMINATED NODE', 'READINESS GATES']));

/** Polls until `read()` equals `expected` (the dashboard renders through a throttle), then asserts it. */
async function assertEventuallyEqual<T>(read: () => T, expected: T, what: string): Promise<void> {
  let shown: T | undefined;
  let failure: unknown;
  await waitFor(() => {
    try {
      shown = read();
    } catch (e) {
      failure = e;
      return false;
    }
    return isDeepStrictEqual(shown, expected);
  }, what).catch(() => undefined);
  if (shown === undefined && failure) throw failure;
  assert.deepEqual(shown, expected, what);
}

/** What a part of the overlay and of kubectl's text say, with the items the screen's width cut restored. */
function side(name: string, part: (text: string) => string[]): { shown: string[]; kubectl: string[] } {
  const kubectlPart = part(described.get(name)!).map((l) => l.trimEnd());
  return { shown: restoreCut(part(overlays.get(name)!), kubectlPart), kubectl: kubectlPart };
}

test('kubectl get pods -o wide lists the three Pods in the states the test waited for', () => {
  const [crash, pending, echo] = kubectlRows();
  assert.deepEqual([crash, pending, echo].map((r) => r!['NAME']), PODS);
  assert.match(`${crash!['READY']} ${crash!['STATUS']} ${crash!['RESTARTS']}`, /^0\/1 CrashLoopBackOff [2-9] \(\d+s ago\)$/);
  assert.equal(`${pending!['READY']} ${pending!['STATUS']} ${pending!['IP']} ${pending!['NODE']}`, '0/1 Pending <none> <none>');
  assert.match(`${echo!['READY']} ${echo!['STATUS']} ${echo!['IP']}`, /^2\/2 Running 10\.244\.\d+\.\d+$/);
});

test("the dashboard's Pods rows carry the same NAME, READY, STATUS, RESTARTS, AGE, IP and NODE as kubectl get pods -o wide", async () => {
  await assertEventuallyEqual(() => byName(podsPaneRows(dashboard.frame())), kubectlRows(), 'Pods pane rows beside kubectl get pods -o wide');
});

test('with all namespaces (`0`), the Pods rows carry the same values as kubectl get pods -A -o wide, system Pods included', async () => {
  await dashboard.press('0');
  try {
    // The pane is half the screen: with NAMESPACE and kube-system's long names it drops NODE and IP (the
    // columns it gives up first) rather than cut values; the columns it shows must agree.
    const header = await dashboard.waitFor(/^ NAMESPACE\s+NAME\s+READY\s/m, 'the NAMESPACE column');
    const headerLine = header.split('\n').find((l) => l.startsWith(' NAMESPACE'))!;
    const columns = ['NAMESPACE', ...POD_COLUMNS].filter((c) => new RegExp(`(^| )${c}( |$)`).test(headerLine));
    assert.deepEqual(columns.slice(0, 6), ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], headerLine);
    const all = readTable(wideAll.split('\n'), ['NAMESPACE', ...POD_COLUMNS, 'NOMINATED NODE', 'READINESS GATES']);
    assert.ok(all.some((r) => r['NAMESPACE'] === 'kube-system'));
    const expected = byName(all, columns);
    await assertEventuallyEqual(() => byName(readTable(dashboard.frame().split('\n'), columns), columns), expected, 'Pods pane rows beside kubectl get pods -A -o wide');
  } finally {
    await dashboard.press('0');
    await dashboard.waitFor((f) => !f.includes('NAMESPACE'), 'back to the default namespace');
  }
});

test("the Nodes pane's NAME, STATUS and ROLES are kubectl get nodes'", async () => {
  const columns = ['NAME', 'STATUS', 'ROLES'];
  const expected = byName(readTable(nodes.split('\n'), [...columns, 'AGE', 'VERSION']), columns);
  assert.equal(expected.length, 3);
  await assertEventuallyEqual(() => byName(readTable(dashboard.frame().split('\n'), columns), columns), expected, 'Nodes pane rows beside kubectl get nodes');
});

for (const name of PODS) {
  test(`the describe overlay of ${name} shows kubectl describe's Name, Namespace, Node, Status, IP, container states and conditions`, () => {
    const { shown, kubectl } = side(name, stableDescribeLines);
    assert.ok(kubectl.includes(`Name: ${name}`) && kubectl.some((l) => /^Conditions (Ready|PodScheduled) /.test(l)), 'the comparison read something');
    assert.deepEqual(shown, kubectl);
  });

  test(`above Events, the describe overlay of ${name} is kubectl describe's text line for line`, () => {
    const { shown, kubectl } = side(name, beforeEvents);
    assert.deepEqual(shown, kubectl);
  });

  test(`the describe overlay of ${name} lists kubectl describe's events: type, reason, source and message`, () => {
    const { shown, kubectl } = side(name, describeEvents);
    assert.ok(kubectl.length > 0);
    assert.deepEqual([...shown].sort(), [...kubectl].sort());
  });
}

test('the describe overlay lists events with equal lastTimestamps in the order kubectl describe does', () => {
  for (const name of PODS) {
    const { shown, kubectl } = side(name, describeEvents);
    assert.deepEqual(shown, kubectl, name);
  }
});

test('the describe overlay shows every line whole, as kubectl describe does (FailedScheduling is longer than 200 columns)', () => {
  for (const name of PODS) assert.deepEqual(cutLines(overlays.get(name)!), [], name);
});
