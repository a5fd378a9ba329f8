import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';
import { FakeCluster, makeContext, Output, settle } from './fake-pod-network.js';

function start(image: string, options: { env?: Record<string, string>; command?: string[]; args?: string[] } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 28, 21, 3, 0));
  const runtime = createContainerRuntime();
  const network = new FakeCluster().pod();
  const context = makeContext({ image, clock, network, env: options.env });
  const out = new Output(clock);
  const proc = runtime.start(context, options.command, options.args, out);
  let code: number | undefined;
  void proc.exited.then((e) => (code = e.code));
  const exec = async (argv: string[]) => {
    let text = '';
    const p = runtime.exec(context, argv, { tty: false, stdout: (t) => (text += t), stderr: (t) => (text += t) });
    return { code: await p.exited, text };
  };
  return { clock, runtime, network, out, proc, exec, code: () => code };
}

test('redis logs its banner, is Ready to accept connections tcp on :6379, and redis-cli ping answers PONG', async () => {
  const r = start('redis:7');
  assert.match(r.out.stdoutText, /^1:C 28 Nov 2026 21:03:00\.000 # WARNING Memory overcommit must be enabled!/);
  assert.match(r.out.stdoutText, /1:M 28 Nov 2026 21:03:00\.000 \* Ready to accept connections tcp\n$/);
  assert.ok(r.network.isListening(6379));
  assert.deepEqual(await r.exec(['redis-cli', 'ping']), { code: 0, text: 'PONG\n' });
  await r.exec(['redis-cli', 'set', 'k', 'v']);
  assert.deepEqual(await r.exec(['redis-cli', 'get', 'k']), { code: 0, text: 'v\n' });
  r.proc.signal('TERM');
  assert.deepEqual(await r.proc.exited, { code: 0 });
  assert.match(r.out.stdoutText, /Redis is now ready to exit, bye bye\.\.\.\n$/);
});

test('postgres without POSTGRES_PASSWORD prints the entrypoint error block and exits 1', async () => {
  const r = start('postgres:17');
  assert.deepEqual(await r.proc.exited, { code: 1 });
  assert.match(r.out.stderrText, /^Error: Database is uninitialized and superuser password is not specified\.\n {7}You must specify POSTGRES_PASSWORD/);
});

test('postgres with a password initialises, then is ready to accept connections on :5432; pg_isready agrees', async () => {
  const r = start('postgres', { env: { POSTGRES_PASSWORD: 'secret' } });
  assert.equal(r.network.isListening(5432), false);
  r.clock.advance(3000);
  assert.match(r.out.stdoutText, /PostgreSQL init process complete; ready for start up\./);
  assert.match(r.out.stderrText, /\[1\] LOG: {2}database system is ready to accept connections\n$/);
  assert.deepEqual(await r.exec(['pg_isready']), { code: 0, text: '/var/run/postgresql:5432 - accepting connections\n' });
});

test('mysql without a root password option refuses to start', async () => {
  const r = start('mysql:9');
  assert.deepEqual(await r.proc.exited, { code: 1 });
  assert.match(r.out.stderrText, /\[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n {4}You need to specify one of the following as an environment variable:\n {4}- MYSQL_ROOT_PASSWORD\n/);
});

test('httpd says It works! on :80', () => {
  const r = start('httpd:2.4');
  assert.equal(r.network.request('localhost', 80, { method: 'GET', path: '/', headers: {} }).body, '<html><body><h1>It works!</h1></body></html>\n');
  assert.match(r.out.stderrText, /AH00489: Apache\/2\.4\.62 \(Unix\) configured -- resuming normal operations/);
});

test('node with a script that is not there fails with MODULE_NOT_FOUND; bare python exits 0 at once', async () => {
  const r = start('node:22', { args: ['app.js'] });
  assert.deepEqual(await r.proc.exited, { code: 1 });
  assert.match(r.out.stderrText, /Error: Cannot find module '\/app\.js'/);
  assert.deepEqual(await start('python:3.13').proc.exited, { code: 0 });
});

test('registry.k8s.io/pause does nothing until TERM', async () => {
  const r = start('registry.k8s.io/pause:3.10');
  r.clock.advance(60_000);
  await settle();
  assert.equal(r.code(), undefined);
  assert.equal(r.out.stdoutText + r.out.stderrText, '');
  r.proc.signal('TERM');
  assert.deepEqual(await r.proc.exited, { code: 0 });
});

test('the official nginx serves a ConfigMap-mounted config: a proxy to another Pod by IP', () => {
  const clock = new VirtualClock();
  const cluster = new FakeCluster();
  const runtime = createContainerRuntime();
  const backend = cluster.pod('10.244.2.7');
  backend.listen(8080, () => ({ status: 200, headers: {}, body: 'from backend' }));
  const network = cluster.pod();
  const conf = 'server {\n  listen 8000;\n  location /api/ {\n    proxy_pass http://10.244.2.7:8080/;\n  }\n}\n';
  runtime.start(makeContext({ image: 'nginx', clock, network, files: { '/etc/nginx/conf.d/default.conf': conf } }), undefined, undefined, new Output(clock));
  assert.equal(network.request('localhost', 8000, { method: 'GET', path: '/api/x', headers: {} }).body, 'from backend');
});

test('kube-system images log like a kind cluster: CoreDNS banner (and /ready answers), kube-proxy klog lines, etcd JSON', () => {
  const dns = start('registry.k8s.io/coredns/coredns:v1.11.3');
  dns.clock.advance(1000);
  assert.match(dns.out.stdoutText, /^\.:53\n\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]+\nCoreDNS-1\.11\.3\nlinux\/amd64, go1\.21\.11, a6338e9\n$/);
  assert.equal(dns.network.request('localhost', 8181, { method: 'GET', path: '/ready', headers: {} }).status, 200);
  const proxy = start('registry.k8s.io/kube-proxy:v1.32.2');
  proxy.clock.advance(3000);
  assert.match(proxy.out.stderrText, /^I1128 21:03:00\.\d{6} {7}1 server_linux\.go:66\] "Using iptables proxy"\n/);
  assert.match(proxy.out.stderrText, /"Version info" version="v1\.32\.2"/);
  const etcd = start('registry.k8s.io/etcd:3.5.16-0');
  etcd.clock.advance(3000);
  assert.match(etcd.out.stderrText, /\{"level":"info","ts":"2026-11-28T21:03:0\d\.\d{6}Z","caller":"embed\/serve\.go:103","msg":"ready to serve client requests"\}\n$/);
});
