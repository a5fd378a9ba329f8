// The one throttle between the data (cluster cache, log buffers, UI state) and React. A change after a
// quiet moment is pushed at once (on the next microtask, so a synchronous burst of watch events becomes one
// frame); during a burst at most one push per interval follows. Urgent requests (cluster changes, keys)
// keep their own leading edge, so a streaming log pane never makes a saved manifest wait for its turn, and
// their own shorter interval: cluster changes a few tens of milliseconds apart (a Pod's status updates) each
// show at once instead of waiting out the 66 ms meant for log bursts; a storm of them still makes at most
// one frame per urgent interval (a frame costs ~10 ms of CPU at 160x50, so 25 ms keeps well under a core).

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class UpdateThrottle {
  private lastFlush = -Infinity;
  private lastUrgentFlush = -Infinity;
  private dirty = false;
  private urgentPending = false;
  private microtaskQueued = false;
  private timer: unknown = undefined;
  private timerDue = Infinity;
  private stopped = false;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs = 66,
    private readonly timers: Timers = realTimers,
    private readonly urgentIntervalMs = Math.min(intervalMs, 25),
  ) {}

  /** Something changed; `urgent` for cluster changes and keys, false for log lines and ticking ages. */
  request(urgent = true): void {
    if (this.stopped) return;
    this.dirty = true;
    if (urgent) this.urgentPending = true;
    if (this.microtaskQueued) return;
    const now = this.timers.now();
    const leading = now - this.lastFlush >= this.intervalMs || (urgent && now - this.lastUrgentFlush >= this.urgentIntervalMs);
    if (leading) {
      this.microtaskQueued = true;
      queueMicrotask(() => this.run());
      return;
    }
    const due = urgent ? Math.min(this.lastUrgentFlush + this.urgentIntervalMs, this.lastFlush + this.intervalMs) : this.lastFlush + this.intervalMs;
    if (due < this.timerDue) this.schedule(due, now);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(due: number, now: number): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      this.run();
    }, Math.max(0, due - now));
  }

  private run(): void {
    this.microtaskQueued = false;
    if (this.stopped || !this.dirty) return;
    const now = this.timers.now();
    this.lastFlush = now;
    if (this.urgentPending) this.lastUrgentFlush = now;
    this.dirty = false;
    this.urgentPending = false;
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
      this.timerDue = Infinity;
    }
    this.flush();
  }
}
