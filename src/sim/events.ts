// Event objects as the kubelet, scheduler and controllers record them (core/v1 Event, what `kubectl describe`
// and `kubectl get events` read). Repeats of the same event are aggregated into one object with a growing
// count and lastTimestamp, as client-go's event correlator does. Events are bounded: older than an hour
// (the API server's event TTL) or beyond `maxEvents`, the oldest go.
//
// A busy cluster records five Events per Pod and reads few of them, so the recorder keeps each one as a
// RecordedEvent (one object, no strings of its own) and the store reads Events through it (a CompactKind):
// the JSON object, with its name, uid and timestamps, is made only when someone lists, gets or watches.

import type { WatchEventType } from '../kube/cluster-source.js';
import type { KubeEvent, KubeObject } from '../kube/types.js';
import type { Clock } from './clock.js';
import { deepFreeze } from './deep-freeze.js';
import { derivedUid } from './random.js';
import { isoSeconds, type CompactKind, type CompactObject, type ObjectStore } from './store.js';

export interface EventSource {
  component: string;
  /** The node, for kubelet events. */
  host?: string;
  /** reportingInstance; defaults to the host. */
  instance?: string;
}

/**
 * A message made of pieces (a Pod's name, a node's), as one flat string: a template literal would keep each
 * piece and a link per piece for as long as the Event lives (ten thousand of them).
 */
export function eventText(...pieces: string[]): string {
  return pieces.join('');
}

/** A component's source on one host, made once (a kubelet's per node): events take it as their `source` as is. */
export function hostSource(component: string, host: string): EventSource {
  return Object.freeze({ component, host });
}

export interface EventRecorderOptions {
  maxEvents?: number;
  ttlMs?: number;
  /** The cluster's seed: Event uids are drawn from it and the Event's first resourceVersion. */
  seed?: number;
}

type ObjectReference = KubeEvent['involvedObject'];
type Source = NonNullable<KubeEvent['source']>;

/**
 * One version of one Event. Immutable but for the recorder's bookkeeping (the chain, and what became of it):
 * a repeat is a new version, so a watch replaying the window sees each version as it was.
 */
class RecordedEvent implements CompactObject {
  /** The involved object's next event, oldest first: a short chain per object (no list per object to grow). */
  next: RecordedEvent | undefined = undefined;
  /** The version that counted a repeat into this one. */
  replacedBy: RecordedEvent | undefined = undefined;
  /** Gone: dropped, expired, or deleted through the API. */
  removed = false;

  constructor(
    private readonly recorder: EventRecorder,
    /** This version's resourceVersion. */
    readonly rv: number,
    /** The first version's: the uid is drawn from it. */
    readonly serial: number,
    /** The name's counter within its millisecond. */
    readonly seq: number,
    readonly involvedObject: ObjectReference,
    readonly reason: string,
    readonly message: string,
    readonly type: 'Normal' | 'Warning',
    readonly source: Source,
    readonly instance: string,
    /** Wall-clock ms since the recorder's start (a small integer, no heap number): first and latest occurrence. */
    readonly firstWall: number,
    readonly lastWall: number,
    readonly count: number,
    /** The latest occurrence on the simulated clock, for the TTL. */
    readonly lastAt: number,
  ) {}

  get kind(): string {
    return 'Event';
  }

  get namespace(): string {
    return this.involvedObject.namespace ?? 'default';
  }

  /**
   * `<object>.<16 hex digits>` growing with time, like the real `<name>.<unix nanos in hex>`: here the
   * milliseconds in hex and a per-millisecond counter, which keeps names unique without BigInt.
   */
  get name(): string {
    return `${this.involvedObject.name}.${(this.recorder.wallBase + this.firstWall).toString(16)}${this.seq.toString(16).padStart(5, '0')}`;
  }

  /** The same Event once more, now. */
  repeated(rv: number, wall: number, at: number): RecordedEvent {
    const { serial, seq, involvedObject, reason, message, type, source, instance, firstWall } = this;
    return new RecordedEvent(this.recorder, rv, serial, seq, involvedObject, reason, message, type, source, instance, firstWall, wall, this.count + 1, at);
  }

