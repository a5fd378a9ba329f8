// default-scheduler: binds each Pod without spec.nodeName to a node. Filters run in the upstream plugin
// order (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit) and the first failure per node
// is its reason, so the FailedScheduling message counts reasons exactly as the real scheduler does. Among
// fitting nodes the least allocated wins (requests, with the scheduler's non-zero defaults), then the one
// with fewer Pods, then a seeded pick. Per-node accounting is kept incrementally: no scan of all Pods.

import type { Condition, KubeObject, Node, Pod, Taint } from '../kube/types.js';
import type { Clock, TimerId } from './clock.js';
import { eventText, type EventRecorder, type EventSource } from './events.js';
import { parseQuantity, withMembers } from './kube-deps.js';
import { podRequests, type PodRequests } from './pod-resources.js';
import type { SeededRandom } from './random.js';
import { isSchedulingGated } from './admission.js';
import { isoSeconds, type ObjectStore, type StoreEvent } from './store.js';
import { firstUntoleratedTaint, formatTaintForScheduler } from './taints.js';
import { nodeMatchesAffinity } from './node-affinity.js';
import { sharedCondition } from './pod-lifecycle.js';
import { NO_FIT, NodeColumns, rank, type NodeNumbers } from './node-columns.js';

const SCHEDULER = 'default-scheduler';
/** The scheduler's events come from its one instance, on the control plane. */
const SCHEDULER_SOURCE: EventSource = Object.freeze({ component: SCHEDULER, instance: `${SCHEDULER}-kubesim-control-plane` });
/** How soon Pods that did not fit are tried again after the cluster changed (the scheduler's back-off). */
const RETRY_AFTER_CHANGE_MS = 1_000;
/** Unschedulable Pods are retried at least this often even when nothing changed. */
const RETRY_PERIOD_MS = 5 * 60 * 1000;

interface NodeAccount extends NodeNumbers {
  node: Node;
}

/** What a placed Pod holds on its node (its requests as plain numbers: one object per Pod). */
interface PodAccount {
  nodeName: string;
  cpu: number;
  memory: number;
  scoreCpu: number;
  scoreMemory: number;
}

/** Namespace and name of a Pod (its own strings: nothing to build or split). */
interface PodKey {
  namespace: string | undefined;
  name: string;
}

