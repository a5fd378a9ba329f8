// Container logs as the kubelet keeps them: one bounded buffer per container instance (the current one and
// the previous, for `--previous`), lines split from what the process writes, stamped with wall-clock time
// that never goes backwards within a container, and follow subscriptions that end when the container stops.

import type { LogLine, LogOptions, LogSink } from '../kube/cluster-source.js';

export const DEFAULT_LOG_LINES = 10_000;

export class ContainerLog {
  // One ring buffer as parallel arrays, not an array of LogLine objects: 10,000 containers keep ~20 startup
  // lines each, and a packed double array holds the times unboxed. LogLine objects are made when read.
  private readonly texts: string[] = [];
  private readonly times: number[] = [];
  /** Indices (into the ring) of stderr lines; most containers write none. */
  private stderrAt: Set<number> | undefined;
  /** Index of the oldest line once the buffer wrapped. */
  private head = 0;
  private readonly partial = { stdout: '', stderr: '' };
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
    const parts = (this.partial[stream] + text).split('\n');
    this.partial[stream] = parts.pop()!;
    for (const part of parts) this.push(stream, part.endsWith('\r') ? part.slice(0, -1) : part);
  }

  /** The container stopped: flush partial lines and end every follower. */
  end(): void {
    if (this.stopped) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream]) this.push(stream, this.partial[stream]);
      this.partial[stream] = '';
    }
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
    if (this.texts.length < this.capacity) {
      at = this.texts.length;
      this.texts.push(text);
      this.times.push(time);
    } else {
      at = this.head;
      this.texts[at] = text;
      this.times[at] = time;
      this.head = (this.head + 1) % this.capacity;
    }
    if (stream === 'stderr') (this.stderrAt ??= new Set()).add(at);
    else this.stderrAt?.delete(at);
    if (this.followers) {
      const line: LogLine = { time, stream, text };
      for (const sink of this.followers) sink.line(line);
    }
  }

  /** Lines in order, oldest first. */
  all(): LogLine[] {
    const out: LogLine[] = [];
    const n = this.texts.length;
    for (let k = 0; k < n; k++) {
      const i = (this.head + k) % n;
      out.push({ time: this.times[i]!, stream: this.stderrAt?.has(i) ? 'stderr' : 'stdout', text: this.texts[i]! });
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

/** A flat key (join): a template literal would stay a tree of cons cells for the Pod's lifetime. */
function instanceKey(podUid: string, container: string): string {
  return [podUid, container].join('/');
}

/** Per Pod uid and container name: the current instance and the one before it. */
export class LogStore {
  private readonly instances = new Map<string, { current?: ContainerLog; previous?: ContainerLog }>();

  constructor(
    private readonly wallTime: () => number,
    private readonly capacity = DEFAULT_LOG_LINES,
  ) {}

  /** A container (re)starts: the current instance becomes the previous one. */
  startInstance(podUid: string, container: string): ContainerLog {
    const key = instanceKey(podUid, container);
    const slot = this.instances.get(key) ?? {};
    if (slot.current) {
      slot.current.end();
      slot.previous = slot.current;
    }
    slot.current = new ContainerLog(this.wallTime, this.capacity);
    this.instances.set(key, slot);
    return slot.current;
  }

  current(podUid: string, container: string): ContainerLog | undefined {
    return this.instances.get(instanceKey(podUid, container))?.current;
  }

  previous(podUid: string, container: string): ContainerLog | undefined {
    return this.instances.get(instanceKey(podUid, container))?.previous;
  }

  /** The Pod is gone: end its followers and free its buffers. */
  forgetPod(podUid: string, containers: string[]): void {
    for (const c of containers) {
      const key = instanceKey(podUid, c);
      this.instances.get(key)?.current?.end();
      this.instances.delete(key);
    }
  }
}
