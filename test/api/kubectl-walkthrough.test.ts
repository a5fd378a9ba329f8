// The book's Pod walkthrough (BOOK-WALKTHROUGH.md) with the real kubectl against the simulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, hasScript, Kubectl, requireKubectl, type Follower } from './kubectl-harness.js';
import { SIMPLE_POD, startSimulatedApi, type SimulatedApi } from './simulated-api.js';

let api: SimulatedApi;
let kubectl: Kubectl;
let manifest: string;

before(async () => {
  requireKubectl();
  api = await startSimulatedApi();
  kubectl = new Kubectl(api.server.url);
  manifest = kubectl.file('simple-pod.yaml', SIMPLE_POD);
});
after(async () => {
  kubectl?.close();
  await api?.close();
});

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl.run(args, input !== undefined ? { input } : {});
  assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

function runningRow(out: string): boolean {
  return /^simple-echo\s+2\/2\s+Running\s+0\s+\d+s$/m.test(out);
}

let watch: Follower;

test('kubectl apply creates the book Pod, then says unchanged', async () => {
  watch = kubectl.start(['get', 'pods', '-w']);
  assert.equal(await ok(['apply', '-f', manifest]), 'pod/simple-echo created\n');
  assert.equal(await ok(['apply', '-f', manifest]), 'pod/simple-echo unchanged\n');
});

