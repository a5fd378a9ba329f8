// The simulation's clock. Every simulated duration (pulls, start-up delays, probe periods, back-offs, grace
// periods) is scheduled here in *simulated* milliseconds. Two kinds:
//  - VirtualClock: time moves only when a test calls advance(); nothing ever sleeps.
//  - ScaledClock: real time, every simulated duration divided by `speed`; the real timer comes from outside
//    (src/cli wires in setTimeout/Date.now), because nothing in src/sim touches the real clock.
// Timestamps written into objects come from wallTime(): real wall-clock time for a ScaledClock, so kubectl
// never sees a time in the future, and the virtual time for a VirtualClock.

/** A pending timer, as setTimer hands it out: pass it to clearTimer (opaque otherwise). */
export interface TimerId {
  readonly at: number;
}

export interface Clock {
  /** Simulated milliseconds since the clock started: monotonic, for durations and ordering. */
  now(): number;
  /** Epoch milliseconds for timestamps written into objects and log lines. */
  wallTime(): number;
  /** Runs `fn` after `delayMs` simulated milliseconds. */
  setTimer(fn: () => void, delayMs: number): TimerId;
  clearTimer(id: TimerId): void;
}

/** The queue's own timer: the handle setTimer returns. `fn` is cleared when it runs or is cancelled. */
interface Timer extends TimerId {
  seq: number;
  fn: (() => void) | undefined;
}

/**
 * Timers ordered by due time (then by creation), run in that order. A binary heap: 10,000 Pods keep many
 * timers. A cancelled timer stays in the heap, emptied, until it reaches the top (no index of live timers
 * to keep: the handle is the timer).
 */
export class TimerQueue {
  private heap: Timer[] = [];
  private live = 0;
  private nextSeq = 1;

  add(at: number, fn: () => void): TimerId {
    const timer: Timer = { at, seq: this.nextSeq++, fn };
    this.live++;
    this.heap.push(timer);
    this.up(this.heap.length - 1);
    return timer;
  }

  cancel(id: TimerId): void {
    const timer = id as Timer;
    if (timer.fn === undefined) return;
    timer.fn = undefined;
    this.live--;
  }

  get size(): number {
    return this.live;
  }

  /** Due time of the earliest live timer, or undefined. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /**
   * Runs every live timer due at or before `t`, earliest first, including those they add; `reached(at)` is told
   * each one's due time just before it runs (a clock moves its time there).
   */
  runDue(t: number, reached?: (at: number) => void): void {
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.at > t) return;
      this.removeTop();
      const fn = top.fn!;
      top.fn = undefined;
      this.live--;
      reached?.(top.at);
      fn();
    }
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.fn === undefined) this.removeTop();
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      const t = h[i]!;
      h[i] = h[p]!;
      h[p] = t;
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      const t = h[i]!;
      h[i] = h[m]!;
      h[m] = t;
      i = m;
    }
  }
}

/** Time that moves only when told to. `startWall` is the epoch ms that simulated time 0 maps to. */
export class VirtualClock implements Clock {
  private t = 0;
  private readonly timers = new TimerQueue();
  /** Time moves to each timer's due time as it runs (never back: a timer set for the past runs now). */
  private readonly reached = (at: number): void => {
    if (at > this.t) this.t = at;
  };

  constructor(private readonly startWall = Date.UTC(2026, 0, 1, 12, 0, 0)) {}

  now(): number {
    return this.t;
  }

  wallTime(): number {
    return this.startWall + this.t;
  }

  setTimer(fn: () => void, delayMs: number): TimerId {
    return this.timers.add(this.t + Math.max(0, delayMs), fn);
  }

  clearTimer(id: TimerId): void {
    this.timers.cancel(id);
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    this.timers.runDue(end, this.reached);
    this.t = end;
  }

  /** Simulated time of the earliest pending timer (a driver steps from timer to timer), or undefined. */
  nextDue(): number | undefined {
    return this.timers.nextAt();
  }

  /** Runs timers already due without moving time (what a real event loop does on its next turn). */
  flush(): void {
    this.advance(0);
  }

  pendingTimers(): number {
    return this.timers.size;
  }
}

/** What a ScaledClock needs from the real world; src/cli passes Date.now and setTimeout. */
export interface RealTime {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real time with every simulated duration divided by `speed`; can be paused and stepped. */
export class ScaledClock implements Clock {
  private readonly timers = new TimerQueue();
  private simAtBase = 0;
  private realAtBase: number;
  private isPaused = false;
  private pending: unknown = undefined;
  /** Simulated time the real timer is set for, so a later timer does not re-arm it. */
  private armedAt = Infinity;

  constructor(
    private readonly real: RealTime,
    private currentSpeed = 1,
  ) {
    if (!(currentSpeed > 0)) throw new RangeError(`speed must be a positive number, got ${currentSpeed}`);
    this.realAtBase = real.now();
  }

  now(): number {
    if (this.isPaused) return this.simAtBase;
    return this.simAtBase + (this.real.now() - this.realAtBase) * this.currentSpeed;
  }

  wallTime(): number {
    return this.real.now();
  }

  setTimer(fn: () => void, delayMs: number): TimerId {
    const at = this.now() + Math.max(0, delayMs);
    const id = this.timers.add(at, fn);
    if (at < this.armedAt) this.arm();
    return id;
  }

  clearTimer(id: TimerId): void {
    this.timers.cancel(id);
  }

  speed(): number {
    return this.currentSpeed;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be a positive number, got ${speed}`);
    this.rebase();
    this.currentSpeed = speed;
    this.arm();
  }

  paused(): boolean {
    return this.isPaused;
  }

  pause(): void {
    if (this.isPaused) return;
    this.rebase();
    this.isPaused = true;
    this.disarm();
  }

  resume(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.realAtBase = this.real.now();
    this.arm();
  }

  /** Jumps simulated time forward by `ms`, running what falls due. */
  step(ms: number): void {
    this.rebase();
    const end = this.simAtBase + ms;
    this.runDue(end);
    this.simAtBase = end;
    this.arm();
  }

  /** Stops the real timer; the clock can no longer fire. */
  stop(): void {
    this.isPaused = true;
    this.disarm();
  }

  private rebase(): void {
    this.simAtBase = this.now();
    this.realAtBase = this.real.now();
  }

  private runDue(until: number): void {
    this.timers.runDue(until);
  }

  private disarm(): void {
    if (this.pending !== undefined) this.real.clearTimeout(this.pending);
    this.pending = undefined;
    this.armedAt = Infinity;
  }

  private arm(): void {
    this.disarm();
    if (this.isPaused) return;
    const next = this.timers.nextAt();
    if (next === undefined) return;
    const realDelay = Math.max(0, (next - this.now()) / this.currentSpeed);
    this.armedAt = next;
    this.pending = this.real.setTimeout(() => {
      this.pending = undefined;
      this.armedAt = Infinity;
      this.runDue(this.now());
      this.arm();
    }, realDelay);
  }
}
