// The kubelet's back-off (client-go flowcontrol.Backoff) for crash loops and image pulls: 10 s doubling to
// 300 s. A key is "in back-off" until `backoff` has passed since its event; an entry idle for twice the
// maximum (10 min) starts over, which is why a container that ran 10 minutes restarts at once.

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  private expired(entry: Entry, eventTime: number): boolean {
    return eventTime - entry.lastUpdate > 2 * this.maxMs;
  }

  /** How much longer (ms) `key` must wait after an event at `eventTime`, seen at `now`; 0 when it may go. */
  remaining(key: string, eventTime: number, now: number): number {
    const entry = this.entries.get(key);
    if (!entry || this.expired(entry, eventTime)) return 0;
    return Math.max(0, eventTime + entry.backoffMs - now);
  }

  /** Records an event: the first (or after expiry) sets the initial back-off, later ones double it. */
  next(key: string, eventTime: number): number {
    const entry = this.entries.get(key);
    const backoffMs = !entry || this.expired(entry, eventTime) ? this.initialMs : Math.min(entry.backoffMs * 2, this.maxMs);
    this.entries.set(key, { backoffMs, lastUpdate: eventTime });
    return backoffMs;
  }

  current(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every key starting with `prefix` (a Pod that is gone). */
  forgetPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
