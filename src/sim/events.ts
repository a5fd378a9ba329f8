// Event objects as the kubelet, scheduler and controllers record them (core/v1 Event, what `kubectl describe`
// and `kubectl get events` read). Repeats of the same event are aggregated into one object with a growing
// count and lastTimestamp, as client-go's event correlator does. Events are bounded: an hour after its latest
// write an Event goes (the API server's event TTL), and beyond `maxEvents` the one written longest ago goes.
//
// A busy cluster records five Events per Pod and reads few of them, so the recorder keeps each one as a
// RecordedEvent (one object, no strings of its own) and the store reads Events through it (a CompactKind):
// the JSON object, with its name, uid and timestamps, is made only when someone lists, gets or watches.

import type { WatchEventType } from '../kube/cluster-source.js';
import type { KubeEvent, KubeObject } from '../kube/types.js';
import type { Clock, TimerId } from './clock.js';
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

/** What a RecordedEvent is now: the Event's current version, a version of the past, or deleted by a user. */
type EventState = 0 | 1 | 2;
const LIVE: EventState = 0;
const GONE: EventState = 1;
const DELETED: EventState = 2;

/**
 * One version of one Event. Immutable but for the recorder's bookkeeping (the chain, and its state): a repeat
 * is a new version, so a watch replaying the window sees each version as it was.
 */
class RecordedEvent implements CompactObject {
  /** The involved object's next event, oldest first: a short chain per object (no list per object to grow). */
  next: RecordedEvent | undefined = undefined;
  /** LIVE: the Event's current version; GONE once a repeat or an edit replaced it, or it went; DELETED: see take. */
  state: EventState = LIVE;

