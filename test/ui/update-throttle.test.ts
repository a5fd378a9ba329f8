import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UpdateThrottle, type Timers } from '../../src/ui/model/update-throttle.js';

/** Timers on a hand-moved clock. */
function fakeTimers() {
  let t = 0;
  const due: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const timers: Timers = {
    now: () => t,
    setTimeout: (fn, ms) => {
      const id = next++;
      due.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimeout: (h) => {
      const i = due.findIndex((d) => d.id === h);
      if (i >= 0) due.splice(i, 1);
    },
  };
  const advance = async (ms: number) => {
    const end = t + ms;
    for (;;) {
      due.sort((a, b) => a.at - b.at);
      const first = due[0];
      if (!first || first.at > end) break;
      due.shift();
      t = first.at;
      first.fn();
      await Promise.resolve();
    }
    t = end;
    await Promise.resolve();
  };
  return { timers, advance };
}

const tick = () => new Promise<void>((r) => queueMicrotask(r));

test('a single change after a quiet moment is pushed at once (next microtask)', async () => {
  const { timers } = fakeTimers();
  let flushes = 0;
  const th = new UpdateThrottle(() => flushes++, 66, timers);
  th.request();
  assert.equal(flushes, 0);
  await tick();
  assert.equal(flushes, 1);
});

test('a synchronous burst of changes becomes one push', async () => {
  const { timers } = fakeTimers();
  let flushes = 0;
  const th = new UpdateThrottle(() => flushes++, 66, timers);
  for (let i = 0; i < 1000; i++) th.request();
  await tick();
  assert.equal(flushes, 1);
});

test('during a burst at most one push per interval follows (about 15 a second)', async () => {
  const { timers, advance } = fakeTimers();
  let flushes = 0;
  const th = new UpdateThrottle(() => flushes++, 66, timers);
  for (let ms = 0; ms < 1000; ms += 2) {
    th.request(false);
    await advance(2);
  }
  await advance(100);
  assert.ok(flushes >= 14 && flushes <= 17, `${flushes} pushes in a second`);
});

test('the last change of a burst is always pushed (trailing edge)', async () => {
  const { timers, advance } = fakeTimers();
  const seen: number[] = [];
  let value = 0;
  const th = new UpdateThrottle(() => seen.push(value), 66, timers);
  value = 1;
  th.request();
  await tick();
  value = 2;
  th.request();
  value = 3;
  th.request();
  await advance(70);
  assert.deepEqual(seen, [1, 3]);
});

test('log lines streaming do not make a cluster change wait: an urgent change keeps its own leading edge', async () => {
  const { timers, advance } = fakeTimers();
  let flushes = 0;
  const th = new UpdateThrottle(() => flushes++, 66, timers);
  th.request(false);
  await tick();
  assert.equal(flushes, 1);
  await advance(10);
  th.request(false); // more log lines: waits for the interval
  await tick();
  assert.equal(flushes, 1);
  th.request(true); // a cluster change: at once
  await tick();
  assert.equal(flushes, 2);
});

test('cluster changes 30 ms apart are each pushed at once, while a storm of them makes at most one push per 25 ms', async () => {
  const { timers, advance } = fakeTimers();
  let flushes = 0;
  const th = new UpdateThrottle(() => flushes++, 66, timers);
  th.request(true);
  await tick();
  await advance(30);
  th.request(true);
  await tick();
  assert.equal(flushes, 2);
  for (let ms = 0; ms < 1000; ms += 2) {
    th.request(true);
    await advance(2);
  }
  await advance(100);
  assert.ok(flushes >= 38 && flushes <= 44, `${flushes} pushes`);
});

test('nothing is pushed after stop()', async () => {
  const { timers, advance } = fakeTimers();
  let flushes = 0;
  const th = new UpdateThrottle(() => flushes++, 66, timers);
  th.request();
  await tick();
  th.request();
  th.stop();
  await advance(200);
  assert.equal(flushes, 1);
});
