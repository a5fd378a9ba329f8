// The scheduler's per-node numbers as columns (one typed array per field, indexed by the node's place in the
// scheduling order). Placing one Pod among 1,000 nodes reads these numbers for ~420 of them: from a few
// contiguous arrays that is a cache-friendly scan, from 1,000 separate objects it is 420 pointer chases.
// The NodeAccount objects stay the truth; the columns are a copy kept in step (rebuilt when nodes come
// and go, written through when a Pod is placed or released).

/** A node's account as the scheduler keeps it: allocatable, requested (scoreCpu/scoreMemory with the
 * scheduler's non-zero defaults), and whether only resources can rule it out (not cordoned, no taints). */
export interface NodeNumbers {
  allocCpu: number;
  allocMemory: number;
  allocPods: number;
  cpu: number;
  memory: number;
  scoreCpu: number;
  scoreMemory: number;
  pods: number;
  clean: boolean;
}

export class NodeColumns<T extends NodeNumbers> {
  readonly size: number;
  readonly allocCpu: Float64Array;
  readonly allocMemory: Float64Array;
  readonly allocPods: Float64Array;
  readonly cpu: Float64Array;
  readonly memory: Float64Array;
  readonly scoreCpu: Float64Array;
  readonly scoreMemory: Float64Array;
  readonly pods: Float64Array;
  readonly clean: Uint8Array;
  private readonly index = new Map<T, number>();
  /**
   * For one request (the latest asked for: the Pods of one template ask alike), each clean node's LeastAllocated
   * score with the Pod placed, and its rank: NO_FIT when it is not clean or its resources do not hold the
   * request, else the score and then fewer Pods, as one integer (what the scheduler compares). Kept in step as
   * nodes' usage changes: placing a Pod then reads one number per node instead of working it out from six.
   * Pods of different requests placed in turn rework all nodes each time (one request is remembered, not several).
   * The resource checks are Scheduler.filter's, which words the reasons when a node does not fit.
   */
  private readonly rankFor: Int32Array;
  private readonly scoreFor: Int32Array;
  private readonly columnsFor: { ranks: Int32Array; scores: Int32Array };
  private readonly request = new Float64Array(4).fill(Number.NaN);

  constructor(readonly accounts: readonly T[]) {
    const n = (this.size = accounts.length);
    this.allocCpu = new Float64Array(n);
    this.allocMemory = new Float64Array(n);
    this.allocPods = new Float64Array(n);
    this.cpu = new Float64Array(n);
    this.memory = new Float64Array(n);
    this.scoreCpu = new Float64Array(n);
    this.scoreMemory = new Float64Array(n);
    this.pods = new Float64Array(n);
    this.clean = new Uint8Array(n);
    this.rankFor = new Int32Array(n);
    this.scoreFor = new Int32Array(n);
    this.columnsFor = { ranks: this.rankFor, scores: this.scoreFor };
    accounts.forEach((a, i) => {
      this.index.set(a, i);
      this.allocCpu[i] = a.allocCpu;
      this.allocMemory[i] = a.allocMemory;
      this.allocPods[i] = a.allocPods;
      this.clean[i] = a.clean ? 1 : 0;
      this.update(a, i);
    });
  }

  /** Copies an account's usage after a Pod was placed on or released from it. */
  updated(account: T): void {
    const i = this.index.get(account);
    if (i !== undefined) this.update(account, i);
  }

  private update(a: T, i: number): void {
    this.cpu[i] = a.cpu;
    this.memory[i] = a.memory;
    this.scoreCpu[i] = a.scoreCpu;
    this.scoreMemory[i] = a.scoreMemory;
    this.pods[i] = a.pods;
    if (!Number.isNaN(this.request[0]!)) this.rankAndScore(i);
  }

  /**
   * Every node's rank and score for a Pod requesting `cpu` and `memory` (`scoreCpu` and `scoreMemory` with the
   * scheduler's non-zero defaults): two columns, worked out again only when the request differs from the last.
   */
  ranksAndScores(cpu: number, memory: number, scoreCpu: number, scoreMemory: number): { ranks: Int32Array; scores: Int32Array } {
    const r = this.request;
    if (r[0] !== cpu || r[1] !== memory || r[2] !== scoreCpu || r[3] !== scoreMemory) {
      r[0] = cpu;
      r[1] = memory;
      r[2] = scoreCpu;
      r[3] = scoreMemory;
      for (let i = 0; i < this.size; i++) this.rankAndScore(i);
    }
    return this.columnsFor;
  }

  private rankAndScore(i: number): void {
    const r = this.request;
    const score = (this.scoreFor[i] = this.leastAllocated(i, r[2]!, r[3]!));
    const fits = this.clean[i] === 1 && this.pods[i]! < this.allocPods[i]! && this.cpu[i]! + r[0]! <= this.allocCpu[i]! + 1e-9 && this.memory[i]! + r[1]! <= this.allocMemory[i]!;
    this.rankFor[i] = fits ? rank(score, this.pods[i]!) : NO_FIT;
  }

  /** NodeResourcesFit's LeastAllocated score (0–100) of node `i` with the Pod placed. */
  leastAllocated(i: number, cpu: number, memory: number): number {
    const allocCpu = this.allocCpu[i]!;
    const allocMemory = this.allocMemory[i]!;
    const cpuFree = allocCpu > 0 ? (allocCpu - this.scoreCpu[i]! - cpu) / allocCpu : 0;
    const memFree = allocMemory > 0 ? (allocMemory - this.scoreMemory[i]! - memory) / allocMemory : 0;
    // `| 0` (0–100, so the same as Math.floor) keeps the score a small integer.
    return (((Math.max(0, cpuFree) + Math.max(0, memFree)) / 2) * 100) | 0;
  }
}

/** A node that the resources alone do not decide for (not clean), or that cannot hold the request. */
export const NO_FIT = -0x80000000;

/**
 * A feasible node's score and Pod count as one integer: a higher score ranks higher, and at the same score
 * fewer Pods (as the scheduler breaks ties); equal ranks are the ties it picks among at random.
 */
export function rank(score: number, pods: number): number {
  return score * 0x10000 + (0xffff - pods);
}
