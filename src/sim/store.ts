// The object store: every Kubernetes object of the simulated cluster as plain JSON, keyed by kind, namespace
// and name, with one cluster-wide resourceVersion and ordered watches. It is the API server's etcd + watch
// cache; admission (defaults, validation) happens before a write reaches it (see admission.ts).
//
// Rule: never mutate what the store returns. Stored objects are deep-frozen and shared with every reader and
// watcher; to change one, build a new object (copy-on-write: spread the parts you change) and write it.

import { ApiError } from '../kube/api-error.js';
import type { WatchEvent, WatchEventType } from '../kube/cluster-source.js';
import type { KubeObject } from '../kube/types.js';
import { deepFreeze } from './deep-freeze.js';
import { byteOrder, jsonEqual } from './kube-deps.js';

export interface StoreEvent extends WatchEvent {
  /** The resourceVersion this change got (DELETED: the deletion's own). */
  rv: number;
}

export type StoreListener = (event: StoreEvent) => void;

export interface StoreOptions {
  /** Wall-clock epoch ms for creationTimestamp. */
  wallTime(): number;
  /** A fresh uid. */
  uid(): string;
  /** How many changes a watch can replay (the watch cache window). Older → 410 Expired. */
  historyLimit?: number;
  /** Swaps pieces of a new version for identical shared ones (shared-subtrees.ts); `previous` is the stored one. */
  share?(obj: KubeObject, previous?: KubeObject): KubeObject;
}

/**
 * An object its owner keeps in a compact form of its own (the EventRecorder's Events: ~50,000 a minute in a
 * busy cluster, each written once and rarely read), made into JSON only when read. `json()` gives a fresh,
 * frozen object of this version each time.
 */
export interface CompactObject {
  readonly kind: string;
  json(): KubeObject;
}

/** The owner's table of a compact kind, which the store reads through alongside its own objects of the kind. */
export interface CompactKind {
  get(namespace: string | undefined, name: string): KubeObject | undefined;
  /** Every object (in `namespace` when given), in any order: the store sorts. */
  list(namespace?: string): KubeObject[];
  readonly size: number;
  /** Takes out an object the API deletes (a user's delete, its namespace's end): its last state, or undefined. */
  take(namespace: string | undefined, name: string): KubeObject | undefined;
  /**
   * The API replaces an object (a user's edit, say a label): the owner keeps the edit and returns the object's
   * version at `rv`, or undefined when it has no such object.
   */
  update(replacement: KubeObject, rv: number): CompactObject | undefined;
}

function isCompact(obj: KubeObject | CompactObject): obj is CompactObject {
  // Plain JSON holds no functions.
  return typeof (obj as CompactObject).json === 'function';
}

interface Subscription {
  kind: string | undefined;
  listener: StoreListener;
  active: boolean;
}

/** RFC 3339 with second precision, as the API server writes metadata timestamps. */
export function isoSeconds(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastIso = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastIso;
}
let lastSecond = NaN;
let lastIso = '';

/** Core (`v1`) kinds carry no metadata.generation in v1.32; grouped kinds with a spec do. */
function usesGeneration(obj: KubeObject): boolean {
  return obj.apiVersion.includes('/') && obj.spec !== undefined;
}

export class ObjectStore {
  private readonly byKind = new Map<string, KindTable>();
  private readonly compactKinds = new Map<string, CompactKind>();
  private rv = 0;
  private readonly history: WatchHistory;
  /** Listeners by kind ('' = every kind); each list is replaced, never mutated, so delivery can iterate it safely. */
  private readonly subscriptions = new Map<string, Subscription[]>();
  /** Events waiting for delivery: a listener that writes gets its own change delivered after the current one (not nested in it). */
  private readonly outbox: StoreEvent[] = [];
  private delivering = false;

  constructor(private readonly options: StoreOptions) {
    this.history = new WatchHistory(options.historyLimit ?? 10_000);
  }

  resourceVersion(): string {
    return String(this.rv);
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byKind.get(kind)?.get(namespace, name) ?? this.compactKinds.get(kind)?.get(namespace, name);
  }