  constructor(
    private readonly recorder: EventRecorder,
    /** This version's resourceVersion. */
    readonly rv: number,
    /** The resourceVersion the Event was created with: its uid is drawn from it, and a user's edit kept under it. */
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
    /** The latest write on the simulated clock: the TTL runs from it, as the API server renews it on each write. */
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

  /**
   * The next version: the same Event once more (`wall` is now), or written again (an edit: `wall` unchanged).
   * `serial` is the first version's, unless the Event is made anew (after a delete: a new object, a new uid).
   */
  nextVersion(rv: number, wall: number, count: number, at: number, serial = this.serial): RecordedEvent {
    const { seq, involvedObject, reason, message, type, source, instance, firstWall } = this;
    return new RecordedEvent(this.recorder, rv, serial, seq, involvedObject, reason, message, type, source, instance, firstWall, wall, count, at);
  }

  json(): KubeEvent {
    const base = this.recorder.wallBase;
    const first = isoSeconds(base + this.firstWall);
    const metadata = { name: this.name, namespace: this.namespace, uid: derivedUid(this.recorder.seed, this.serial), resourceVersion: String(this.rv), creationTimestamp: first };
    const lastTimestamp = isoSeconds(base + this.lastWall);
    const edit = this.recorder.editOf(this.serial);
    // A user's edit (a label, an annotation) stays; the recorder's count and time go on over it, as the
    // kubelet's patches of count and lastTimestamp do.
    if (edit) return deepFreeze({ ...edit, metadata: { ...edit.metadata, ...metadata }, count: this.count, lastTimestamp });
    return deepFreeze({
      apiVersion: 'v1',
      kind: 'Event',
      metadata,
      involvedObject: this.involvedObject,
      reason: this.reason,
      message: this.message,
      source: this.source,
      firstTimestamp: first,
      lastTimestamp,
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
   * By involved object's uid, its first event (the rest follow in a chain): a short scan, with no key string
   * per event (the uid strings are the objects' own, hashed once).
   */
  private readonly byUid = new Map<string, RecordedEvent>();
  /**
   * Versions by their write, oldest first: the live ones are the Events by their latest write (the TTL's order,
   * and the cap's). A version stays behind as a stale entry when a later one replaces it, until the front
   * passes it or stale entries outnumber live ones.
   */
  private order: RecordedEvent[] = [];
  private orderStart = 0;
  private stale = 0;
  private live = 0;
  private lastMs = NaN;
  private sameMs = 0;
  private expiry: TimerId | undefined;
  /** Users' edits of Events, by the Event's serial: rare, so kept aside rather than in a field of every Event. */
  private readonly edits = new Map<number, KubeEvent>();
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
    // The object's earlier events: a repeat to count, and an involvedObject to share (a kubelet reports
    // Pulled, Created and Started for one container of one Pod version: one reference serves all three).
    let involvedObject: ObjectReference | undefined;
    let last: RecordedEvent | undefined;
    for (let seen = this.byUid.get(uid), before: RecordedEvent | undefined; seen; before = seen, seen = seen.next) {
      last = seen;
      const ref = seen.involvedObject;
      if (ref.resourceVersion === meta.resourceVersion && ref.fieldPath === fieldPath && ref.kind === involved.kind) involvedObject = ref;
      if (seen.reason !== reason || seen.message !== message || (ref.fieldPath ?? '') !== (fieldPath ?? '') || seen.source.component !== component || (seen.source.host ?? '') !== host) continue;
      const rv = this.store.takeResourceVersion();
      if (seen.state === DELETED) {
        // Deleted through the API: client-go's patch finds no Event, so it creates it again under its name,
        // with the count and first time its correlator kept.
        const again = seen.nextVersion(rv, wall, seen.count + 1, at, rv);
        this.replaceInChain(seen, again, before);
        seen.state = GONE;
        this.add(again, at);
        return;
      }
      const repeat = seen.nextVersion(rv, wall, seen.count + 1, at);
      this.supersede(seen, repeat, before);
      this.store.publishCompact('MODIFIED', repeat, rv);
      return;
    }
    involvedObject ??= objectReference(involved, fieldPath);
    const rv = this.store.takeResourceVersion();
    const recorded = new RecordedEvent(this, rv, rv, this.nameSeq(wall), involvedObject, reason, message, type, this.sourceObject(source, component, host), source.instance ?? host, wall, wall, 1, at);
    if (last) last.next = recorded;
    else this.byUid.set(uid, recorded);
    this.add(recorded, at);
  }

  /** A new Event (already in its object's chain): queued, published; past the cap the one written longest ago goes. */
  private add(e: RecordedEvent, at: number): void {
    this.order.push(e);
    this.live++;
    this.store.publishCompact('ADDED', e, e.rv);
    while (this.live > this.maxEvents) this.remove(this.oldest()!, 'DELETED');
    this.compact();
    this.armExpiry(at);
  }

  // CompactKind: the store's reads and the API's writes of Events.

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

  /**
   * The API deletes an Event. The kubelet's correlator still remembers it, so it stays in its object's chain
   * (DELETED, no longer listed) until its place in the queue is passed: a repeat meanwhile makes it anew.
   */
  take(namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.find(namespace, name);
    if (!found) return undefined;
    const last = found.json();
    found.state = DELETED;
    this.stale++;
    this.live--;
    if (this.edits.size) this.edits.delete(found.serial);
    return last;
  }

  update(replacement: KubeObject, rv: number): RecordedEvent | undefined {
    const found = this.find(replacement.metadata.namespace, replacement.metadata.name ?? '');
    if (!found) return undefined;
    this.edits.set(found.serial, replacement as KubeEvent);
    const edited = found.nextVersion(rv, found.lastWall, found.count, this.clock.now());
    this.supersede(found, edited);
    this.armExpiry(edited.lastAt);
    return edited;
  }

  /** A user's edit of the Event `serial`, if any. */
  editOf(serial: number): KubeEvent | undefined {
    return this.edits.size ? this.edits.get(serial) : undefined;
  }

  /** `next` takes `old`'s place in its object's chain and goes to the back of the queue (written last). */
  private supersede(old: RecordedEvent, next: RecordedEvent, before?: RecordedEvent): void {
    this.replaceInChain(old, next, before);
    old.state = GONE;
    this.stale++;
    this.order.push(next);
    this.compact();
  }

  /** `next` takes `old`'s place in its object's chain; `before` is the Event ahead of `old`, when the caller knows it. */
  private replaceInChain(old: RecordedEvent, next: RecordedEvent, before?: RecordedEvent): void {
    const uid = old.involvedObject.uid ?? '';
    if (!before) for (let e = this.byUid.get(uid); e && e !== old; e = e.next) before = e;
    next.next = old.next;
    old.next = undefined;
    if (before) before.next = next;
    else this.byUid.set(uid, next);
  }

  /** Every live Event, by its latest write. */
  private each(visit: (e: RecordedEvent) => void): void {
    for (let i = this.orderStart; i < this.order.length; i++) {
      const e = this.order[i]!;
      if (e.state === LIVE) visit(e);
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

  /** The live Event written longest ago, with the stale entries before it passed (a deleted one is forgotten then). */
  private oldest(): RecordedEvent | undefined {
    while (this.orderStart < this.order.length) {
      const e = this.order[this.orderStart]!;
      if (e.state === LIVE) return e;
      if (e.state === DELETED) this.unlink(e);
      this.orderStart++;
      this.stale--;
    }
    return undefined;
  }

  /**
   * The API server's TTL: an Event goes an hour after its latest write, whether or not anything else happens
   * (one timer, for the Event written longest ago).
   */
  private armExpiry(now: number): void {
    if (this.expiry !== undefined) return;
    const first = this.oldest();
    if (!first) return;
    this.expiry = this.clock.setTimer(() => {
      this.expiry = undefined;
      const at = this.clock.now();
      this.expire(at);
      this.armExpiry(at);
    }, Math.max(0, first.lastAt + this.ttlMs - now));
  }

  private expire(now: number): void {
    const cutoff = now - this.ttlMs;
    for (let e = this.oldest(); e && e.lastAt <= cutoff; e = this.oldest()) this.remove(e, 'DELETED');
    this.compact();
  }

  /** Stops the expiry timer (the cluster is closing). */
  stop(): void {
    if (this.expiry !== undefined) this.clock.clearTimer(this.expiry);
    this.expiry = undefined;
  }

  /** An Event goes (the cap, the TTL): out of its object's chain, published as deleted. */
  private remove(e: RecordedEvent, publish: WatchEventType): void {
    this.unlink(e);
    this.stale++;
    this.live--;
    if (this.edits.size) this.edits.delete(e.serial);
    this.store.publishCompact(publish, e, this.store.takeResourceVersion());
  }

  /** Takes an Event out of its object's chain, for good. */
  private unlink(e: RecordedEvent): void {
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
    e.state = GONE;
  }

  /** Drops passed entries from the front of the queue, and stale ones from anywhere once they outnumber live ones. */
  private compact(): void {
    if (this.stale > 1024 && this.stale > this.live) {
      for (let i = this.orderStart; i < this.order.length; i++) if (this.order[i]!.state === DELETED) this.unlink(this.order[i]!);
      this.order = this.order.filter((e, i) => i >= this.orderStart && e.state === LIVE);
      this.orderStart = 0;
      this.stale = 0;
    } else if (this.orderStart > 1024 && this.orderStart * 2 > this.order.length) {
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