function podKey(pod: Pod): PodKey {
  return { namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' };
}

/** Whether a Pod still holds its node's resources (not finished). */
function holdsResources(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export class Scheduler {
  private readonly nodes = new Map<string, NodeAccount>();
  private readonly placed = new Map<string, PodAccount>();
  /** uid → where to find the Pods waiting for a scheduling attempt, in arrival order. */
  private readonly active = new Map<string, PodKey>();
  private readonly unschedulable = new Map<string, PodKey>();
  private cycleTimer: TimerId | undefined;
  private retryTimer: TimerId | undefined;
  private periodicTimer: TimerId | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    private readonly random: SeededRandom,
  ) {
    for (const node of store.list('Node')) this.onNode(node as Node);
    for (const pod of store.list('Pod')) this.onPod({ type: 'ADDED', object: pod, rv: 0 });
    const offNodes = store.subscribe('Node', (e) => (e.type === 'DELETED' ? this.onNodeDeleted(e.object as Node) : this.onNode(e.object as Node)));
    const offPods = store.subscribe('Pod', (e) => this.onPod(e));
    this.unsubscribe = () => {
      offNodes();
      offPods();
    };
  }

  stop(): void {
    this.unsubscribe();
    for (const t of [this.cycleTimer, this.retryTimer, this.periodicTimer]) if (t !== undefined) this.clock.clearTimer(t);
  }

  private onNode(node: Node): void {
    const old = this.nodes.get(node.metadata.name!);
    const alloc = node.status?.allocatable ?? {};
    const account: NodeAccount = {
      node,
      allocCpu: parseQuantity(alloc.cpu ?? '0'),
      allocMemory: parseQuantity(alloc.memory ?? '0'),
      allocPods: parseQuantity(alloc.pods ?? '0'),
      cpu: old?.cpu ?? 0,
      memory: old?.memory ?? 0,
      scoreCpu: old?.scoreCpu ?? 0,
      scoreMemory: old?.scoreMemory ?? 0,
      pods: old?.pods ?? 0,
      clean: !node.spec.unschedulable && !(node.spec.taints ?? []).length,
    };
    this.nodes.set(node.metadata.name!, account);
    this.order = undefined;
    if (!old || old.node.spec !== node.spec || old.node.metadata.labels !== node.metadata.labels || old.node.status?.allocatable !== node.status?.allocatable) {
      this.retrySoon();
    }
  }

  private onNodeDeleted(node: Node): void {
    this.nodes.delete(node.metadata.name!);
    this.order = undefined;
  }

  /** The nodes in scheduling order, as columns; rebuilt after nodes change. */
  private order: NodeColumns<NodeAccount> | undefined;
  private nextStart = 0;
  /** Scratch: the nodes tied for the best score while placing one Pod. */
  private tied = new Int32Array(0);

  private nodeOrder(): NodeColumns<NodeAccount> {
    return (this.order ??= new NodeColumns([...this.nodes.values()]));
  }

  private onPod(event: StoreEvent): void {
    const pod = event.object as Pod;
    const uid = pod.metadata.uid!;
    const gone = event.type === 'DELETED';
    const nodeName = pod.spec.nodeName;
    if (nodeName) {
      const holds = !gone && holdsResources(pod);
      const had = this.placed.get(uid);
      // Most writes are status updates of a Pod already placed and accounted: nothing to do.
      if (holds && had) return;
      this.active.delete(uid);
      this.unschedulable.delete(uid);
      // A Pod bound elsewhere (spec.nodeName, a static Pod): the ones placed here were accounted when placed.
      if (holds && !had) this.account(uid, nodeName, podRequests(pod), podRequests(pod, true));
      if (!holds && had) {
        this.release(uid, had);
        this.retrySoon();
      }
      return;
    }
    if (gone || pod.metadata.deletionTimestamp || (pod.spec.schedulerName ?? SCHEDULER) !== SCHEDULER || isSchedulingGated(pod)) {
      this.active.delete(uid);
      this.unschedulable.delete(uid);
      return;
    }
    if (!this.active.has(uid) && !this.unschedulable.has(uid)) {
      this.active.set(uid, podKey(pod));
      this.scheduleCycle();
    }
  }

  private account(uid: string, nodeName: string, requests: PodRequests, scoreRequests: PodRequests): void {
    this.placed.set(uid, { nodeName, cpu: requests.cpu, memory: requests.memory, scoreCpu: scoreRequests.cpu, scoreMemory: scoreRequests.memory });
    const n = this.nodes.get(nodeName);
    if (!n) return;
    n.cpu += requests.cpu;
    n.memory += requests.memory;
    n.scoreCpu += scoreRequests.cpu;
    n.scoreMemory += scoreRequests.memory;
    n.pods++;
    this.order?.updated(n);
  }

  private release(uid: string, had: PodAccount): void {
    this.placed.delete(uid);
    const n = this.nodes.get(had.nodeName);
    if (!n) return;
    n.cpu -= had.cpu;
    n.memory -= had.memory;
    n.scoreCpu -= had.scoreCpu;
    n.scoreMemory -= had.scoreMemory;
    n.pods--;
    this.order?.updated(n);
  }

  private scheduleCycle(): void {
    if (this.cycleTimer !== undefined) return;
    this.cycleTimer = this.clock.setTimer(() => {
      this.cycleTimer = undefined;
      this.runCycle();
    }, 0);
  }

  private retrySoon(): void {
    if (this.unschedulable.size === 0 || this.retryTimer !== undefined) return;
    this.retryTimer = this.clock.setTimer(() => {
      this.retryTimer = undefined;
      this.requeueUnschedulable();
    }, RETRY_AFTER_CHANGE_MS);
  }

  private requeueUnschedulable(): void {
    for (const [uid, key] of this.unschedulable) this.active.set(uid, key);
    this.unschedulable.clear();
    if (this.active.size > 0) this.scheduleCycle();
  }

  private runCycle(): void {
    const batch = [...this.active];
    this.active.clear();
    for (const [uid, key] of batch) {
      const pod = this.store.get('Pod', key.namespace, key.name) as Pod | undefined;
      if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp || isSchedulingGated(pod)) continue;
      this.schedule(pod);
    }
    if (this.unschedulable.size > 0 && this.periodicTimer === undefined) {
      this.periodicTimer = this.clock.setTimer(() => {
        this.periodicTimer = undefined;
        this.requeueUnschedulable();
      }, RETRY_PERIOD_MS);
    }
  }

  private schedule(pod: Pod): void {
    const requests = podRequests(pod);
    const scoreRequests = podRequests(pod, true);
    let reasons: Map<string, number> | undefined;
    /** Reasons preemption could not help with (removing Pods would not make the node fit). */
    let unresolvable = 0;
    let best = -1;
    let bestRank = -Infinity;
    let ties = 0;
    // Like the real scheduler, stop looking once enough feasible nodes are found (percentageOfNodesToScore),
    // starting where the previous Pod stopped so every node gets its turn.
    const columns = this.nodeOrder();
    const { pods, clean } = columns;
    const { ranks, scores } = columns.ranksAndScores(requests.cpu, requests.memory, scoreRequests.cpu, scoreRequests.memory);
    const total = columns.size;
    const tied = (this.tied = this.tied.length >= columns.size ? this.tied : new Int32Array(columns.size));
    const wanted = feasibleNodesToFind(total);
    let feasible = 0;
    let examined = 0;
    // Most Pods select no nodes and most nodes carry no taints: then only the resources decide.
    const plain = !pod.spec.nodeSelector && !pod.spec.affinity;
    // The start is taken modulo the node count: nodes may have gone since the last Pod was placed.
    for (let i = total ? this.nextStart % total : 0; examined < total && feasible < wanted; examined++, i = i + 1 === total ? 0 : i + 1) {
      let nodeRank = plain ? ranks[i]! : NO_FIT;
      if (nodeRank === NO_FIT) {
        const failure = this.filter(columns.accounts[i]!, pod, requests);
        if (failure) {
          reasons ??= new Map();
          for (const r of failure.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
          if (failure.unresolvable) unresolvable++;
          continue;
        }
        nodeRank = rank(clean[i] === 1 ? scores[i]! : this.score(columns, i, scoreRequests, pod), pods[i]!);
      }
      feasible++;
      // The best score, and at the same score the node with fewer Pods; equal ranks are ties.
      if (nodeRank > bestRank) {
        best = i;
        bestRank = nodeRank;
        tied[0] = i;
        ties = 1;
      } else if (nodeRank === bestRank) {
        tied[ties++] = i;
      }
    }
    // One seeded draw picks uniformly among the equally good nodes (as the scheduler's reservoir sampling does,
    // which would draw once per tie: hundreds of draws per Pod in an empty cluster).
    if (ties > 1) best = tied[this.random.int(ties)]!;
    if (total > 0) this.nextStart = ((this.nextStart % total) + examined) % total;
    if (best >= 0) {
      const n = columns.accounts[best]!;
      // Accounted as it is bound: the bound Pod's own store event then finds it placed.
      this.account(pod.metadata.uid!, n.node.metadata.name!, requests, scoreRequests);
      this.bind(pod, n);
      return;
    }
    this.unschedulable.set(pod.metadata.uid!, podKey(pod));
    this.reportUnschedulable(pod, this.fitErrorMessage(reasons ?? new Map(), unresolvable));
  }

  private filter(n: NodeAccount, pod: Pod, requests: PodRequests): { reasons: string[]; unresolvable: boolean } | undefined {
    const node = n.node;
    if (node.spec.unschedulable && !(pod.spec.tolerations ?? []).some((t) => t.key === 'node.kubernetes.io/unschedulable' && (t.operator === 'Exists' || !t.operator) && (!t.effect || t.effect === 'NoSchedule'))) {
      return { reasons: ['node(s) were unschedulable'], unresolvable: true };
    }
    const taint = firstUntoleratedTaint(node.spec.taints, pod.spec.tolerations, ['NoSchedule', 'NoExecute']);
    if (taint) return { reasons: [`node(s) had untolerated taint ${formatTaintForScheduler(taint as Taint)}`], unresolvable: true };
    if (!nodeMatchesAffinity(pod, node)) return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
    const reasons: string[] = [];
    if (n.pods + 1 > n.allocPods) reasons.push('Too many pods');
    if (requests.cpu > 0 && n.cpu + requests.cpu > n.allocCpu + 1e-9) reasons.push('Insufficient cpu');
    if (requests.memory > 0 && n.memory + requests.memory > n.allocMemory) reasons.push('Insufficient memory');
    return reasons.length ? { reasons, unresolvable: false } : undefined;
  }

  /** LeastAllocated (0–100), minus a little per untolerated PreferNoSchedule taint. */
  private score(columns: NodeColumns<NodeAccount>, i: number, req: PodRequests, pod: Pod): number {
    let score = columns.leastAllocated(i, req.cpu, req.memory);
    for (const t of columns.accounts[i]!.node.spec.taints ?? []) {
      if (t.effect === 'PreferNoSchedule' && firstUntoleratedTaint([t], pod.spec.tolerations, ['PreferNoSchedule'])) score -= 100;
    }
    return score;
  }

  private fitErrorMessage(reasons: Map<string, number>, unresolvable: number): string {
    const total = this.nodes.size;
    if (total === 0) return 'no nodes available to schedule pods';
    const histogram = [...reasons].map(([reason, count]) => `${count} ${reason}`).sort();
    const resolvable = total - unresolvable;
    const preemption: string[] = [];
    if (unresolvable > 0) preemption.push(`${unresolvable} Preemption is not helpful for scheduling`);
    if (resolvable > 0) preemption.push(`${resolvable} No preemption victims found for incoming pod`);
    return `0/${total} nodes are available: ${histogram.join(', ')}. preemption: 0/${total} nodes are available: ${preemption.sort().join(', ')}.`;
  }

  private bind(pod: Pod, n: NodeAccount): void {
    const nodeName = n.node.metadata.name!;
    const now = isoSeconds(this.clock.wallTime());
    const conditions = withCondition(pod.status?.conditions, sharedCondition('PodScheduled', 'True', now));
    const bound = this.store.replace({
      ...pod,
      spec: withMembers(pod.spec, { nodeName }),
      status: withMembers(pod.status ?? {}, { phase: pod.status?.phase ?? 'Pending', conditions }),
    });
    this.events.record(bound, 'Normal', 'Scheduled', eventText('Successfully assigned ', pod.metadata.namespace ?? '', '/', pod.metadata.name ?? '', ' to ', nodeName), SCHEDULER_SOURCE);
  }

  private reportUnschedulable(pod: Pod, message: string): void {
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    let current: KubeObject = pod;
    if (!existing || existing.status !== 'False' || existing.message !== message) {
      const since = existing?.status === 'False' ? existing.lastTransitionTime : isoSeconds(this.clock.wallTime());
      const conditions = withCondition(pod.status?.conditions, sharedCondition('PodScheduled', 'False', since, 'Unschedulable', message));
      current = this.store.replace({ ...pod, status: withMembers(pod.status ?? {}, { phase: 'Pending', conditions }) });
    }
    this.events.record(current, 'Warning', 'FailedScheduling', message, SCHEDULER_SOURCE);
  }
}

/** kube-scheduler's numFeasibleNodesToFind with the adaptive percentage: all of a small cluster, 42% of 1,000 nodes. */
function feasibleNodesToFind(total: number): number {
  if (total < 100) return total;
  const percentage = Math.max(5, 50 - Math.floor(total / 125));
  return Math.max(100, Math.floor((total * percentage) / 100));
}

/** Conditions with `condition` replacing the one of its type (or added). */
export function withCondition(conditions: readonly Condition[] | undefined, condition: Condition): Condition[] {
  // Pushed, then copied at its exact size: the pushed list has spare capacity, which the stored Pod would keep.
  const out: Condition[] = [];
  for (const c of conditions ?? []) if (c.type !== condition.type) out.push(c);
  out.push(condition);
  return out.slice();
}