test('kubectl get pod shows 2/2 Running once both containers are up', async () => {
  const out = await eventually('2/2 Running', async () => {
    const stdout = await ok(['get', 'pod']);
    return runningRow(stdout) && stdout;
  });
  assert.match(out, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
});

test('kubectl get -o wide, -A, --show-labels, --sort-by and -o yaml print what a cluster prints', async () => {
  const wide = await ok(['get', 'pods', '-o', 'wide']);
  assert.match(wide, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\n/);
  assert.match(wide, /^simple-echo\s+2\/2\s+Running\s+0\s+\d+s\s+10\.244\.\d+\.\d+\s+kubesim-worker2?\s+<none>\s+<none>$/m);
  const all = await ok(['get', 'pods', '-A']);
  assert.match(all, /^NAMESPACE\s+NAME\s+READY/);
  assert.match(all, /^default\s+simple-echo\s+2\/2\s+Running/m);
  assert.match(all, /^kube-system\s+/m);
  const labels = await ok(['get', 'pods', '--show-labels']);
  assert.match(labels, /^simple-echo\s+2\/2\s+Running\s+0\s+\d+s\s+<none>$/m);
  const sorted = await ok(['get', 'pods', '-A', '--sort-by=.metadata.name', '-o', 'name']);
  const names = sorted.trim().split('\n');
  assert.deepEqual(names, [...names].sort());
  const yaml = await ok(['get', 'pod', 'simple-echo', '-o', 'yaml']);
  assert.match(yaml, /^kind: Pod$/m);
  assert.match(yaml, /kubectl\.kubernetes\.io\/last-applied-configuration/);
  assert.match(yaml, /^ {2}phase: Running$/m);
});

test('kubectl get nodes, namespaces, events and all', async () => {
  const nodes = await ok(['get', 'nodes']);
  assert.match(nodes, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
  assert.match(nodes, /^kubesim-control-plane\s+Ready\s+control-plane\s+/m);
  assert.match(await ok(['get', 'ns']), /^default\s+Active\s+/m);
  const events = await ok(['get', 'events']);
  assert.match(events, /Normal\s+Scheduled\s+pod\/simple-echo\s+Successfully assigned default\/simple-echo to /);
  assert.match(events, /Started\s+pod\/simple-echo\s+Started container echo/);
  assert.match(await ok(['get', 'all']), /^pod\/simple-echo\s+2\/2\s+Running/m);
});

test('kubectl describe pod shows the node, containers and events', async () => {
  const out = await ok(['describe', 'pod', 'simple-echo']);
  assert.match(out, /^Name:\s+simple-echo$/m);
  assert.match(out, /^Status:\s+Running$/m);
  assert.match(out, /^ {2}nginx:$/m);
  assert.match(out, /BACKEND_HOST:\s+localhost:8080/);
  assert.match(out, /^Events:$/m);
  assert.match(out, /Normal\s+Started\s+.*Started container echo/);
});

test('kubectl logs -f shows start server, then received request after a request through nginx', async () => {
  const logs = kubectl.start(['logs', '-f', 'simple-echo', '-c', 'echo']);
  try {
    await eventually('start server', () => /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d start server$/m.test(logs.stdout));
    assert.equal(await ok(['exec', 'simple-echo', '-c', 'nginx', '--', 'wget', '-qO-', 'localhost:80']), 'Hello Docker!!');
    await eventually('received request', () => /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d received request$/m.test(logs.stdout));
  } finally {
    logs.stop();
  }
  const stamped = await ok(['logs', 'simple-echo', '-c', 'echo', '--timestamps', '--tail=1']);
  assert.match(stamped, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d received request\n$/);
});

test('kubectl logs errors read as on a real cluster', async () => {
  const previous = await kubectl.run(['logs', 'simple-echo', '-c', 'echo', '--previous']);
  assert.equal(previous.code, 1);
  assert.equal(previous.stderr, 'Error from server (BadRequest): previous terminated container "echo" in pod "simple-echo" not found\n');
  const defaulted = await kubectl.run(['logs', 'simple-echo']);
  assert.match(defaulted.stderr, /^Defaulted container "nginx" out of: nginx, echo\n/);
});

test('kubectl exec -i with stdin piped reaches echo through localhost', async () => {
  assert.equal(await ok(['exec', '-i', 'simple-echo', '-c', 'nginx', '--', 'sh'], 'wget -qO- localhost:8080\n'), 'Hello Docker!!');
});

test('kubectl exec passes the exit code through', async () => {
  const r = await kubectl.run(['exec', 'simple-echo', '-c', 'nginx', '--', 'sh', '-c', 'exit 7']);
  assert.equal(r.code, 7);
  assert.equal(r.stderr, 'command terminated with exit code 7\n');
});

test('kubectl exec errors come from the SPDY fallback as real Status texts', async () => {
  const missing = await kubectl.run(['exec', 'nope', '--', 'sh']);
  assert.equal(missing.stderr, 'Error from server (NotFound): pods "nope" not found\n');
  const container = await kubectl.run(['exec', 'simple-echo', '-c', 'nope', '--', 'sh']);
  assert.equal(container.stderr, 'Error from server (BadRequest): container nope is not valid for pod simple-echo\n');
});

test('kubectl exec -it gives an interactive shell in a terminal, with the exit code of `exit 7`', async (t) => {
  if (!hasScript()) {
    t.skip('util-linux `script` is not installed: no pty to drive kubectl -it');
    return;
  }
  const shell = kubectl.startInTerminal('kubectl exec -it simple-echo -c nginx -- sh');
  await eventually('the prompt', () => shell.output().includes('/ # '));
  shell.type('echo $BACKEND_HOST\r');
  await eventually('the variable', () => shell.output().includes('localhost:8080\r\n/ # '));
  shell.type('exit 7\r');
  assert.equal(await shell.exited, 7);
  assert.match(shell.output(), /\/ # echo \$BACKEND_HOST\r\nlocalhost:8080\r\n\/ # exit 7\r\ncommand terminated with exit code 7\r\n$/);
});

test('an unknown field is refused by strict validation with the API server text', async () => {
  const bad = kubectl.file('bad-pod.yaml', SIMPLE_POD.replace('    image: gihyodocker/echo:latest', '    imagee: gihyodocker/echo:latest').replace('simple-echo', 'bad-echo'));
  const r = await kubectl.run(['apply', '-f', bad]);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    `Error from server (BadRequest): error when creating "${bad}": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[1].imagee"\n`,
  );
});

test('an image change is configured', async () => {
  const image = kubectl.file('image.yaml', SIMPLE_POD.replace('gihyodocker/nginx-proxy:latest', 'gihyodocker/nginx:latest'));
  assert.equal(await ok(['apply', '-f', image]), 'pod/simple-echo configured\n');
});

test('a forbidden Pod change gets the real 422 text', async () => {
  const env = kubectl.file('env.yaml', SIMPLE_POD.replace('gihyodocker/nginx-proxy:latest', 'gihyodocker/nginx:latest').replace('localhost:8080', '127.0.0.1:8080'));
  const r = await kubectl.run(['apply', '-f', env]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /^The Pod "simple-echo" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,/,
  );
});

test('kubectl delete pod deletes it gracefully and it is really gone; the watch saw it all', async () => {
  const follow = kubectl.start(['logs', '-f', 'simple-echo', '-c', 'echo', '--since=1h']);
  await eventually('the log backlog', () => /start server/.test(follow.stdout));
  assert.equal(await ok(['delete', 'pod', 'simple-echo']), 'pod "simple-echo" deleted\n');
  // A followed log ends when its container stops, and kubectl exits 0.
  assert.equal(await follow.exited, 0);
  const none = await kubectl.run(['get', 'pods']);
  assert.equal(none.stderr, 'No resources found in default namespace.\n');
  await eventually('the watch to show Terminating', () => /^simple-echo\s+\d\/2\s+Terminating\s+/m.test(watch.stdout));
  watch.stop();
  assert.match(watch.stdout, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
  assert.match(watch.stdout, /^simple-echo\s+2\/2\s+Running\s+/m);
});

test('kubectl delete -f on a missing pod names the file and the pod', async () => {
  const r = await kubectl.run(['delete', '-f', manifest]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `Error from server (NotFound): error when deleting "${manifest}": pods "simple-echo" not found\n`);
});