  json(): KubeEvent {
    const base = this.recorder.wallBase;
    const first = isoSeconds(base + this.firstWall);
    return deepFreeze({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.name, namespace: this.namespace, uid: derivedUid(this.recorder.seed, this.serial), resourceVersion: String(this.rv), creationTimestamp: first },
      involvedObject: this.involvedObject,
      reason: this.reason,
      message: this.message,
      source: this.source,
      firstTimestamp: first,
      lastTimestamp: isoSeconds(base + this.lastWall),
      count: this.count,
      type: this.type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.instance,
    });
  }
}

export class EventRecorder implements CompactKind {
  /**
   * By involved object's uid, its first event (the rest follow in a chain): a short scan, which spares every
   * event a long key string (the uid strings are the objects' own, hashed once).
   */
  private readonly byUid = new Map<string, RecordedEvent>();
  /** By first occurrence, oldest first; an entry stands for its latest version, and is stale once removed. */
  private readonly order: RecordedEvent[] = [];
  private orderStart = 0;
  private live = 0;
  private lastMs = NaN;
  private sameMs = 0;
  private readonly maxEvents: number;
  private readonly ttlMs: number;
  /** Wall-clock ms when the recorder started: events keep their times relative to it. */
  readonly wallBase: number;
  readonly seed: number;
  /** False turns recording off (benchmarks of the bare machinery). */
  enabled = true;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    options: EventRecorderOptions = {},
  ) {
    this.maxEvents = options.maxEvents ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.seed = options.seed ?? 0;
    this.wallBase = Math.floor(clock.wallTime());
    store.attach('Event', this);
  }

  record(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    if (!this.enabled) return;
    const meta = involved.metadata;
    const uid = meta.uid ?? '';
    const host = source.host ?? '';
    const component = source.component;
    const at = this.clock.now();
    const wall = Math.floor(this.clock.wallTime()) - this.wallBase;
    this.expire(at);
    // The object's earlier events: a repeat to count, and an involvedObject to share (a kubelet reports
    // Pulled, Created and Started for one container of one Pod version: one reference serves all three).
    let involvedObject: ObjectReference | undefined;
    let last: RecordedEvent | undefined;
    for (let seen = this.byUid.get(uid), before: RecordedEvent | undefined; seen; before = seen, seen = seen.next) {
      last = seen;
      const ref = seen.involvedObject;
      if (ref.resourceVersion === meta.resourceVersion && ref.fieldPath === fieldPath && ref.kind === involved.kind) involvedObject = ref;
      if (seen.reason !== reason || seen.message !== message || (ref.fieldPath ?? '') !== (fieldPath ?? '') || seen.source.component !== component || (seen.source.host ?? '') !== host) continue;
      const repeat = seen.repeated(this.store.takeResourceVersion(), wall, at);
      repeat.next = seen.next;
      seen.next = undefined;
      seen.replacedBy = repeat;
      if (before) before.next = repeat;
      else this.byUid.set(uid, repeat);
      this.store.publishCompact('MODIFIED', repeat, repeat.rv);
      return;
    }
    involvedObject ??= objectReference(involved, fieldPath);
    const rv = this.store.takeResourceVersion();
    const recorded = new RecordedEvent(this, rv, rv, this.nameSeq(wall), involvedObject, reason, message, type, this.sourceObject(source, component, host), source.instance ?? host, wall, wall, 1, at);
    if (last) last.next = recorded;
    else this.byUid.set(uid, recorded);
    this.order.push(recorded);
    this.live++;
    this.store.publishCompact('ADDED', recorded, rv);
    while (this.live > this.maxEvents) this.remove(this.oldest()!, 'DELETED');
    this.compact();
  }

  // CompactKind: the store's reads of Events.

  get size(): number {
    return this.live;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.find(namespace, name)?.json();
  }

  list(namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    this.each((e) => {
      if (namespace === undefined || e.namespace === namespace) out.push(e.json());
    });
    return out;
  }

  take(namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.find(namespace, name);
    if (!found) return undefined;
    this.remove(found, undefined);
    return found.json();
  }

  /** Every live Event's latest version, oldest first. */
  private each(visit: (e: RecordedEvent) => void): void {
    for (let i = this.orderStart; i < this.order.length; i++) {
      const e = latest(this.order[i]!);
      if (!e.removed) visit(e);
    }
  }

  /** By name: a scan, since names are made when read (gets of single Events are rare: `kubectl get event NAME`). */
  private find(namespace: string | undefined, name: string): RecordedEvent | undefined {
    let found: RecordedEvent | undefined;
    this.each((e) => {
      if (!found && e.namespace === (namespace ?? 'default') && name.startsWith(e.involvedObject.name ?? '') && e.name === name) found = e;
    });
    return found;
  }

  /**
   * An Event's `source`: the same few (component, host) pairs for every event, so one frozen object each. A
   * source made by hostSource is that object already.
   */
  private sourceObject(given: EventSource, component: string, host: string): Source {
    if (host && given.instance === undefined && Object.isFrozen(given)) return given;
    let byHost = this.sources.get(component);
    if (!byHost) this.sources.set(component, (byHost = new Map()));
    let found = byHost.get(host);
    if (!found) byHost.set(host, (found = Object.freeze(host ? { component, host } : { component })));
    return found;
  }
  /** By component, then host (no key string per event). */
  private readonly sources = new Map<string, Map<string, Source>>();

  /** The oldest live Event, with the queue's stale entries before it dropped. */
  private oldest(): RecordedEvent | undefined {
    while (this.orderStart < this.order.length) {
      const e = latest(this.order[this.orderStart]!);
      if (!e.removed) return e;
      this.orderStart++;
    }
    return undefined;
  }

  /** Forget events of an object that is gone (the API server keeps them until their TTL; so do we). */
  private expire(now: number): void {
    const cutoff = now - this.ttlMs;
    for (let e = this.oldest(); e && e.lastAt < cutoff; e = this.oldest()) this.remove(e, 'DELETED');
  }

  /** Takes an Event out of its object's chain; `publish` it as deleted (not when the store takes it itself). */
  private remove(e: RecordedEvent, publish: WatchEventType | undefined): void {
    const uid = e.involvedObject.uid ?? '';
    const first = this.byUid.get(uid);
    if (first === e) {
      if (e.next) this.byUid.set(uid, e.next);
      else this.byUid.delete(uid);
    } else {
      let before = first;
      while (before && before.next !== e) before = before.next;
      if (before) before.next = e.next;
    }
    e.next = undefined;
    e.removed = true;
    this.live--;
    if (publish) this.store.publishCompact(publish, e, this.store.takeResourceVersion());
  }

  private compact(): void {
    if (this.orderStart > 1024 && this.orderStart * 2 > this.order.length) {
      this.order.copyWithin(0, this.orderStart);
      this.order.length -= this.orderStart;
      this.orderStart = 0;
    }
  }

  /** The counter that keeps names made in the same millisecond apart. */
  private nameSeq(wall: number): number {
    if (wall === this.lastMs) return ++this.sameMs;
    this.lastMs = wall;
    return (this.sameMs = 0);
  }
}

/** The version that stands for an Event now (its queue entry is the first). */
function latest(e: RecordedEvent): RecordedEvent {
  while (e.replacedBy) e = e.replacedBy;
  return e;
}

/** An Event's involvedObject, in one literal per shape (namespaced or not, with a fieldPath or not). */
function objectReference(involved: KubeObject, fieldPath: string | undefined): ObjectReference {
  const { kind, apiVersion, metadata: meta } = involved;
  const name = meta.name ?? '';
  const { namespace, uid, resourceVersion } = meta;
  if (namespace) {
    return fieldPath ? { kind, name, namespace, uid, apiVersion, resourceVersion, fieldPath } : { kind, name, namespace, uid, apiVersion, resourceVersion };
  }
  return fieldPath ? { kind, name, uid, apiVersion, resourceVersion, fieldPath } : { kind, name, uid, apiVersion, resourceVersion };
}
