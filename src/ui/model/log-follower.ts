// Live logs of the selected Pod: one `source.logs(..., {follow: true})` stream per container, feeding one
// bounded ring (entries carry their container, so the all-containers view and a single container's view
// are both filters of it). A container that restarts ends its stream; `sync` starts a stream for the new
// instance when the Pod shows one. Lines never go into React state one at a time: `onLines` only asks
// the throttle for a frame.

import type { ClusterSource, Unsubscribe } from '../../kube/cluster-source.js';
import type { ContainerStatus, Pod } from '../../kube/types.js';
import { LogRing, type LogEntry } from './log-ring.js';

export const LOG_CAPACITY = 5000;

interface Stream {
  /** Which instance this stream reads: restartCount plus start time. */
  instance: string;
  ended: boolean;
  /** The source refused the stream (nothing to read yet). */
  failed?: boolean;
  unsubscribe?: Unsubscribe;
  cancelled: boolean;
}

export interface LogTarget {
  namespace: string;
  pod: string;
  previous: boolean;
}

export class LogFollower {
  readonly ring = new LogRing(LOG_CAPACITY);
  private target: LogTarget | undefined;
  private readonly streams = new Map<string, Stream>();
  /** Why a container has no lines (waiting to start, no previous instance): the API's message. */
  readonly notices = new Map<string, string>();
  /** Bumped on every change, for views that memoise. */
  version = 0;

  constructor(
    private readonly source: ClusterSource,
    private readonly onLines: () => void,
  ) {}

  get current(): LogTarget | undefined {
    return this.target;
  }

  /** Follows `pod` (or nothing). Called on selection changes and on every change of the selected Pod. */
  sync(pod: Pod | undefined, previous: boolean): void {
    const target = pod ? { namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name ?? '', previous } : undefined;
    if (!sameTarget(target, this.target)) {
      this.stopAll();
      this.ring.clear();
      this.notices.clear();
      this.target = target;
      this.version++;
      this.onLines();
    }
    if (!pod || !target) return;
    for (const c of containerNames(pod)) {
      const status = containerStatus(pod, c);
      const instance = instanceOf(status, previous);
      const existing = this.streams.get(c);
      if (existing && existing.instance === instance) continue;
      // A waiting container whose last instance's lines are already here (or still arriving) keeps them
      // until the next instance starts; only a refused stream is asked again, for the API's current words.
      if (existing && !existing.failed && instance.includes(':waiting:')) continue;
      if (existing) this.stop(existing);
      this.open(target, c, instance);
    }
  }

  private open(target: LogTarget, container: string, instance: string): void {
    const stream: Stream = { instance, ended: false, cancelled: false };
    this.streams.set(container, stream);
    const sink = {
      line: (l: { time: number; stream: 'stdout' | 'stderr'; text: string }) => {
        if (stream.cancelled) return;
        const entry: LogEntry = { container, time: l.time, stream: l.stream, text: l.text };
        this.ring.push(entry);
        this.version++;
        this.onLines();
      },
      end: () => {
        stream.ended = true;
      },
    };
    this.notices.delete(container);
    this.source
      .logs(
        { namespace: target.namespace, pod: target.pod, container },
        { follow: !target.previous, previous: target.previous, tailLines: LOG_CAPACITY },
        sink,
      )
      .then(
        (unsubscribe) => {
          if (stream.cancelled) unsubscribe();
          else stream.unsubscribe = unsubscribe;
        },
        (err: unknown) => {
          if (stream.cancelled) return;
          // Tried again when the container shows another instance; the API's reason is shown meanwhile.
          stream.ended = true;
          stream.failed = true;
          this.notices.set(container, errorMessage(err));
          this.version++;
          this.onLines();
        },
      );
  }

  private stop(stream: Stream): void {
    stream.cancelled = true;
    stream.unsubscribe?.();
  }

  stopAll(): void {
    for (const s of this.streams.values()) this.stop(s);
    this.streams.clear();
  }

  /** How many kept lines belong to one container (or all). */
  count(container: string | undefined): number {
    if (container === undefined) return this.ring.size;
    let n = 0;
    for (let i = 0; i < this.ring.size; i++) if (this.ring.at(i).container === container) n++;
    return n;
  }

  /** The newest `count` lines of a container (or all) after skipping the newest `skip`, oldest first; no copy of the rest. */
  tail(container: string | undefined, skip: number, count: number): LogEntry[] {
    const out: LogEntry[] = [];
    let skipped = 0;
    for (let i = this.ring.size - 1; i >= 0 && out.length < count; i--) {
      const e = this.ring.at(i);
      if (container !== undefined && e.container !== container) continue;
      if (skipped < skip) {
        skipped++;
        continue;
      }
      out.push(e);
    }
    return out.reverse();
  }

  /** Lines of one container (or all), oldest first. */
  entries(container: string | undefined): LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = 0; i < this.ring.size; i++) {
      const e = this.ring.at(i);
      if (container === undefined || e.container === container) out.push(e);
    }
    return out;
  }
}

function sameTarget(a: LogTarget | undefined, b: LogTarget | undefined): boolean {
  if (!a || !b) return a === b;
  return a.namespace === b.namespace && a.pod === b.pod && a.previous === b.previous;
}

export function containerNames(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []).map((c) => c.name), ...(pod.spec?.containers ?? []).map((c) => c.name)];
}

function containerStatus(pod: Pod, name: string): ContainerStatus | undefined {
  return (
    pod.status?.containerStatuses?.find((s) => s.name === name) ??
    pod.status?.initContainerStatuses?.find((s) => s.name === name)
  );
}

function instanceOf(status: ContainerStatus | undefined, previous: boolean): string {
  if (!status) return 'none';
  if (previous) return `prev:${status.restartCount}`;
  const started = status.state?.running?.startedAt ?? status.state?.terminated?.startedAt;
  // A waiting container is tried again when its reason changes (ContainerCreating → ImagePullBackOff),
  // so the notice shows the API's current words.
  return started ? `${status.restartCount}:${started}` : `${status.restartCount}:waiting:${status.state?.waiting?.reason ?? ''}`;
}

function errorMessage(err: unknown): string {
  if (err && typeof err === 'object') {
    const status = (err as { status?: { message?: string } }).status;
    if (status?.message) return status.message;
    if (err instanceof Error) return err.message;
  }
  return String(err);
}
