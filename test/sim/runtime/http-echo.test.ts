import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';
import { FakeCluster, makeContext, Output, settle, track } from './fake-pod-network.js';

function setup() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 28, 21, 3, 0));
  const cluster = new FakeCluster();
  return { clock, cluster, runtime: createContainerRuntime() };
}

test('hashicorp/http-echo with args ["-text=…"] passes them to its entrypoint, logs its start line and answers every path on :5678 with the text and a newline', async () => {
  const { clock, cluster, runtime } = setup();
  const network = cluster.pod();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'hashicorp/http-echo:0.2.3', clock, network }), undefined, ['-text=just made some syscalls!'], out);
  const box = track(proc.exited);
  clock.advance(1000);
  await settle();
  assert.equal(box.exit, undefined, 'it keeps running');
  assert.match(out.stderrText, /^2026\/11\/28 21:03:00 \[INFO\] server is listening on :5678\n$/);
  for (const path of ['/', '/any/thing']) {
    const response = network.request('localhost', 5678, { method: 'GET', path, headers: { 'user-agent': 'curl/8.5.0' } });
    assert.equal(response.status, 200);
    assert.equal(response.body, 'just made some syscalls!\n');
    assert.equal(response.headers['x-app-name'], 'http-echo');
  }
  assert.match(out.stderrText, /"GET \/any\/thing HTTP\/1\.1" 200 25 "curl\/8\.5\.0"/);
});

test('hashicorp/http-echo listens where -listen says, in Go flag syntax (-listen=:8080 or --listen :8080)', () => {
  const { clock, cluster, runtime } = setup();
  const a = cluster.pod();
  const b = cluster.pod();
  runtime.start(makeContext({ image: 'hashicorp/http-echo', clock, network: a }), undefined, ['-listen=:8080', '-text=apple'], new Output(clock));
  runtime.start(makeContext({ image: 'hashicorp/http-echo', clock, network: b }), undefined, ['--listen', ':8080', '--text', 'banana'], new Output(clock));
  clock.advance(1000);
  assert.equal(a.isListening(5678), false);
  assert.equal(a.request('localhost', 8080, { method: 'GET', path: '/', headers: {} }).body, 'apple\n');
  assert.equal(b.request('localhost', 8080, { method: 'GET', path: '/', headers: {} }).body, 'banana\n');
});

test('hashicorp/http-echo without -text exits 127 with "Missing -text option!"', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'hashicorp/http-echo', clock, network: cluster.pod() }), undefined, undefined, out);
  assert.deepEqual(await proc.exited, { code: 127 });
  assert.equal(out.stderrText, 'Missing -text option!\n');
});

test('hashicorp/http-echo with an unknown flag prints Go\'s "flag provided but not defined" and its usage, exit 2', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'hashicorp/http-echo', clock, network: cluster.pod() }), undefined, ['-txt=hi'], out);
  assert.deepEqual(await proc.exited, { code: 2 });
  assert.match(out.stderrText, /^flag provided but not defined: -txt\nUsage of \/http-echo:\n/);
});

test('hashicorp/http-echo shuts down cleanly on TERM: it logs the interrupt and exits 0', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start(makeContext({ image: 'hashicorp/http-echo', clock, network: cluster.pod() }), undefined, ['-text=hi'], out);
  clock.advance(1000);
  proc.signal('TERM');
  assert.deepEqual(await proc.exited, { code: 0 });
  assert.match(out.stderrText, /\[INFO\] received interrupt, shutting down\.\.\.\n$/);
});

test('hashicorp/http-echo has no shell: command ["sh"] fails to start with StartError', async () => {
  const { clock, cluster, runtime } = setup();
  const proc = runtime.start(makeContext({ image: 'hashicorp/http-echo', clock, network: cluster.pod() }), ['sh'], undefined, new Output(clock));
  const exit = await proc.exited;
  assert.equal(exit.reason, 'StartError');
  assert.match(exit.message ?? '', /exec: "sh": executable file not found in \$PATH/);
});
