// A Clock wrapper that knows when its next timer is due, so a test (or benchmark) driving a VirtualClock can
// step from timer to timer and let promise callbacks (a container process's exit) run in between, at the
// simulated time they belong to. VirtualClock.advance alone would run every timer before any promise
// callback gets a turn.

import { TimerQueue, type Clock, type TimerId } from './clock.js';

export class SteppingClock implements Clock {
  private readonly due = new TimerQueue();
  private readonly shadow = new Map<TimerId, TimerId>();

  constructor(readonly inner: Clock) {}

  now(): number {
    return this.inner.now();
  }

  wallTime(): number {
    return this.inner.wallTime();
  }

  setTimer(fn: () => void, delayMs: number): TimerId {
    const shadowId = this.due.add(this.inner.now() + Math.max(0, delayMs), () => {});
    const id = this.inner.setTimer(() => {
      this.shadow.delete(id);
      this.due.cancel(shadowId);
      fn();
    }, delayMs);
    this.shadow.set(id, shadowId);
    return id;
  }

  clearTimer(id: TimerId): void {
    const shadowId = this.shadow.get(id);
    if (shadowId !== undefined) this.due.cancel(shadowId);
    this.shadow.delete(id);
    this.inner.clearTimer(id);
  }

  /** Simulated time of the earliest pending timer set through this clock. */
  nextDue(): number | undefined {
    return this.due.nextAt();
  }
}