  /**
   * Every object of `kind` (in `namespace` when given) in the order a real API server lists them: etcd's key
   * order, `<namespace>/<name>` compared byte by byte (kubectl prints rows in the order it receives them, so
   * `get pods` comes out sorted by name).
   */
  list(kind: string, namespace?: string, filter?: (obj: KubeObject) => boolean): KubeObject[] {
    const compact = this.compactKinds.get(kind);
    if (!compact?.size) return this.listOwn(kind, namespace, filter);
    // A compact kind's objects made into JSON, merged with the store's own of the kind in the same key order.
    const keyed = [...this.listOwn(kind, namespace), ...compact.list(namespace)].map((obj) => ({ key: `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`, obj }));
    keyed.sort((a, b) => byteOrder(a.key, b.key));
    const out: KubeObject[] = [];
    for (const { obj } of keyed) if (!filter || filter(obj)) out.push(obj);
    return out;
  }

  private listOwn(kind: string, namespace?: string, filter?: (obj: KubeObject) => boolean): KubeObject[] {
    const table = this.byKind.get(kind);
    if (!table) return [];
    const out: KubeObject[] = [];
    for (const ns of namespace !== undefined ? [namespace] : table.namespacesInOrder()) {
      const bucket = table.bucket(ns);
      if (!bucket) continue;
      for (const name of table.namesInOrder(bucket)) {
        const obj = bucket.objects.get(name)!;
        if (!filter || filter(obj)) out.push(obj);
      }
    }
    return out;
  }

  count(kind: string): number {
    return (this.byKind.get(kind)?.size ?? 0) + (this.compactKinds.get(kind)?.size ?? 0);
  }

  kindsStored(): string[] {
    const kinds = [...this.byKind.keys()];
    for (const [kind, compact] of this.compactKinds) if (compact.size && !kinds.includes(kind)) kinds.push(kind);
    return kinds;
  }

  /** Reads of `kind` go through `compact` too, whose owner writes with takeResourceVersion and publishCompact. */
  attach(kind: string, compact: CompactKind): void {
    this.compactKinds.set(kind, compact);
  }

  /** The resourceVersion of a compact object's next change, taken for its owner to make the version with. */
  takeResourceVersion(): number {
    return ++this.rv;
  }

  /**
   * A compact object's change at `rv` (just taken): into the watch window as it is, to watchers made into JSON
   * (only when someone watches the kind). DELETED: `obj` is its last version, stamped with `rv` as it is read.
   */
  publishCompact(type: WatchEventType, obj: CompactObject, rv: number): void {
    this.history.record(type, obj, rv);
    if (!this.subscriptions.has(obj.kind) && !this.subscriptions.has('')) return;
    const json = obj.json();
    this.deliverInOrder({ type, object: type === 'DELETED' ? deletedState(json, rv) : json, rv });
  }

  /**
   * Stores a new object, filling uid, creationTimestamp, generation and resourceVersion. The store takes
   * ownership of `obj` (its metadata is stamped in place): hand it a fresh object, never one still in use.
   */
  create(obj: KubeObject): KubeObject {
    const metadata = obj.metadata;
    const name = metadata.name ?? '';
    let table = this.byKind.get(obj.kind);
    if (!table) this.byKind.set(obj.kind, (table = new KindTable()));
    const bucket = table.bucketFor(metadata.namespace);
    if (bucket.objects.has(name) || this.compactKinds.get(obj.kind)?.get(metadata.namespace, name)) {
      throw new Error(`store: ${obj.kind} ${metadata.namespace}/${name} already exists`);
    }
    const rv = ++this.rv;
    // Stamped before sharing, on the caller's metadata: members added to a spread copy (share copies the
    // metadata of a Pod) would give every Pod's metadata a hidden class of its own (~1 KB, kept as long as the Pod).
    metadata.uid ??= this.options.uid();
    metadata.resourceVersion = String(rv);
    metadata.creationTimestamp ??= isoSeconds(this.options.wallTime());
    if (usesGeneration(obj)) metadata.generation = 1;
    const stored = deepFreeze(this.options.share ? this.options.share(obj) : obj);
    table.add(bucket, name, stored);
    this.emit('ADDED', stored, rv);
    return stored;
  }

