// Event objects as the kubelet, scheduler and controllers record them (core/v1 Event, what `kubectl describe`
// and `kubectl get events` read). Repeats of the same event are aggregated into one object with a growing
// count and lastTimestamp, as client-go's event correlator does. Events are bounded: older than an hour
// (the API server's event TTL) or beyond `maxEvents`, the oldest go.

import type { KubeEvent, KubeObject } from '../kube/types.js';
import type { Clock } from './clock.js';
import { isoSeconds, type ObjectStore } from './store.js';

export interface EventSource {
  component: string;
  /** The node, for kubelet events. */
  host?: string;
  /** reportingInstance; defaults to the host. */
  instance?: string;
}

/** A component's source on one host, made once (a kubelet's per node): events take it as their `source` as is. */
export function hostSource(component: string, host: string): EventSource {
  return Object.freeze({ component, host });
}

export interface EventRecorderOptions {
  maxEvents?: number;
  ttlMs?: number;
}

/**
 * One Event object as the recorder remembers it, to aggregate repeats into it: the stored object itself (its
 * latest version), and when it last happened on the simulated clock (the TTL runs on that clock).
 */
interface Recorded {
  event: KubeEvent;
  lastAt: number;
  /** The involved object's next event, oldest first: a short chain per object (no list per object to grow). */
  next: Recorded | undefined;
}

