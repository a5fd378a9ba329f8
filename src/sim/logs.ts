// Container logs as the kubelet keeps them: one bounded buffer per container instance (the current one and
// the previous, for `--previous`), lines split from what the process writes, stamped with wall-clock time
// that never goes backwards within a container, and follow subscriptions that end when the container stops.

import type { LogLine, LogOptions, LogSink } from '../kube/cluster-source.js';
import { remember } from './kube-deps.js';

export const DEFAULT_LOG_LINES = 10_000;

/** Lines longer than this are rarely repeated: not worth a place in the intern table. */
const INTERN_MAX_LENGTH = 200;
const INTERN_MAX_ENTRIES = 4096;
/** A line is its own interned copy the first time it is seen. */
const itself = (text: string): string => text;
const interned = new Map<string, string>();

/**
 * One shared copy of a line that many containers write alike (an image's start-up lines, the same to the
 * second across thousands of Pods): a bounded table, emptied when full, so unique lines cannot grow it.
 */
function intern(text: string): string {
  return text.length > INTERN_MAX_LENGTH ? text : remember(interned, text, itself, INTERN_MAX_ENTRIES);
}

const BLOCK_MAX_LENGTH = 1000;
const BLOCK_MAX_ENTRIES = 512;
/** Whole-line writes already split: an image writes its start-up lines as one constant text, every time. */
const blocks = new Map<string, string[]>();

/** The interned lines of `text`, which ends with a newline; CR before LF dropped. */
function splitBlock(text: string): string[] {
  return remember(blocks, text, splitLines, BLOCK_MAX_ENTRIES);
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  for (let start = 0, newline = text.indexOf('\n'); newline >= 0; start = newline + 1, newline = text.indexOf('\n', start)) {
    lines.push(intern(text.slice(start, lineEnd(text, start, newline))));
  }
  return lines;
}

/** Where the line ending at `newline` ends without its CR. */
function lineEnd(text: string, start: number, newline: number): number {
  return newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
}

/** The first allocation of a buffer: most containers write a burst of start-up lines and little after. */
const FIRST_ALLOCATION = 24;

export class ContainerLog {
  // One ring buffer as parallel arrays, not an array of LogLine objects: 10,000 containers keep ~20 startup
  // lines each, and a packed double array holds the times unboxed. LogLine objects are made when read.
  // The arrays grow by doubling up to the capacity, from a first allocation sized for a start-up burst.
  private texts: string[] = [];
  /** Each line's time, negated for stderr lines: times are always > 0, so the sign is free to carry the stream. */
  private times: number[] = [];
  private count = 0;
  /** Index of the oldest line once the buffer wrapped. */
  private head = 0;
  private partialOut = '';
  private partialErr = '';
  private lastTime = 0;
  /** Created by the first follower: most containers are never followed. */
  private followers: Set<LogSink> | undefined;
  private stopped = false;

  constructor(
    private readonly wallTime: () => number,
    private readonly capacity = DEFAULT_LOG_LINES,
  ) {}

  get ended(): boolean {
    return this.stopped;
  }

  /** Text as a process wrote it: complete lines are stored, a trailing partial line waits for its newline. */
  write(stream: 'stdout' | 'stderr', text: string): void {
    if (this.stopped) return;
    const partial = stream === 'stderr' ? this.partialErr : this.partialOut;
    if (partial === '' && text.length <= BLOCK_MAX_LENGTH && text.charCodeAt(text.length - 1) === 10) {
      for (const line of splitBlock(text)) this.push(stream, line);
      return;
    }
    const all = partial === '' ? text : partial + text;
    let start = 0;
    for (let newline = all.indexOf('\n'); newline >= 0; newline = all.indexOf('\n', start)) {
      this.push(stream, intern(all.slice(start, lineEnd(all, start, newline))));
      start = newline + 1;
    }
    const rest = start === 0 ? all : all.slice(start);
    if (stream === 'stderr') this.partialErr = rest;
    else this.partialOut = rest;
  }

  /** The container stopped: flush partial lines and end every follower. */
  end(): void {
    if (this.stopped) return;
    if (this.partialOut) this.push('stdout', intern(this.partialOut));
    if (this.partialErr) this.push('stderr', intern(this.partialErr));
    this.partialOut = this.partialErr = '';
    this.stopped = true;
    if (this.followers) for (const sink of this.followers) sink.end();
    this.followers = undefined;
  }