  /**
   * Replaces a stored object (the caller has merged and validated it). Generation goes up when the spec
   * changed. The caller's metadata.resourceVersion is ignored here: conflicts are checked by the caller.
   */
  replace(replacement: KubeObject): KubeObject {
    const namespace = replacement.metadata.namespace;
    const name = replacement.metadata.name ?? '';
    const bucket = this.byKind.get(replacement.kind)?.bucket(namespace);
    const old = bucket?.objects.get(name);
    if (!old) {
      const updated = this.updateCompact(replacement);
      if (updated) return updated;
    }
    if (!bucket || !old) throw new Error(`store: ${replacement.kind} ${namespace}/${name} does not exist`);
    const obj = this.options.share ? this.options.share(replacement, old) : replacement;
    const rv = ++this.rv;
    const metadata: KubeObject['metadata'] = {
      ...obj.metadata,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      resourceVersion: String(rv),
    };
    if (old.metadata.generation !== undefined) {
      metadata.generation = old.spec === obj.spec || sameJson(old.spec, obj.spec) ? old.metadata.generation : old.metadata.generation + 1;
    }
    const stored = deepFreeze({ ...obj, metadata });
    // The name is taken, so the bucket's size and name order stay as they are.
    bucket.objects.set(name, stored);
    this.emit('MODIFIED', stored, rv);
    return stored;
  }

  /** A compact object the API replaces: its owner keeps the edit; undefined when the owner has no such object. */
  private updateCompact(replacement: KubeObject): KubeObject | undefined {
    // The change takes the next resourceVersion only when the owner has the object.
    const version = this.compactKinds.get(replacement.kind)?.update(replacement, this.rv + 1);
    if (!version) return undefined;
    const rv = ++this.rv;
    this.history.record('MODIFIED', version, rv);
    const json = version.json();
    this.deliverInOrder({ type: 'MODIFIED', object: json, rv });
    return json;
  }

  /** Removes an object at once; returns its last state (stamped with the deletion's resourceVersion). */
  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const old = this.take(kind, namespace, name) ?? this.takeCompact(kind, namespace, name);
    if (!old) return undefined;
    const rv = this.rv;
    const last = deletedState(old, rv);
    this.emit('DELETED', last, rv, old);
    return last;
  }

  /** Takes an object out of its table, under a new resourceVersion (this.rv); undefined when there is none. */
  private take(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const table = this.byKind.get(kind);
    const bucket = table?.bucket(namespace);
    const old = bucket?.objects.get(name);
    if (!table || !bucket || !old) return undefined;
    table.delete(namespace, bucket, name);
    this.rv++;
    return old;
  }

  /** Takes an object out of its owner's compact table, under a new resourceVersion (this.rv). */
  private takeCompact(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const old = this.compactKinds.get(kind)?.take(namespace, name);
    if (old) this.rv++;
    return old;
  }

  /** Live changes of `kind` (every kind when undefined), delivered synchronously in resourceVersion order. */
  subscribe(kind: string | undefined, listener: StoreListener): () => void {
    const sub: Subscription = { kind, listener, active: true };
    const key = kind ?? '';
    this.subscriptions.set(key, [...(this.subscriptions.get(key) ?? []), sub]);
    return () => {
      sub.active = false;
      const list = (this.subscriptions.get(key) ?? []).filter((s) => s !== sub);
      if (list.length) this.subscriptions.set(key, list);
      else this.subscriptions.delete(key);
    };
  }

  /**
   * The changes of `kind` after resourceVersion `from`, then live ones. Throws 410 Expired when `from` is
   * older than the history window, as the API server's watch cache does.
   */
  watchFrom(kind: string | undefined, from: number, listener: StoreListener): () => void {
    const oldest = this.history.oldestRv() ?? this.rv + 1;
    if (from < oldest - 1 && from < this.rv) {
      throw new ApiError('Expired', `too old resource version: ${from} (${oldest - 1})`);
    }
    for (const event of this.history.after(from, kind)) listener(event);
    return this.subscribe(kind, listener);
  }

  /** `stored`: what the window keeps of the change when it is not `object` itself (see WatchHistory). */
  private emit(type: WatchEventType, object: KubeObject, rv: number, stored = object): void {
    this.history.record(type, stored, rv);
    this.deliverInOrder({ type, object, rv });
  }

  private deliverInOrder(event: StoreEvent): void {
    if (this.delivering) {
      this.outbox.push(event);
      return;
    }
    this.delivering = true;
    try {
      this.deliver(event);
      for (let i = 0; i < this.outbox.length; i++) this.deliver(this.outbox[i]!);
    } finally {
      if (this.outbox.length) this.outbox.length = 0;
      this.delivering = false;
    }
  }

  private deliver(event: StoreEvent): void {
    const forKind = this.subscriptions.get(event.object.kind);
    const forAll = this.subscriptions.get('');
    if (forKind) for (const sub of forKind) if (sub.active) sub.listener(event);
    if (forAll) for (const sub of forAll) if (sub.active) sub.listener(event);
  }
}