export class EventRecorder {
  /**
   * By involved object's uid, its first event (the rest follow in a chain): a short scan, which spares every
   * event a long key string (the uid strings are the objects' own, hashed once).
   */
  private readonly byUid = new Map<string, Recorded>();
  /** Oldest first; an entry is stale when its Recorded was re-queued or removed. */
  private readonly order: Recorded[] = [];
  private orderStart = 0;
  private lastMs = NaN;
  private sameMs = 0;
  private msHex = '';
  private readonly maxEvents: number;
  private readonly ttlMs: number;
  /** False turns recording off (benchmarks of the bare machinery). */
  enabled = true;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    options: EventRecorderOptions = {},
  ) {
    this.maxEvents = options.maxEvents ?? 10_000;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  }

  record(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    if (!this.enabled) return;
    const meta = involved.metadata;
    const namespace = meta.namespace ?? 'default';
    const uid = meta.uid ?? '';
    const host = source.host ?? '';
    const component = source.component;
    const wall = this.clock.wallTime();
    const now = isoSeconds(wall);
    this.expire();
    const known = this.byUid.get(uid);
    // The object's earlier events: a repeat to count, and an involvedObject to share (a kubelet reports
    // Pulled, Created and Started for one container of one Pod version: one reference serves all three).
    let involvedObject: KubeEvent['involvedObject'] | undefined;
    let last: Recorded | undefined;
    if (known) {
      for (let seen: Recorded | undefined = known; seen; seen = seen.next) {
        last = seen;
        const e = seen.event;
        const ref = e.involvedObject;
        if (ref.resourceVersion === meta.resourceVersion && ref.fieldPath === fieldPath && ref.kind === involved.kind) involvedObject = ref;
        if (e.reason !== reason || e.message !== message || (ref.fieldPath ?? '') !== (fieldPath ?? '') || e.source!.component !== component || (e.source!.host ?? '') !== host) continue;
        const old = this.store.get('Event', e.metadata.namespace, e.metadata.name!) as KubeEvent | undefined;
        if (old) {
          seen.lastAt = this.clock.now();
          seen.event = this.store.replace({ ...old, count: (old.count ?? 1) + 1, lastTimestamp: now }) as KubeEvent;
          return;
        }
        this.forget(seen);
        last = undefined;
        break;
      }
    }
    involvedObject ??= objectReference(involved, fieldPath);
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      // Every field the store stamps is declared here, in the order it stamps them: the object keeps one shape.
      metadata: { name: this.eventName(meta.name ?? '', wall), namespace, uid: undefined, resourceVersion: undefined, creationTimestamp: undefined },
      involvedObject,
      reason,
      message,
      source: this.sourceObject(source, component, host),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: source.instance ?? source.host ?? '',
    };
    const recorded: Recorded = { event: this.store.create(event) as KubeEvent, lastAt: this.clock.now(), next: undefined };
    this.append(uid, recorded, last);
    this.order.push(recorded);
    while (this.order.length - this.orderStart > this.maxEvents) this.drop(this.order[this.orderStart++]!);
    this.compact();
  }

  /**
   * An Event's `source`: the same few (component, host) pairs for every event, so one frozen object each. A
   * source made by hostSource is that object already.
   */
  private sourceObject(given: EventSource, component: string, host: string): KubeEvent['source'] {
    if (host && given.instance === undefined && Object.isFrozen(given)) return given;
    let byHost = this.sources.get(component);
    if (!byHost) this.sources.set(component, (byHost = new Map()));
    let found = byHost.get(host);
    if (!found) byHost.set(host, (found = Object.freeze(host ? { component, host } : { component })));
    return found;
  }
  /** By component, then host (no key string per event). */
  private readonly sources = new Map<string, Map<string, KubeEvent['source']>>();

  /** Forget events of an object that is gone (the API server keeps them until their TTL; so do we). */
  private expire(): void {
    const cutoff = this.clock.now() - this.ttlMs;
    while (this.orderStart < this.order.length && this.order[this.orderStart]!.lastAt < cutoff) {
      this.drop(this.order[this.orderStart++]!);
    }
  }

  private drop(recorded: Recorded): void {
    this.forget(recorded);
    this.store.discard('Event', recorded.event.metadata.namespace, recorded.event.metadata.name!);
  }

  /** Puts `recorded` at the end of its object's chain (`last`, when the caller has just walked to it). */
  private append(uid: string, recorded: Recorded, last: Recorded | undefined): void {
    if (!last) {
      last = this.byUid.get(uid);
      while (last?.next) last = last.next;
    }
    if (last) last.next = recorded;
    else this.byUid.set(uid, recorded);
  }

  private forget(recorded: Recorded): void {
    const uid = recorded.event.involvedObject.uid ?? '';
    const first = this.byUid.get(uid);
    if (first === recorded) {
      if (recorded.next) this.byUid.set(uid, recorded.next);
      else this.byUid.delete(uid);
    } else {
      let before = first;
      while (before && before.next !== recorded) before = before.next;
      if (!before) return;
      before.next = recorded.next;
    }
    recorded.next = undefined;
  }

  private compact(): void {
    if (this.orderStart > 1024 && this.orderStart * 2 > this.order.length) {
      this.order.copyWithin(0, this.orderStart);
      this.order.length -= this.orderStart;
      this.orderStart = 0;
    }
  }

  /** `<object>.<hex>` as one flat string (a template literal would keep its pieces for the Event's life). */
  private eventName(object: string, wallMs: number): string {
    const parts = this.nameParts;
    parts[0] = object;
    parts[2] = this.nanosHex(wallMs);
    return parts.join('');
  }
  private readonly nameParts = ['', '.', ''];

  /**
   * Event names are `<object>.<16 hex digits>` growing with time, like the real `<name>.<unix nanos in hex>`:
   * here the milliseconds in hex and a per-millisecond counter, which keeps names unique without BigInt.
   */
  private nanosHex(wallMs: number): string {
    const ms = Math.floor(wallMs);
    if (ms === this.lastMs) this.sameMs++;
    else {
      this.lastMs = ms;
      this.sameMs = 0;
      this.msHex = ms.toString(16);
    }
    return this.msHex + this.sameMs.toString(16).padStart(5, '0');
  }
}

/** An Event's involvedObject, in one literal per shape (namespaced or not, with a fieldPath or not). */
function objectReference(involved: KubeObject, fieldPath: string | undefined): KubeEvent['involvedObject'] {
  const { kind, apiVersion, metadata: meta } = involved;
  const name = meta.name ?? '';
  const { namespace, uid, resourceVersion } = meta;
  if (namespace) {
    return fieldPath ? { kind, name, namespace, uid, apiVersion, resourceVersion, fieldPath } : { kind, name, namespace, uid, apiVersion, resourceVersion };
  }
  return fieldPath ? { kind, name, uid, apiVersion, resourceVersion, fieldPath } : { kind, name, uid, apiVersion, resourceVersion };
}
