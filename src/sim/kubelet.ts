// The kubelets: one per node, each running a pod worker for every Pod bound to its node. A single store
// subscription routes Pod changes to the right node (1,000 nodes must not mean 1,000 listeners per write);
// ConfigMap and Secret changes wake the Pods that wait on them.

import type { KubeObject, Node, Pod } from '../kube/types.js';
import { parseQuantity } from './kube-deps.js';
import { hostSource } from './events.js';
import { NodeImages } from './node-images.js';
import { PodWorker, type KubeletContext } from './pod-worker.js';
import type { ExecIO, ExecProcess } from './runtime/types.js';
import type { ObjectStore, StoreEvent } from './store.js';

type SharedContext = Omit<KubeletContext, 'nodeName' | 'nodeIP' | 'podCIDR' | 'nodeResources' | 'images' | 'forget' | 'online' | 'nextRandom' | 'eventSource'>;

export class Kubelet {
  readonly workers = new Map<string, PodWorker>();
  readonly images: NodeImages;
  /** A stopped kubelet neither starts nor stops anything; its Pods wait for it to come back. */
  running = true;
  private readonly context: KubeletContext;

  constructor(node: Node, shared: SharedContext) {
    const name = node.metadata.name!;
    const eventSource = hostSource('kubelet', name);
    this.images = new NodeImages(name, shared.runtime, shared.clock, shared.events, eventSource);
    const alloc = node.status?.allocatable ?? {};
    this.context = {
      ...shared,
      nodeName: name,
      nodeIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
      podCIDR: node.spec.podCIDR ?? '10.244.0.0/24',
      nodeResources: { cpu: parseQuantity(alloc.cpu ?? '0'), memory: parseQuantity(alloc.memory ?? '0') },
      images: this.images,
      forget: (uid) => this.workers.delete(uid),
      online: () => this.running,
      nextRandom: () => shared.random.next(),
      eventSource,
    };
    for (const image of node.status?.images ?? []) {
      for (const n of image.names) this.images.preload(n, `sha256:${hashHex(n)}`, image.sizeBytes ?? 0);
    }
  }

  get nodeName(): string {
    return this.context.nodeName;
  }

  podChanged(event: StoreEvent): void {
    const pod = event.object as Pod;
    const uid = pod.metadata.uid!;
    const worker = this.workers.get(uid);
    if (event.type === 'DELETED') {
      worker?.removed();
      return;
    }
    if (!this.running) return;
    if (worker) {
      worker.update(pod);
      return;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      if (pod.metadata.deletionTimestamp) this.context.store.remove('Pod', pod.metadata.namespace, pod.metadata.name!);
      return;
    }
    const created = new PodWorker(pod, this.context);
    if (!created.isFinished()) this.workers.set(uid, created);
    if (pod.metadata.deletionTimestamp) created.update(pod);
  }

  /** The kubelet comes back: it looks at every Pod bound to it again. */
  resync(pods: KubeObject[]): void {
    for (const pod of pods) {
      this.workers.get(pod.metadata.uid!)?.resume();
      this.podChanged({ type: 'MODIFIED', object: pod, rv: 0 });
    }
  }

  configChanged(namespace: string): void {
    for (const w of this.workers.values()) if (w.namespace === namespace) w.configChanged();
  }

  worker(uid: string): PodWorker | undefined {
    return this.workers.get(uid);
  }
}

/** Routes store changes to the kubelet of each Pod's node. */
export class Kubelets {
  private readonly byNode = new Map<string, Kubelet>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly store: ObjectStore,
    private readonly shared: SharedContext,
  ) {
    for (const node of store.list('Node')) this.addNode(node as Node);
    this.unsubscribe.push(
      store.subscribe('Node', (e) => {
        if (e.type === 'ADDED') this.addNode(e.object as Node);
        if (e.type === 'DELETED') this.byNode.delete(e.object.metadata.name!);
      }),
      store.subscribe('Pod', (e) => {
        const nodeName = (e.object as Pod).spec.nodeName;
        if (nodeName) this.byNode.get(nodeName)?.podChanged(e);
      }),
      store.subscribe('ConfigMap', (e) => this.configChanged(e)),
      store.subscribe('Secret', (e) => this.configChanged(e)),
    );
    for (const pod of store.list('Pod')) {
      const nodeName = (pod as Pod).spec.nodeName;
      if (nodeName) this.byNode.get(nodeName)?.podChanged({ type: 'ADDED', object: pod, rv: 0 });
    }
  }

  private addNode(node: Node): void {
    if (!this.byNode.has(node.metadata.name!)) this.byNode.set(node.metadata.name!, new Kubelet(node, this.shared));
  }

  private configChanged(e: StoreEvent): void {
    if (e.type === 'DELETED') return;
    const namespace = e.object.metadata.namespace ?? '';
    for (const k of this.byNode.values()) if (k.running) k.configChanged(namespace);
  }

  kubelet(nodeName: string): Kubelet | undefined {
    return this.byNode.get(nodeName);
  }

  workerFor(pod: Pod): PodWorker | undefined {
    return pod.spec.nodeName ? this.byNode.get(pod.spec.nodeName)?.worker(pod.metadata.uid!) : undefined;
  }

  exec(pod: Pod, container: string, argv: string[], io: ExecIO): ExecProcess | undefined {
    return this.workerFor(pod)?.execIn(container, argv, io);
  }

  stop(): void {
    for (const off of this.unsubscribe) off();
    for (const k of this.byNode.values()) for (const w of [...k.workers.values()]) w.removed();
  }
}

/** A stable fake digest for preloaded images. */
function hashHex(s: string): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < s.length; i++) h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619) >>> 0;
    h1 = Math.imul(h1 ^ round, 16777619) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return out;
}
