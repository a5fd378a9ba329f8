import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';
import { FakeCluster, makeContext, Output, settle, track } from './fake-pod-network.js';

function setup() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 28, 21, 3, 0));
  return { clock, cluster: new FakeCluster(), runtime: createContainerRuntime() };
}

for (const image of ['busybox', 'alpine']) {
  test(`${image} with stdin and tty and no command keeps running: its shell prompts and waits for input`, async () => {
    const { clock, cluster, runtime } = setup();
    const out = new Output(clock);
    const proc = runtime.start({ ...makeContext({ image, clock, network: cluster.pod() }), stdin: true, tty: true }, undefined, undefined, out);
    const box = track(proc.exited);
    clock.advance(60_000);
    await settle();
    assert.equal(box.exit, undefined);
    assert.equal(out.stdoutText, '/ # ');
    proc.signal('KILL');
    assert.equal((await proc.exited).code, 137);
  });
}

test('busybox with stdin but no tty keeps running too: sh reads its script from the open, silent stdin', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start({ ...makeContext({ image: 'busybox', clock, network: cluster.pod() }), stdin: true }, undefined, undefined, out);
  const box = track(proc.exited);
  clock.advance(60_000);
  await settle();
  assert.equal(box.exit, undefined);
  assert.equal(out.stdoutText, '');
});

test('busybox without stdin and no command exits 0 at once (its shell reads EOF from /dev/null)', async () => {
  const { clock, cluster, runtime } = setup();
  const proc = runtime.start(makeContext({ image: 'busybox', clock, network: cluster.pod() }), undefined, undefined, new Output(clock));
  assert.deepEqual(await proc.exited, { code: 0 });
});

test('stdin and tty do not keep a command that does not read stdin running: `echo hi` still exits 0', async () => {
  const { clock, cluster, runtime } = setup();
  const out = new Output(clock);
  const proc = runtime.start({ ...makeContext({ image: 'busybox', clock, network: cluster.pod() }), stdin: true, tty: true }, ['echo', 'hi'], undefined, out);
  assert.deepEqual(await proc.exited, { code: 0 });
  assert.equal(out.stdoutText, 'hi\n');
});
