import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScaledClock, VirtualClock, type RealTime } from '../../src/sim/clock.js';

test('a virtual clock runs timers in due order only when advanced', () => {
  const clock = new VirtualClock();
  const fired: string[] = [];
  clock.setTimer(() => fired.push('b@20'), 20);
  clock.setTimer(() => fired.push('a@10'), 10);
  clock.setTimer(() => fired.push('c@20'), 20);
  assert.deepEqual(fired, []);
  clock.advance(15);
  assert.deepEqual(fired, ['a@10']);
  assert.equal(clock.now(), 15);
  clock.advance(5);
  assert.deepEqual(fired, ['a@10', 'b@20', 'c@20']);
});

test('a timer set by a firing timer runs within the same advance when it falls due', () => {
  const clock = new VirtualClock();
  const at: number[] = [];
  clock.setTimer(() => {
    at.push(clock.now());
    clock.setTimer(() => at.push(clock.now()), 5);
  }, 10);
  clock.advance(100);
  assert.deepEqual(at, [10, 15]);
});

test('a cancelled timer never fires', () => {
  const clock = new VirtualClock();
  let fired = false;
  const id = clock.setTimer(() => (fired = true), 10);
  clock.clearTimer(id);
  clock.advance(20);
  assert.equal(fired, false);
  assert.equal(clock.pendingTimers(), 0);
});

test('clearing a timer that already ran, or clearing one twice, changes nothing', () => {
  const clock = new VirtualClock();
  const fired: string[] = [];
  const early = clock.setTimer(() => fired.push('early'), 10);
  const late = clock.setTimer(() => fired.push('late'), 30);
  clock.advance(20);
  clock.clearTimer(early);
  assert.equal(clock.pendingTimers(), 1);
  clock.clearTimer(late);
  clock.clearTimer(late);
  assert.equal(clock.pendingTimers(), 0);
  clock.setTimer(() => fired.push('next'), 5);
  clock.advance(20);
  assert.deepEqual(fired, ['early', 'next']);
});

/** A fake real world: time and timers under the test's control. */
function fakeRealTime() {
  let now = 1_000_000;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const real: RealTime = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const passRealTime = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = end;
  };
  return { real, passRealTime };
}

test('a scaled clock at speed 10 fires a 10 s simulated timer after 1 s of real time', () => {
  const { real, passRealTime } = fakeRealTime();
  const clock = new ScaledClock(real, 10);
  let fired = false;
  clock.setTimer(() => (fired = true), 10_000);
  passRealTime(999);
  assert.equal(fired, false);
  passRealTime(1);
  assert.equal(fired, true);
  assert.equal(clock.wallTime(), real.now(), 'timestamps stay real wall-clock time');
});

test('a paused scaled clock holds time until stepped or resumed', () => {
  const { real, passRealTime } = fakeRealTime();
  const clock = new ScaledClock(real, 1);
  let fired = 0;
  clock.setTimer(() => fired++, 1000);
  clock.pause();
  passRealTime(5000);
  assert.equal(fired, 0);
  clock.step(1000);
  assert.equal(fired, 1);
  clock.setTimer(() => fired++, 500);
  clock.resume();
  passRealTime(500);
  assert.equal(fired, 2);
});
