// The node lifecycle controller and the taint-eviction controller, for the faults the dashboard injects:
// a stopped node's kubelet stops posting status; after the node-monitor grace period its conditions go
// Unknown, it is tainted node.kubernetes.io/unreachable:NoExecute, its Pods turn not Ready, and each Pod is
// deleted when its toleration for that taint runs out (300 s by default). On a dead node the deleted Pods
// stay Terminating until the kubelet comes back. Cordoning (spec.unschedulable) adds the
// node.kubernetes.io/unschedulable:NoSchedule taint as the real controller does.

import type { Condition, Node, Pod, Taint } from '../kube/types.js';
import type { Clock, TimerId } from './clock.js';
import type { EventRecorder } from './events.js';
import type { Kubelets } from './kubelet.js';
import { isoSeconds, type ObjectStore } from './store.js';
import { tolerationFor } from './taints.js';

/** How long the controller waits for a silent kubelet before marking its node Unknown (v1.32: 40 s). */
export const NODE_MONITOR_GRACE_MS = 40_000;

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export class NodeLifecycle {
  private readonly graceTimers = new Map<string, TimerId>();
  /** Pod uid → eviction timer. */
  private readonly evictions = new Map<string, TimerId>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    private readonly kubelets: Kubelets,
  ) {
    this.unsubscribe = store.subscribe('Node', (e) => {
      if (e.type !== 'DELETED') this.reconcileCordon(e.object as Node);
    });
  }

  stop(): void {
    this.unsubscribe();
    for (const t of this.graceTimers.values()) this.clock.clearTimer(t);
    for (const t of this.evictions.values()) this.clock.clearTimer(t);
  }

  private node(name: string): Node {
    const node = this.store.get('Node', undefined, name) as Node | undefined;
    if (!node) throw new Error(`node "${name}" not found`);
    return node;
  }

  stopNode(name: string): void {
    this.node(name);
    const kubelet = this.kubelets.kubelet(name);
    if (!kubelet || !kubelet.running) return;
    kubelet.running = false;
    this.graceTimers.set(
      name,
      this.clock.setTimer(() => {
        this.graceTimers.delete(name);
        this.markUnreachable(name);
      }, NODE_MONITOR_GRACE_MS),
    );
  }

  startNode(name: string): void {
    const node = this.node(name);
    const kubelet = this.kubelets.kubelet(name);
    if (!kubelet || kubelet.running) return;
    kubelet.running = true;
    const grace = this.graceTimers.get(name);
    if (grace !== undefined) this.clock.clearTimer(grace);
    this.graceTimers.delete(name);
    const now = isoSeconds(this.clock.wallTime());
    const wasUnknown = node.status?.conditions?.some((c) => c.type === 'Ready' && c.status !== 'True');
    if (wasUnknown) {
      const conditions = healthyConditions(now);
      const updated = this.store.replace({
        ...node,
        spec: { ...node.spec, taints: emptyToUndefined((node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE)) },
        status: { ...node.status, conditions },
      });
      this.events.record(updated, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, { component: 'kubelet', host: name });
    }
    const pods = this.store.list('Pod', undefined, (p) => (p as Pod).spec.nodeName === name);
    for (const pod of pods) {
      const t = this.evictions.get(pod.metadata.uid!);
      if (t !== undefined) this.clock.clearTimer(t);
      this.evictions.delete(pod.metadata.uid!);
    }
    kubelet.resync(pods);
  }

  private markUnreachable(name: string): void {
    const node = this.node(name);
    const now = isoSeconds(this.clock.wallTime());
    const conditions = (node.status?.conditions ?? []).map((c): Condition => ({
      ...c,
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastTransitionTime: now,
    }));
    const taint: Taint = { key: UNREACHABLE, effect: 'NoExecute', timeAdded: now };
    // TaintNodesByCondition adds the NoSchedule twin, which keeps new Pods away even when they tolerate the NoExecute one.
    const noSchedule: Taint = { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: now };
    const updated = this.store.replace({
      ...node,
      spec: { ...node.spec, taints: [...(node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE), taint, noSchedule] },
      status: { ...node.status, conditions },
    }) as Node;
    this.events.record(updated, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: 'node-controller' });
    for (const obj of this.store.list('Pod', undefined, (p) => (p as Pod).spec.nodeName === name)) {
      const pod = obj as Pod;
      this.markPodNotReady(pod, now);
      this.scheduleEviction(pod, taint);
    }
  }

  private markPodNotReady(pod: Pod, now: string): void {
    if (!pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return;
    const conditions = pod.status.conditions.map((c) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' as const, lastTransitionTime: now } : c));
    this.store.replace({ ...pod, status: { ...pod.status, conditions } });
  }

  private scheduleEviction(pod: Pod, taint: Taint): void {
    const toleration = tolerationFor(taint, pod.spec.tolerations);
    if (toleration && toleration.tolerationSeconds === undefined) return; // tolerated forever
    const delay = toleration ? Math.max(0, toleration.tolerationSeconds!) * 1000 : 0;
    const uid = pod.metadata.uid!;
    this.evictions.set(
      uid,
      this.clock.setTimer(() => {
        this.evictions.delete(uid);
        this.evict(pod);
      }, delay),
    );
  }

  private evict(pod: Pod): void {
    const current = this.store.get('Pod', pod.metadata.namespace, pod.metadata.name!) as Pod | undefined;
    if (!current || current.metadata.uid !== pod.metadata.uid || current.metadata.deletionTimestamp) return;
    this.events.record(current, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`, { component: 'taint-eviction-controller' });
    const grace = current.spec.terminationGracePeriodSeconds ?? 30;
    const now = isoSeconds(this.clock.wallTime());
    const disruption: Condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
    this.store.replace({
      ...current,
      metadata: { ...current.metadata, deletionTimestamp: isoSeconds(this.clock.wallTime() + grace * 1000), deletionGracePeriodSeconds: grace },
      status: { ...current.status, conditions: [...(current.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), disruption] },
    });
  }

  /** spec.unschedulable ⇔ the unschedulable NoSchedule taint. */
  private reconcileCordon(node: Node): void {
    const cordoned = node.spec.unschedulable === true;
    const tainted = (node.spec.taints ?? []).some((t) => t.key === UNSCHEDULABLE);
    if (cordoned === tainted) return;
    const taints = cordoned
      ? [...(node.spec.taints ?? []), { key: UNSCHEDULABLE, effect: 'NoSchedule' as const, timeAdded: isoSeconds(this.clock.wallTime()) }]
      : (node.spec.taints ?? []).filter((t) => t.key !== UNSCHEDULABLE);
    const updated = this.store.replace({ ...node, spec: { ...node.spec, taints: emptyToUndefined(taints) } });
    const name = node.metadata.name!;
    this.events.record(updated, 'Normal', cordoned ? 'NodeNotSchedulable' : 'NodeSchedulable', `Node ${name} status is now: ${cordoned ? 'NodeNotSchedulable' : 'NodeSchedulable'}`, { component: 'kubelet', host: name });
  }
}

function healthyConditions(now: string): Condition[] {
  const base = { lastHeartbeatTime: now, lastTransitionTime: now };
  return [
    { type: 'MemoryPressure', status: 'False', ...base, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', ...base, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', ...base, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', ...base, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

/** The API drops an empty taint list. */
function emptyToUndefined(taints: Taint[]): Taint[] | undefined {
  return taints.length ? taints : undefined;
}