/** An object's last state as its deletion reports it: stamped with the deletion's resourceVersion. */
function deletedState(old: KubeObject, rv: number): KubeObject {
  return deepFreeze({ ...old, metadata: { ...old.metadata, resourceVersion: String(rv) } });
}

/**
 * The watch cache window: the last `limit` changes, kept in a ring of parallel slots, so a write adds no object
 * that lives as long as the window (every change used to keep its StoreEvent there, and all of them outlived
 * the young generation), and the window moves without copying. A deletion is kept as the object it removed
 * (already old) and stamped again when replayed: its stamped copy would live, and be promoted, only for the window.
 */
class WatchHistory {
  private readonly types: WatchEventType[] = [];
  private readonly objects: (KubeObject | CompactObject)[] = [];
  private readonly rvs: number[] = [];
  /** The slot of the oldest change once the ring is full (until then, slot 0). */
  private oldest = 0;

  constructor(private readonly limit: number) {}

  record(type: WatchEventType, object: KubeObject | CompactObject, rv: number): void {
    if (this.limit <= 0) return;
    if (this.objects.length < this.limit) {
      this.types.push(type);
      this.objects.push(object);
      this.rvs.push(rv);
      return;
    }
    const at = this.oldest;
    this.types[at] = type;
    this.objects[at] = object;
    this.rvs[at] = rv;
    this.oldest = at + 1 === this.limit ? 0 : at + 1;
  }

  oldestRv(): number | undefined {
    return this.rvs.length ? this.rvs[this.oldest] : undefined;
  }

  /** The changes after resourceVersion `from` (of `kind` when given), oldest first. */
  after(from: number, kind: string | undefined): StoreEvent[] {
    const out: StoreEvent[] = [];
    const size = this.rvs.length;
    for (let n = 0; n < size; n++) {
      const i = (this.oldest + n) % size;
      const kept = this.objects[i]!;
      const rv = this.rvs[i]!;
      if (rv <= from || (kind !== undefined && kept.kind !== kind)) continue;
      const type = this.types[i]!;
      const object = isCompact(kept) ? kept.json() : kept;
      out.push({ type, object: type === 'DELETED' ? deletedState(object, rv) : object, rv });
    }
    return out;
  }
}

/** One namespace's objects of a kind, by name, and their names in key order once listed. */
interface Bucket {
  readonly objects: Map<string, KubeObject>;
  /** Sorted when first listed after a create or delete (not per list). */
  sortedNames: string[] | undefined;
}

/**
 * One kind's objects by namespace ('' for cluster-scoped) and name: lookups without building key strings. A
 * write finds its namespace's bucket once and then touches only the names map (three map operations per
 * create, replace or remove).
 */
class KindTable {
  private readonly byNamespace = new Map<string, Bucket>();
  private sortedNamespaces: string[] | undefined;
  size = 0;

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace ?? '')?.objects.get(name);
  }

  bucket(namespace: string | undefined): Bucket | undefined {
    return this.byNamespace.get(namespace ?? '');
  }

  /** The namespace's bucket, made when it has none. */
  bucketFor(namespace: string | undefined): Bucket {
    const key = namespace ?? '';
    let bucket = this.byNamespace.get(key);
    if (!bucket) {
      this.byNamespace.set(key, (bucket = { objects: new Map(), sortedNames: undefined }));
      this.sortedNamespaces = undefined;
    }
    return bucket;
  }

  /** Adds an object whose name the caller found free in `bucket`. */
  add(bucket: Bucket, name: string, obj: KubeObject): void {
    bucket.objects.set(name, obj);
    bucket.sortedNames = undefined;
    this.size++;
  }

  delete(namespace: string | undefined, bucket: Bucket, name: string): void {
    if (!bucket.objects.delete(name)) return;
    this.size--;
    bucket.sortedNames = undefined;
    if (bucket.objects.size === 0) {
      this.byNamespace.delete(namespace ?? '');
      this.sortedNamespaces = undefined;
    }
  }

  namesInOrder(bucket: Bucket): readonly string[] {
    return (bucket.sortedNames ??= [...bucket.objects.keys()].sort(byteOrder));
  }

  namespacesInOrder(): readonly string[] {
    // `a-b/x` comes before `a/x` in etcd (`-` < `/`): namespaces compare with their slash.
    return (this.sortedNamespaces ??= [...this.byNamespace.keys()].sort((a, b) => byteOrder(`${a}/`, `${b}/`)));
  }
}

/** Equal as JSON: key order and undefined members do not count (the kube layer's jsonEqual). */
export const sameJson = jsonEqual;
