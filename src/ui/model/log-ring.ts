// A bounded log buffer: the newest `capacity` lines, addressed by an ever-growing sequence number so a
// scrolled-back view stays anchored while new lines push old ones out.

export interface LogEntry {
  container: string;
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export class LogRing {
  private readonly items: (LogEntry | undefined)[];
  /** Lines ever appended; the newest has sequence `appended - 1`. */
  private appended = 0;

  constructor(readonly capacity: number) {
    this.items = new Array(capacity);
  }

  push(entry: LogEntry): void {
    this.items[this.appended % this.capacity] = entry;
    this.appended++;
  }

  clear(): void {
    this.items.fill(undefined);
    this.appended = 0;
  }

  get size(): number {
    return Math.min(this.appended, this.capacity);
  }

  get total(): number {
    return this.appended;
  }

  /** The i-th kept line, 0 = oldest kept. */
  at(i: number): LogEntry {
    const first = this.appended - this.size;
    return this.items[(first + i) % this.capacity]!;
  }

  /** Lines [from, to) of the kept ones, oldest first. */
  slice(from: number, to: number): LogEntry[] {
    const out: LogEntry[] = [];
    const end = Math.min(to, this.size);
    for (let i = Math.max(0, from); i < end; i++) out.push(this.at(i));
    return out;
  }
}
