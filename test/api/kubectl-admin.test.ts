// Everyday kubectl beyond the walkthrough: namespaces, run, wait, label/annotate/patch, node maintenance,
// forced deletion, typed-client (protobuf) creates, and errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, Kubectl, requireKubectl } from './kubectl-harness.js';
import { startSimulatedApi, type SimulatedApi } from './simulated-api.js';

let api: SimulatedApi;
let kubectl: Kubectl;

before(async () => {
  requireKubectl();
  api = await startSimulatedApi();
  kubectl = new Kubectl(api.server.url);
});
after(async () => {
  kubectl?.close();
  await api?.close();
});

async function ok(...args: string[]): Promise<string> {
  const r = await kubectl.run(args);
  assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

test('kubectl create namespace (a protobuf body), run -n and wait --for=condition=Ready', async () => {
  assert.equal(await ok('create', 'namespace', 'team'), 'namespace/team created\n');
  assert.match(await ok('get', 'ns', 'team'), /^team\s+Active\s+\d+s$/m);
  assert.equal(await ok('run', 'web', '--image=nginx', '-n', 'team'), 'pod/web created\n');
  assert.equal(await ok('wait', '--for=condition=Ready', 'pod/web', '-n', 'team', '--timeout=30s'), 'pod/web condition met\n');
  assert.equal(await ok('create', 'configmap', 'settings', '-n', 'team', '--from-literal=mode=fast'), 'configmap/settings created\n');
  assert.equal(await ok('get', 'configmap', 'settings', '-n', 'team', '-o', 'jsonpath={.data.mode}'), 'fast');
});

test('kubectl label, annotate and the three patch types', async () => {
  assert.equal(await ok('label', 'pod', 'web', '-n', 'team', 'tier=front'), 'pod/web labeled\n');
  assert.equal(await ok('annotate', 'pod', 'web', '-n', 'team', 'note=hello'), 'pod/web annotated\n');
  assert.equal(await ok('patch', 'pod', 'web', '-n', 'team', '-p', '{"metadata":{"labels":{"a":"1"}}}'), 'pod/web patched\n');
  assert.equal(await ok('patch', 'pod', 'web', '-n', 'team', '--type=merge', '-p', '{"metadata":{"labels":{"b":"2"}}}'), 'pod/web patched\n');
  assert.equal(await ok('patch', 'pod', 'web', '-n', 'team', '--type=json', '-p', '[{"op":"add","path":"/metadata/labels/c","value":"3"}]'), 'pod/web patched\n');
  assert.match(await ok('get', 'pod', 'web', '-n', 'team', '--show-labels'), /\sa=1,b=2,c=3,run=web,tier=front$/m);
  assert.equal(await ok('get', 'pod', 'web', '-n', 'team', '-o', 'jsonpath={.metadata.annotations.note}'), 'hello');
  assert.match(await ok('get', 'pods', '-n', 'team', '-l', 'tier=front', '-o', 'name'), /^pod\/web$/m);
});

test('kubectl edit saves through the editor, kubectl get --sort-by orders a Table', async () => {
  const edit = await kubectl.run(['edit', 'pod', 'web', '-n', 'team'], { env: { EDITOR: 'sed -i s/tier:\\ front/tier:\\ back/' } });
  assert.equal(edit.code, 0, edit.stderr);
  assert.equal(edit.stdout, 'pod/web edited\n');
  assert.equal(await ok('get', 'pod', 'web', '-n', 'team', '-o', 'jsonpath={.metadata.labels.tier}'), 'back');
  const sorted = await ok('get', 'pods', '-A', '--sort-by=.metadata.name');
  const names = sorted.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[1]!);
  assert.ok(names.length > 3);
  assert.deepEqual(names, [...names].sort());
});

test('kubectl get pod NAME and an unknown pod', async () => {
  assert.match(await ok('get', 'pod', 'web', '-n', 'team'), /^web\s+1\/1\s+Running\s+0\s+/m);
  const r = await kubectl.run(['get', 'pod', 'nope']);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'Error from server (NotFound): pods "nope" not found\n');
});

