// The dashboard's copy of the cluster: Pods, Nodes, Events and Namespaces, kept current by `source.watch`
// (the informer pattern). Panes read from here, never from the source, and never all of it: the sorted
// Pod list is rebuilt only when Pods come or go, and views slice it to what fits on screen.

import type { ClusterSource, Unsubscribe, WatchEvent } from '../../kube/cluster-source.js';
import type { KubeEvent, KubeObject, Node, Pod } from '../../kube/types.js';
import { nodeStatusColumn } from '../../kube/print/node-columns.js';

export type CachedKind = 'Pod' | 'Node' | 'Event' | 'Namespace';

/** Events kept for describe and the problems pane; the oldest go first beyond this. */
const MAX_EVENTS = 5000;

export function podKey(pod: { metadata: { namespace?: string; name?: string } }): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

function byNamespaceThenName(a: Pod, b: Pod): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? '';
  const mb = b.metadata.name ?? '';
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

export interface PodQuery {
  /** Absent: every namespace. */
  namespace?: string;
  /** Only Pods bound to this node (drill-down from the nodes pane). */
  node?: string;
  /** Case-insensitive substring of namespace/name. */
  text?: string;
}

export class ClusterCache {
  readonly pods = new Map<string, Pod>();
  readonly nodes = new Map<string, Node>();
  readonly events = new Map<string, KubeEvent>();
  readonly namespaces = new Map<string, KubeObject>();
  private readonly podsOnNode = new Map<string, Set<string>>();
  /** Bumped per node whenever it or one of its Pods comes, changes or goes: its row stays valid until then. */
  private readonly changesOnNode = new Map<string, number>();
  private readonly unsubscribes: Unsubscribe[] = [];
  /** Bumped when Pods are added or removed (not modified): sorted lists stay valid until then. */
  private podMembership = 0;
  private nodeMembership = 0;
  private sortedPods: Pod[] | undefined;
  private sortedNodes: Node[] | undefined;
  private nodeNames: string[] | undefined;
  private notReady: number | undefined;
  private queryMemo: { key: string; membership: number; keys: string[] } | undefined;
  private readonly listeners = new Set<(kind: CachedKind, event: WatchEvent) => void>();
  private started = false;

