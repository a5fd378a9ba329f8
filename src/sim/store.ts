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
  private rv = 0;
  private readonly history: StoreEvent[] = [];
  private historyStart = 0;
  private readonly historyLimit: number;
  /** Listeners by kind ('' = every kind); each list is replaced, never mutated, so delivery can iterate it safely. */
  private readonly subscriptions = new Map<string, Subscription[]>();
  /** Events waiting for delivery: a listener that writes gets its own change delivered after the current one (not nested in it). */
  private readonly outbox: StoreEvent[] = [];
  private delivering = false;

  constructor(private readonly options: StoreOptions) {
    this.historyLimit = options.historyLimit ?? 10_000;
  }

  resourceVersion(): string {
    return String(this.rv);
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byKind.get(kind)?.get(namespace, name);
  }

  /**
   * Every object of `kind` (in `namespace` when given) in the order a real API server lists them: etcd's key
   * order, `<namespace>/<name>` compared byte by byte (kubectl prints rows in the order it receives them, so
   * `get pods` comes out sorted by name).
   */
  list(kind: string, namespace?: string, filter?: (obj: KubeObject) => boolean): KubeObject[] {
    const table = this.byKind.get(kind);
    if (!table) return [];
    const out: KubeObject[] = [];
    for (const ns of namespace !== undefined ? [namespace] : table.namespacesInOrder()) {
      const objects = table.namespace(ns);
      if (!objects) continue;
      for (const name of table.namesInOrder(ns)) {
        const obj = objects.get(name)!;
        if (!filter || filter(obj)) out.push(obj);
      }
    }
    return out;
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  kindsStored(): string[] {
    return [...this.byKind.keys()];
  }

  /**
   * Stores a new object, filling uid, creationTimestamp, generation and resourceVersion. The store takes
   * ownership of `obj` (its metadata is stamped in place): hand it a fresh object, never one still in use.
   */
  create(created: KubeObject): KubeObject {
    const obj = this.options.share ? this.options.share(created) : created;
    const metadata = obj.metadata;
    const name = metadata.name ?? '';
    let objects = this.byKind.get(obj.kind);
    if (!objects) this.byKind.set(obj.kind, (objects = new KindTable()));
    if (objects.get(metadata.namespace, name)) throw new Error(`store: ${obj.kind} ${metadata.namespace}/${name} already exists`);
    const rv = ++this.rv;
    metadata.uid ??= this.options.uid();
    metadata.resourceVersion = String(rv);
    metadata.creationTimestamp ??= isoSeconds(this.options.wallTime());
    if (usesGeneration(obj)) metadata.generation = 1;
    const stored = deepFreeze(obj);
    objects.set(metadata.namespace, name, stored);
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
    const objects = this.byKind.get(replacement.kind);
    const old = objects?.get(namespace, name);
    if (!objects || !old) throw new Error(`store: ${replacement.kind} ${namespace}/${name} does not exist`);
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
    objects.set(namespace, name, stored);
    this.emit('MODIFIED', stored, rv);
    return stored;
  }

  /** Removes an object at once; returns its last state (stamped with the deletion's resourceVersion). */
  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const objects = this.byKind.get(kind);
    const old = objects?.get(namespace, name);
    if (!objects || !old) return undefined;
    objects.delete(namespace, name);
    const rv = ++this.rv;
    const last = deepFreeze({ ...old, metadata: { ...old.metadata, resourceVersion: String(rv) } });
    this.emit('DELETED', last, rv);
    return last;
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
    const oldest = this.history.length > this.historyStart ? this.history[this.historyStart]!.rv : this.rv + 1;
    if (from < oldest - 1 && from < this.rv) {
      throw new ApiError('Expired', `too old resource version: ${from} (${oldest - 1})`);
    }
    const backlog: StoreEvent[] = [];
    for (let i = this.historyStart; i < this.history.length; i++) {
      const event = this.history[i]!;
      if (event.rv > from && (kind === undefined || event.object.kind === kind)) backlog.push(event);
    }
    for (const event of backlog) listener(event);
    return this.subscribe(kind, listener);
  }

  private emit(type: WatchEventType, object: KubeObject, rv: number): void {
    const event: StoreEvent = { type, object, rv };
    this.history.push(event);
    if (this.history.length - this.historyStart > this.historyLimit) {
      this.historyStart++;
      // Compact now and then instead of shifting on every write.
      if (this.historyStart > 4096 && this.historyStart * 2 > this.history.length) {
        // copyWithin + length: splice would also build an array of the removed entries.
        this.history.copyWithin(0, this.historyStart);
        this.history.length -= this.historyStart;
        this.historyStart = 0;
      }
    }
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

/** One kind's objects by namespace ('' for cluster-scoped) and name: lookups without building key strings. */
class KindTable {
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  /** Names in key order per namespace, sorted when first listed after a create or delete (not per list). */
  private readonly sortedNames = new Map<string, string[]>();
  private sortedNamespaces: string[] | undefined;
  size = 0;

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace ?? '')?.get(name);
  }

  set(namespace: string | undefined, name: string, obj: KubeObject): void {
    let objects = this.byNamespace.get(namespace ?? '');
    if (!objects) {
      this.byNamespace.set(namespace ?? '', (objects = new Map()));
      this.sortedNamespaces = undefined;
    }
    if (!objects.has(name)) {
      this.size++;
      this.sortedNames.delete(namespace ?? '');
    }
    objects.set(name, obj);
  }

  delete(namespace: string | undefined, name: string): void {
    const objects = this.byNamespace.get(namespace ?? '');
    if (objects?.delete(name)) {
      this.size--;
      this.sortedNames.delete(namespace ?? '');
      if (objects.size === 0) {
        this.byNamespace.delete(namespace ?? '');
        this.sortedNamespaces = undefined;
      }
    }
  }

  namesInOrder(namespace: string): readonly string[] {
    let names = this.sortedNames.get(namespace);
    if (!names) this.sortedNames.set(namespace, (names = [...(this.byNamespace.get(namespace)?.keys() ?? [])].sort(byteOrder)));
    return names;
  }

  namespacesInOrder(): readonly string[] {
    // `a-b/x` comes before `a/x` in etcd (`-` < `/`): namespaces compare with their slash.
    return (this.sortedNamespaces ??= [...this.byNamespace.keys()].sort((a, b) => byteOrder(`${a}/`, `${b}/`)));
  }

  namespace(namespace: string): Map<string, KubeObject> | undefined {
    return this.byNamespace.get(namespace);
  }
}

/** etcd compares keys byte by byte; `<` (UTF-16 order) agrees with it for the ASCII of Kubernetes names. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