test('kubectl apply --server-side creates and then applies again', async () => {
  const manifest = kubectl.file('ssa.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ssa\n  namespace: team\nspec:\n  containers:\n  - name: main\n    image: nginx\n');
  assert.equal(await ok('apply', '--server-side', '-f', manifest), 'pod/ssa serverside-applied\n');
  assert.equal(await ok('apply', '--server-side', '-f', manifest), 'pod/ssa serverside-applied\n');
  assert.match(await ok('get', 'pod', 'ssa', '-n', 'team'), /^ssa\s+/m);
});

test('kubectl describe node lists the node, its pods and events', async () => {
  const node = (await ok('get', 'pod', 'web', '-n', 'team', '-o', 'jsonpath={.spec.nodeName}')).trim();
  const out = await ok('describe', 'node', node);
  assert.match(out, new RegExp(`^Name:\\s+${node}$`, 'm'));
  assert.match(out, /^Non-terminated Pods:\s+\(\d+ in total\)$/m);
  assert.match(out, /^\s+team\s+web\s+/m);
});

test('kubectl cordon and uncordon flip SchedulingDisabled', async () => {
  assert.equal(await ok('cordon', 'kubesim-worker'), 'node/kubesim-worker cordoned\n');
  assert.match(await ok('get', 'node', 'kubesim-worker'), /^kubesim-worker\s+Ready,SchedulingDisabled\s+/m);
  assert.equal(await ok('uncordon', 'kubesim-worker'), 'node/kubesim-worker uncordoned\n');
  assert.match(await ok('get', 'node', 'kubesim-worker'), /^kubesim-worker\s+Ready\s+<none>\s+/m);
});

test('kubectl drain evicts the node\'s pods through the eviction API', async () => {
  const node = (await ok('get', 'pod', 'web', '-n', 'team', '-o', 'jsonpath={.spec.nodeName}')).trim();
  const r = await kubectl.run(['drain', node, '--ignore-daemonsets', '--force', '--timeout=60s']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^node/${node} cordoned$`, 'm'));
  assert.match(r.stdout, /^evicting pod team\/web$/m);
  assert.match(r.stdout, /^pod\/web evicted$/m);
  assert.match(r.stdout, new RegExp(`^node/${node} drained$`, 'm'));
  const gone = await kubectl.run(['get', 'pod', 'web', '-n', 'team']);
  assert.equal(gone.stderr, 'Error from server (NotFound): pods "web" not found\n');
  assert.match(await ok('get', 'nodes'), new RegExp(`^${node}\\s+Ready,SchedulingDisabled\\s+`, 'm'));
  await ok('uncordon', node);
});

test('kubectl delete --grace-period=0 --force removes a pod at once', async () => {
  await ok('run', 'quick', '--image=busybox', '--', 'sleep', '3600');
  await eventually('quick to be scheduled', async () => /Running|ContainerCreating/.test(await ok('get', 'pod', 'quick')));
  const r = await kubectl.run(['delete', 'pod', 'quick', '--grace-period=0', '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'pod "quick" force deleted\n');
  assert.match(r.stderr, /^Warning: Immediate deletion does not wait for confirmation/);
  assert.equal((await kubectl.run(['get', 'pod', 'quick'])).code, 1);
});

test('kubectl get pod NAME -w sees a label change', async () => {
  await ok('run', 'watched', '--image=nginx');
  const watch = kubectl.start(['get', 'pod', 'watched', '-w', '--show-labels']);
  try {
    await eventually('the first row', () => /^watched\s+/m.test(watch.stdout));
    await ok('label', 'pod', 'watched', 'seen=yes');
    await eventually('the labelled row', () => /seen=yes/.test(watch.stdout));
  } finally {
    watch.stop();
  }
});

test('kubectl api-resources lists the served kinds with short names', async () => {
  const out = await ok('api-resources');
  assert.match(out, /^pods\s+po\s+v1\s+true\s+Pod$/m);
  assert.match(out, /^nodes\s+no\s+v1\s+false\s+Node$/m);
  assert.match(await ok('version'), /^Server Version: v1\.32\.\d+$/m);
  assert.equal(await ok('auth', 'can-i', 'create', 'pods'), 'yes\n');
});