  constructor(private readonly source: ClusterSource) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    const kinds: CachedKind[] = ['Namespace', 'Node', 'Pod', 'Event'];
    for (const kind of kinds) {
      this.unsubscribes.push(this.source.watch(kind, {}, (event) => this.apply(kind, event)));
    }
  }

  stop(): void {
    for (const u of this.unsubscribes.splice(0)) u();
  }

  onChange(listener: (kind: CachedKind, event: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies one watch event; exposed so tests and benchmarks can feed the cache directly. */
  apply(kind: CachedKind, event: WatchEvent): void {
    switch (kind) {
      case 'Pod':
        this.applyPod(event);
        break;
      case 'Node':
        this.applyNode(event);
        break;
      case 'Event':
        this.applyEvent(event);
        break;
      case 'Namespace':
        if (event.type === 'DELETED') this.namespaces.delete(event.object.metadata.name ?? '');
        else this.namespaces.set(event.object.metadata.name ?? '', event.object);
        break;
    }
    for (const l of this.listeners) l(kind, event);
  }

  private applyPod(event: WatchEvent): void {
    const pod = event.object as Pod;
    const key = podKey(pod);
    const old = this.pods.get(key);
    if (old?.spec?.nodeName) {
      this.podsOnNode.get(old.spec.nodeName)?.delete(key);
      this.bumpNode(old.spec.nodeName);
    }
    if (event.type === 'DELETED') {
      if (old) {
        this.pods.delete(key);
        this.podMembership++;
        this.sortedPods = undefined;
      }
      return;
    }
    this.pods.set(key, pod);
    if (!old) {
      this.podMembership++;
      this.sortedPods = undefined;
    } else if (this.sortedPods) {
      // Same position (the sort key did not change): swap the object in place.
      const i = this.indexInSorted(pod);
      if (i >= 0) this.sortedPods[i] = pod;
      else this.sortedPods = undefined;
    }
    const node = pod.spec?.nodeName;
    if (node) {
      let set = this.podsOnNode.get(node);
      if (!set) this.podsOnNode.set(node, (set = new Set()));
      set.add(key);
      this.bumpNode(node);
    }
  }

  private bumpNode(node: string): void {
    this.changesOnNode.set(node, (this.changesOnNode.get(node) ?? 0) + 1);
  }

  /** Changes so far to `node` and the Pods bound to it (a number to compare, not a count). */
  nodeChanges(node: string): number {
    return this.changesOnNode.get(node) ?? 0;
  }

  private indexInSorted(pod: Pod): number {
    const list = this.sortedPods!;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = byNamespaceThenName(list[mid]!, pod);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private applyNode(event: WatchEvent): void {
    const name = event.object.metadata.name ?? '';
    const existed = this.nodes.has(name);
    if (event.type === 'DELETED') this.nodes.delete(name);
    else this.nodes.set(name, event.object as Node);
    if (existed !== this.nodes.has(name)) this.nodeMembership++;
    this.bumpNode(name);
    this.sortedNodes = undefined;
    this.nodeNames = undefined;
    this.notReady = undefined;
  }

  private applyEvent(event: WatchEvent): void {
    const e = event.object as KubeEvent;
    const key = `${e.metadata.namespace ?? ''}/${e.metadata.name ?? ''}`;
    if (event.type === 'DELETED') {
      this.events.delete(key);
      return;
    }
    // A MODIFIED event keeps its place (the order it arrived in, about creation order); the oldest go first.
    this.events.set(key, e);
    if (this.events.size > MAX_EVENTS) {
      const oldest = this.events.keys().next().value;
      if (oldest !== undefined) this.events.delete(oldest);
    }
  }

  /** Every Pod, sorted as kubectl sorts (namespace, then name). */
  allPodsSorted(): Pod[] {
    if (!this.sortedPods) this.sortedPods = [...this.pods.values()].sort(byNamespaceThenName);
    return this.sortedPods;
  }

  /** Keys of the Pods a query selects, sorted; memoised until Pods come or go or the query changes. */
  podKeys(query: PodQuery): string[] {
    const memoKey = `${query.namespace ?? '*'}\u0000${query.node ?? ''}\u0000${(query.text ?? '').toLowerCase()}`;
    if (this.queryMemo && this.queryMemo.key === memoKey && this.queryMemo.membership === this.podMembership) {
      return this.queryMemo.keys;
    }
    const text = (query.text ?? '').toLowerCase();
    const keys: string[] = [];
    for (const pod of this.allPodsSorted()) {
      if (query.namespace !== undefined && pod.metadata.namespace !== query.namespace) continue;
      if (query.node !== undefined && pod.spec?.nodeName !== query.node) continue;
      const key = podKey(pod);
      if (text && !key.toLowerCase().includes(text)) continue;
      keys.push(key);
    }
    this.queryMemo = { key: memoKey, membership: this.podMembership, keys };
    return keys;
  }

  nodesSorted(): Node[] {
    if (!this.sortedNodes) {
      this.sortedNodes = [...this.nodes.values()].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    }
    return this.sortedNodes;
  }

  /** Node names in sorted order; memoised until a Node changes. */
  nodeNamesSorted(): string[] {
    if (!this.nodeNames) this.nodeNames = this.nodesSorted().map((n) => n.metadata.name ?? '');
    return this.nodeNames;
  }

  /** How many nodes are NotReady or Unknown (cordoned ones are still Ready); memoised until a Node changes. */
  nodesNotReady(): number {
    if (this.notReady === undefined) this.notReady = this.nodesSorted().filter((n) => !nodeStatusColumn(n).startsWith('Ready')).length;
    return this.notReady;
  }

  podsOn(node: string): Pod[] {
    const keys = this.podsOnNode.get(node);
    if (!keys) return [];
    const out: Pod[] = [];
    for (const k of keys) {
      const p = this.pods.get(k);
      if (p) out.push(p);
    }
    return out;
  }

  /**
   * Events about one object, oldest first; ties in the API's list order, which is etcd's key order: by name,
   * and an event's name ends in its creation time in hex, so by creation (what `kubectl describe` lists).
   */
  eventsFor(kind: string, namespace: string | undefined, name: string): KubeEvent[] {
    const out: KubeEvent[] = [];
    for (const e of this.events.values()) {
      const o = e.involvedObject;
      if (o.kind === kind && o.name === name && (o.namespace ?? '') === (namespace ?? '')) out.push(e);
    }
    return out.sort((a, b) => eventTime(a) - eventTime(b) || byName(a, b));
  }
}

function byName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

export function eventTime(e: KubeEvent): number {
  const t = e.lastTimestamp ?? (e['eventTime'] as string | undefined) ?? e.firstTimestamp ?? e.metadata.creationTimestamp;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}
