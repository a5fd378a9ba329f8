import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';
import type { ProcessExit } from '../../../src/sim/runtime/types.js';
import { FakeCluster, makeContext, Output, settle } from './fake-pod-network.js';

function setup() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 28, 21, 3, 0));
  const cluster = new FakeCluster();
  const runtime = createContainerRuntime();
  return { clock, cluster, runtime };
}

function track(exited: Promise<ProcessExit>): { exit?: ProcessExit } {
  const box: { exit?: ProcessExit } = {};
  void exited.then((e) => (box.exit = e));
  return box;
}

test('gihyodocker/echo logs "start server" on stderr 2–4 s after start, in Go log format', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  runtime.start(makeContext({ image: 'gihyodocker/echo:latest', clock, network: cluster.pod() }), undefined, undefined, out);
  clock.advance(1999);
  assert.equal(out.stderrText, '');
  clock.advance(2001);
  assert.match(out.stderrText, /^2026\/11\/28 21:03:0[234] start server\n$/);
  assert.equal(out.stdoutText, '');
});

test('the book Pod: nginx-proxy forwards to echo on localhost:8080 and both log the request', async () => {
  const { clock, cluster, runtime } = setup();
  const network = cluster.pod();
  const nginxOut = new Output(clock);
  const echoOut = new Output(clock);
  runtime.start(makeContext({ image: 'gihyodocker/nginx-proxy:latest', name: 'nginx', clock, network, env: { BACKEND_HOST: 'localhost:8080' } }), undefined, undefined, nginxOut);
  runtime.start(makeContext({ image: 'gihyodocker/echo:latest', name: 'echo', clock, network }), undefined, undefined, echoOut);
  clock.advance(5000);
  const response = network.request('localhost', 80, { method: 'GET', path: '/', headers: { 'user-agent': 'curl/8.5.0' } });
  assert.equal(response.status, 200);
  assert.equal(response.body, 'Hello Docker!!');
  assert.match(echoOut.stderrText, /\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d received request\n$/);
  assert.match(nginxOut.stdoutText, /^127\.0\.0\.1 - - \[28\/Nov\/2026:21:03:05 \+0000\] "GET \/ HTTP\/1\.1" 200 14 "-" "curl\/8\.5\.0" "-"\n$/);
});

test('nginx-proxy answers 502 and logs connect() failed while echo is still compiling', () => {
  const { clock, cluster, runtime } = setup();
  const network = cluster.pod();
  const out = new Output(clock);
  runtime.start(makeContext({ image: 'gihyodocker/nginx:latest', clock, network, env: { BACKEND_HOST: 'localhost:8080' } }), undefined, undefined, out);
  const response = network.request('localhost', 80, { method: 'GET', path: '/', headers: {} });
  assert.equal(response.status, 502);
  assert.match(response.body, /<title>502 Bad Gateway<\/title>/);
  assert.match(out.stderrText, /\[error\] \d+#\d+: \*1 connect\(\) failed \(111: Connection refused\) while connecting to upstream/);
});

test('nginx-proxy without BACKEND_HOST prints nginx emergency message and exits 1 at start', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'gihyodocker/nginx-proxy:latest', clock, network: cluster.pod() }), undefined, undefined, out);
  assert.deepEqual(await proc.exited, { code: 1 });
  assert.match(out.stderrText, /^2026\/11\/28 21:03:00 \[emerg\] 1#1: no host in upstream "" in \/etc\/nginx\/conf\.d\/default\.conf:7\nnginx: \[emerg\] no host in upstream "" in \/etc\/nginx\/conf\.d\/default\.conf:7\n$/);
});

test('two containers binding :80 in one Pod: the second fails with bind() Address in use and exits 1', async () => {
  const { clock, cluster, runtime } = setup();
  const network = cluster.pod();
  const env = { BACKEND_HOST: 'localhost:8080' };
  runtime.start(makeContext({ image: 'gihyodocker/nginx-proxy', name: 'a', clock, network, env }), undefined, undefined, new Output(clock));
  const out = new Output(clock);
  const second = track(runtime.start(makeContext({ image: 'gihyodocker/nginx-proxy', name: 'b', clock, network, env }), undefined, undefined, out).exited);
  clock.advance(3000);
  await settle();
  assert.deepEqual(second.exit, { code: 1 });
  assert.match(out.stderrText, /nginx: \[emerg\] bind\(\) to 0\.0\.0\.0:80 failed \(98: Address in use\)\n/);
  assert.match(out.stderrText, /nginx: \[emerg\] still could not bind\(\)\n$/);
});

