// What kubectl does shows in kubesim's own views, and what the dashboard does shows in kubectl:
//  - the built kubesim, headless on a folder, prints a line for a Pod that `kubectl apply` created (one the
//    folder does not hold, and which the folder's reconciler leaves alone);
//  - on one simulator behind the API server, a Pod applied with kubectl appears in the dashboard's Pods pane,
//    and deleting it there (ctrl-d, y) shows in a running `kubectl get pods -w`: Terminating, then DELETED.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, Kubectl, requireKubectl } from '../api/kubectl-harness.js';
import { SIMPLE_POD, startSimulatedApi } from '../api/simulated-api.js';
import { KEYS, openDashboard } from '../ui/dashboard-harness.js';
import { selectPod } from './dashboard-screen.js';
import { KubesimProcess, requireBuild, ROOT } from './kubesim-process.js';

const FROM_KUBECTL = `apiVersion: v1
kind: Pod
metadata:
  name: from-kubectl
spec:
  containers:
  - name: web
    image: nginx:1.27
`;

test('a Pod applied with kubectl shows in headless output as Running, and the folder reconciler leaves it alone', { timeout: 120_000 }, async () => {
  requireKubectl();
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-integration-manifests-'));
  // kubectl's HOME, cache and kubesim's kubeconfig live outside the watched folder.
  const elsewhere = mkdtempSync(join(tmpdir(), 'kubesim-integration-kubeconfig-'));
  copyFileSync(join(ROOT, 'demo-manifests', 'simple-pod.yaml'), join(dir, 'simple-pod.yaml'));
  const kubeconfig = join(elsewhere, 'kubeconfig');
  const kubesim = new KubesimProcess([dir, '--headless', '--speed', '50', '--api-port', '0', '--kubeconfig', kubeconfig]);
  let kubectl: Kubectl | undefined;
  try {
    kubectl = new Kubectl(await kubesim.apiUrl());
    await eventually('the line that says how to point kubectl at it', () => kubesim.stderr.includes(`\nexport KUBECONFIG=${kubeconfig}\n`));
    await kubesim.waitForLine(/^\d\d:\d\d:\d\d apply {2}\S+simple-pod\.yaml {2}pod\/simple-echo created$/, 'the folder applied');

    // kubectl reads the kubeconfig kubesim wrote, as a user who ran the printed `export` would.
    const applied = await kubectl.run(['apply', '-f', kubectl.file('from-kubectl.yaml', FROM_KUBECTL)], { env: { KUBECONFIG: kubeconfig } });
    assert.equal(applied.stderr, '');
    assert.equal(applied.stdout, 'pod/from-kubectl created\n');

    await kubesim.waitForLine(
      /^\d\d:\d\d:\d\d pod {4}default\/from-kubectl {2}1\/1 {2}Running {12}kubesim-worker2? {2}10\.244\.\d+\.\d+$/,
      'the Pod kubectl created, Running',
    );
    await kubesim.waitForLine(/^\d\d:\d\d:\d\d pod {4}default\/simple-echo {2}2\/2 {2}Running /, "the folder's Pod Running");
    assert.deepEqual(
      kubesim.lines().filter((l) => /from-kubectl/.test(l) && !/ pod {4}default\/from-kubectl {2}\d\/1 /.test(l)),
      [],
      'no apply, prune or error line names the Pod the folder does not hold',
    );
    assert.equal(await kubesim.stop(), 0);
  } finally {
    kubesim.kill();
    kubectl?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('a Pod applied with kubectl appears in the Pods pane; deleting it there shows in kubectl get pods -w as Terminating, then DELETED', { timeout: 120_000 }, async () => {
  requireKubectl();
  const api = await startSimulatedApi(50);
  const kubectl = new Kubectl(api.server.url);
  const dashboard = openDashboard(api.sim, { cols: 200, rows: 50 });
  const watch = kubectl.start(['get', 'pods', '-w', '--output-watch-events']);
  try {
    await dashboard.waitFor('No resources found in default namespace.', 'an empty Pods pane');
    const applied = await kubectl.run(['apply', '-f', kubectl.file('simple-pod.yaml', SIMPLE_POD)]);
    assert.equal(applied.stdout, 'pod/simple-echo created\n');

    await eventually('simple-echo 2/2 Running in the Pods pane', () => /^.simple-echo\s+2\/2\s+Running\s+0\s+/m.test(dashboard.frame()));
    await eventually('the watch to list it Running', () => /^(ADDED|MODIFIED)\s+simple-echo\s+2\/2\s+Running\s+/m.test(watch.stdout));

    await selectPod(dashboard, 'simple-echo');
    await dashboard.press(KEYS.ctrlD);
    await dashboard.waitFor('Delete pod default/simple-echo?', 'the confirmation');
    await dashboard.press('y');
    await dashboard.waitFor('pod "simple-echo" deleted', 'the message that it was deleted');

    await eventually('the watch to show Terminating', () => /^MODIFIED\s+simple-echo\s+\d\/2\s+Terminating\s+/m.test(watch.stdout));
    await eventually('the watch to see it go', () => /^DELETED\s+simple-echo\s+\d\/2\s+/m.test(watch.stdout));
    await dashboard.waitFor((f) => !/simple-echo\s+\d\/2/.test(f) && f.includes('No resources found in default namespace.'), 'the Pods pane empty again');

    assert.match(watch.stdout, /^EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    // In order (kubectl may have started watching before or after the apply): Running, then Terminating,
    // then gone; nothing after the deletion.
    const events = watch.stdout.split('\n').filter((l) => l.startsWith('MODIFIED') || l.startsWith('ADDED') || l.startsWith('DELETED'));
    const running = events.findIndex((l) => /\sRunning\s/.test(l));
    const terminating = events.findIndex((l) => /\sTerminating\s/.test(l));
    assert.ok(running >= 0 && running < terminating, events.join('\n'));
    assert.ok(events.at(-1)!.startsWith('DELETED'), events.join('\n'));
  } finally {
    watch.stop();
    dashboard.close();
    kubectl.close();
    await api.close();
  }
});