  private push(stream: 'stdout' | 'stderr', text: string): void {
    let time = this.wallTime();
    // Monotonic within a container, microsecond steps, like the runtime's nanosecond stamps.
    if (time <= this.lastTime) time = this.lastTime + 0.001;
    this.lastTime = time;
    let at: number;
    if (this.count < this.capacity) {
      if (this.count === this.texts.length) this.grow();
      at = this.count++;
    } else {
      at = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    this.texts[at] = text;
    this.times[at] = stream === 'stderr' ? -time : time;
    if (this.followers) {
      const entry: LogLine = { time, stream, text };
      for (const sink of this.followers) sink.line(entry);
    }
  }

  private grow(): void {
    const size = Math.min(this.capacity, Math.max(FIRST_ALLOCATION, this.count * 2));
    const texts = new Array<string>(size);
    const times = new Array<number>(size);
    for (let i = 0; i < this.count; i++) {
      texts[i] = this.texts[i]!;
      times[i] = this.times[i]!;
    }
    this.texts = texts;
    this.times = times;
  }

  /** Lines in order, oldest first. */
  all(): LogLine[] {
    const out: LogLine[] = [];
    const n = this.count;
    for (let k = 0; k < n; k++) {
      const i = (this.head + k) % n;
      const time = this.times[i]!;
      out.push(time < 0 ? { time: -time, stream: 'stderr', text: this.texts[i]! } : { time, stream: 'stdout', text: this.texts[i]! });
    }
    return out;
  }

  /** Sends the backlog selected by `options`, then (follow, still running) new lines until the end. */
  read(options: LogOptions, sink: LogSink, nowWall: number): () => void {
    let lines = this.all();
    const since = options.sinceTime ? Date.parse(options.sinceTime) : options.sinceSeconds !== undefined ? nowWall - options.sinceSeconds * 1000 : undefined;
    if (since !== undefined) lines = lines.filter((l) => l.time >= since);
    if (options.tailLines !== undefined && options.tailLines >= 0) lines = options.tailLines === 0 ? [] : lines.slice(-options.tailLines);
    let budget = options.limitBytes ?? Infinity;
    const emit = (line: LogLine): boolean => {
      if (budget <= 0) return false;
      const bytes = Buffer.byteLength(line.text) + 1;
      if (bytes > budget) {
        sink.line({ ...line, text: Buffer.from(line.text).subarray(0, budget).toString() });
        budget = 0;
        return false;
      }
      budget -= bytes;
      sink.line(line);
      return true;
    };
    for (const line of lines) if (!emit(line)) break;
    if (!options.follow || this.stopped || budget <= 0) {
      sink.end();
      return () => {};
    }
    const follower: LogSink = {
      line: (line) => {
        if (!emit(line)) {
          this.followers?.delete(follower);
          sink.end();
        }
      },
      end: () => sink.end(),
    };
    (this.followers ??= new Set()).add(follower);
    return () => {
      this.followers?.delete(follower);
    };
  }
}

/**
 * Per Pod uid, its containers' current instances as a list (a Pod has a few containers), each with the
 * instance before it: no key string and no slot object per container, the Pod's uid is the only key.
 */
export class LogStore {
  private readonly pods = new Map<string, LogEntry>();

  constructor(
    private readonly wallTime: () => number,
    private readonly capacity = DEFAULT_LOG_LINES,
  ) {}

  /** A container (re)starts: the current instance becomes the previous one. */
  startInstance(podUid: string, container: string): ContainerLog {
    const log = new ContainerLog(this.wallTime, this.capacity);
    let before: LogEntry | undefined;
    for (let entry = this.pods.get(podUid); entry; before = entry, entry = entry.next) {
      if (entry.container !== container) continue;
      entry.current.end();
      entry.previous = entry.current;
      entry.current = log;
      return log;
    }
    const entry: LogEntry = { container, current: log, previous: undefined, next: undefined };
    if (before) before.next = entry;
    else this.pods.set(podUid, entry);
    return log;
  }

  current(podUid: string, container: string): ContainerLog | undefined {
    return this.entry(podUid, container)?.current;
  }

  previous(podUid: string, container: string): ContainerLog | undefined {
    return this.entry(podUid, container)?.previous;
  }

  /** The Pod is gone: end its followers and free its buffers. */
  forgetPod(podUid: string, containers: string[]): void {
    let first = this.pods.get(podUid);
    for (let entry = first, before: LogEntry | undefined; entry; entry = entry.next) {
      if (!containers.includes(entry.container)) {
        before = entry;
        continue;
      }
      entry.current.end();
      if (before) before.next = entry.next;
      else first = entry.next;
    }
    if (first) this.pods.set(podUid, first);
    else this.pods.delete(podUid);
  }

  private entry(podUid: string, container: string): LogEntry | undefined {
    for (let entry = this.pods.get(podUid); entry; entry = entry.next) if (entry.container === container) return entry;
    return undefined;
  }
}

/** One container of a Pod in the LogStore: its current and previous instance, and the Pod's next container. */
interface LogEntry {
  readonly container: string;
  current: ContainerLog;
  previous: ContainerLog | undefined;
  next: LogEntry | undefined;
}