test('two echo containers: the second logs Go\'s "bind: address already in use" and exits 1', async () => {
  const { clock, cluster, runtime } = setup();
  const network = cluster.pod();
  runtime.start(makeContext({ image: 'gihyodocker/echo', clock, network }), undefined, undefined, new Output(clock));
  clock.advance(4000);
  const out = new Output(clock);
  const second = track(runtime.start(makeContext({ image: 'gihyodocker/echo', clock, network }), undefined, undefined, out).exited);
  clock.advance(4000);
  await settle();
  assert.deepEqual(second.exit, { code: 1 });
  assert.match(out.stderrText, / listen tcp :8080: bind: address already in use\n$/);
});

test("sh -c 'echo hi; sleep 5; exit 3' logs hi, then exits 3 after exactly 5 s of virtual time", async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const box = track(runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), ['sh', '-c', 'echo hi; sleep 5; exit 3'], undefined, out).exited);
  assert.equal(out.stdoutText, 'hi\n');
  clock.advance(4999);
  await settle();
  assert.equal(box.exit, undefined);
  clock.advance(1);
  await settle();
  assert.deepEqual(box.exit, { code: 3 });
});

test('a while loop with sleep 5 logs every 5 simulated seconds within one long advance', () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), ['sh', '-c'], ['while true; do echo hi; sleep 5; done'], out);
  clock.advance(20_000);
  assert.deepEqual(out.lines.map((l) => l.at), [0, 5, 10, 15, 20]);
});

test('a PID 1 shell ignores TERM, so `sleep 3600` runs until KILL and exits 137', async () => {
  const { clock, cluster, runtime } = setup();
  const proc = runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), ['sh', '-c', 'sleep 3600'], undefined, new Output(clock));
  const box = track(proc.exited);
  proc.signal('TERM');
  clock.advance(30_000);
  await settle();
  assert.equal(box.exit, undefined);
  proc.signal('KILL');
  await settle();
  assert.deepEqual(box.exit, { code: 137, signal: 9 });
});

test('a shell with a TERM trap runs it once the current command ends', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'alpine', clock, network: cluster.pod() }), ['sh', '-c', "trap 'echo bye; exit 0' TERM; while true; do sleep 1; done"], undefined, out);
  const box = track(proc.exited);
  clock.advance(2500);
  proc.signal('TERM');
  clock.advance(1000);
  await settle();
  assert.equal(out.stdoutText, 'bye\n');
  assert.deepEqual(box.exit, { code: 0 });
});

test('gihyodocker/echo ends at TERM at once (Go exits 2 as PID 1); official nginx shuts down gracefully on its STOPSIGNAL and exits 0', async () => {
  const { clock, cluster, runtime } = setup();
  const echo = runtime.start(makeContext({ image: 'gihyodocker/echo', clock, network: cluster.pod() }), undefined, undefined, new Output(clock));
  const nginxOut = new Output(clock);
  const nginx = runtime.start(makeContext({ image: 'nginx:1.27', clock, network: cluster.pod() }), undefined, undefined, nginxOut);
  clock.advance(5000);
  echo.signal('TERM');
  nginx.signal('TERM');
  assert.deepEqual(await echo.exited, { code: 2 });
  assert.deepEqual(await nginx.exited, { code: 0 });
  assert.match(nginxOut.stderrText, /\[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down\n/);
});

test('official nginx prints the entrypoint lines, starts workers and serves the welcome page', () => {
  const { clock, cluster, runtime } = setup();
  const network = cluster.pod();
  const out = new Output(clock);
  runtime.start(makeContext({ image: 'nginx', clock, network }), undefined, undefined, out);
  assert.match(out.stdoutText, /^\/docker-entrypoint\.sh: \/docker-entrypoint\.d\/ is not empty, will attempt to perform configuration\n/);
  assert.match(out.stdoutText, /Configuration complete; ready for start up\n$/);
  assert.match(out.stderrText, /\[notice\] 1#1: start worker processes\n/);
  const response = network.request('localhost', 80, { method: 'GET', path: '/', headers: {} });
  assert.match(response.body, /<title>Welcome to nginx!<\/title>/);
});

test('bare busybox (cmd sh, no stdin) exits 0 at once', async () => {
  const { clock, cluster, runtime } = setup();
  const proc = runtime.start(makeContext({ image: 'busybox:1.36', clock, network: cluster.pod() }), undefined, undefined, new Output(clock));
  assert.deepEqual(await proc.exited, { code: 0 });
});

test('an unknown command fails to start: StartError, exit 128, the runtime message', async () => {
  const { clock, cluster, runtime } = setup();
  const proc = runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), ['foo'], undefined, new Output(clock));
  assert.deepEqual(await proc.exited, {
    code: 128,
    reason: 'StartError',
    message:
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
  });
});

test('args alone replace the image CMD and keep its ENTRYPOINT; command drops CMD', () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), ['echo'], ['a', 'b'], out);
  runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), undefined, ['echo', 'c'], out);
  assert.equal(out.stdoutText, 'a b\nc\n');
});

test('an unknown image runs the generic behaviour: one start line, then runs until TERM', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'example/thing:1.0', clock, network: cluster.pod() }), undefined, undefined, out);
  clock.advance(2000);
  assert.equal(out.stdoutText, 'Starting example/thing:1.0\n');
  proc.signal('TERM');
  assert.deepEqual(await proc.exited, { code: 0 });
});

test('an unknown image passes args alone to its entrypoint as flags instead of running them as a command', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'example/server:2.1', clock, network: cluster.pod() }), undefined, ['-text=hello', '--port=8080'], out);
  const box = track(proc.exited);
  clock.advance(2000);
  await settle();
  assert.equal(box.exit, undefined);
  assert.equal(out.stdoutText, 'Starting example/server:2.1\n');
});

test('an unknown image whose args name an executable runs it, as a docker-entrypoint.sh does with `exec "$@"`', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'example/server:2.1', clock, network: cluster.pod() }), undefined, ['sh', '-c', 'echo from args; exit 3'], out);
  assert.deepEqual(await proc.exited, { code: 3 });
  assert.equal(out.stdoutText, 'from args\n');
});

test('the liveness-exec example: `cat /tmp/healthy` as an exec probe succeeds for 30 s, then fails', async () => {
  const { clock, cluster, runtime } = setup();
  const context = makeContext({ image: 'registry.k8s.io/busybox', clock, network: cluster.pod() });
  runtime.start(context, undefined, ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'], new Output(clock));
  const probe = async () => {
    let out = '';
    const code = await runtime.exec(context, ['cat', '/tmp/healthy'], { tty: false, stdout: () => {}, stderr: (t) => (out += t) }).exited;
    return { code, out };
  };
  assert.deepEqual(await probe(), { code: 0, out: '' });
  clock.advance(30_000);
  assert.deepEqual(await probe(), { code: 1, out: "cat: can't open '/tmp/healthy': No such file or directory\n" });
});

test('two containers sharing an emptyDir: what debian writes, nginx serves', () => {
  const { clock, cluster, runtime } = setup();
  const network = cluster.pod();
  const volume = new Map<string, string>();
  const nginx = { ...makeContext({ image: 'nginx', name: 'nginx', clock, network }), mounts: [{ path: '/usr/share/nginx/html', shared: volume }] };
  const debian = { ...makeContext({ image: 'debian', name: 'debian', clock, network }), mounts: [{ path: '/pod-data', shared: volume }] };
  runtime.start(nginx, undefined, undefined, new Output(clock));
  runtime.start(debian, ['/bin/sh'], ['-c', 'echo Hello from the debian container > /pod-data/index.html'], new Output(clock));
  assert.equal(network.request('localhost', 80, { method: 'GET', path: '/', headers: {} }).body, 'Hello from the debian container\n');
});

test("the container's workingDir is where its command starts (created when the image lacks it)", () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  runtime.start({ ...makeContext({ image: 'alpine', clock, network: cluster.pod() }), workingDir: '/app/src' }, ['sh', '-c', 'pwd; ls /app'], undefined, out);
  assert.equal(out.stdoutText, '/app/src\nsrc\n');
});

test('a PID 1 without signal handlers never sees TERM: `sleep 3600` as the command, node; `exec nginx` from a shell does', async () => {
  const { clock, cluster, runtime } = setup();
  const sleeper = runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), ['sleep', '3600'], undefined, new Output(clock));
  const node = runtime.start(makeContext({ image: 'node:22', clock, network: cluster.pod() }), ['sleep', 'infinity'], undefined, new Output(clock));
  const nginx = runtime.start(makeContext({ image: 'nginx', clock, network: cluster.pod() }), ['sh', '-c', "exec nginx -g 'daemon off;'"], undefined, new Output(clock));
  const exits: Record<string, unknown> = {};
  void sleeper.exited.then((e) => (exits.sleeper = e));
  void node.exited.then((e) => (exits.node = e));
  for (const p of [sleeper, node, nginx]) p.signal('TERM');
  clock.advance(30_000);
  await settle();
  assert.deepEqual(exits, {});
  assert.deepEqual(await nginx.exited, { code: 0 });
  sleeper.signal('KILL');
  assert.deepEqual(await sleeper.exited, { code: 137, signal: 9 });
});
