// The reconciler's report, per file and per object (the ReconcileStatus the dashboard and headless mode
// read). Pure bookkeeping: it turns "this is now the outcome / these are now the problems" into events.

import type {
  FileStatus,
  ManifestProblem,
  ObjectStatus,
  ReconcileEvent,
  ReconcileStatus,
} from '../kube/reconcile-status.js';
import { refKey } from '../kube/types.js';
import { byteOrder } from '../kube/byte-order.js';

interface FileRecord {
  objects: Map<string, ObjectStatus>;
  problems: ManifestProblem[];
  appliedAt?: number;
}

export type NewProblem = Omit<ManifestProblem, 'since'>;

function sameProblem(a: NewProblem, b: NewProblem): boolean {
  return a.file === b.file && a.line === b.line && a.col === b.col && a.message === b.message;
}

export class ReconcileState implements ReconcileStatus {
  private readonly records = new Map<string, FileRecord>();
  private readonly listeners = new Set<(event: ReconcileEvent) => void>();

  constructor(
    readonly dir: string,
    private readonly now: () => number,
  ) {}

  private record(file: string): FileRecord {
    let rec = this.records.get(file);
    if (!rec) {
      rec = { objects: new Map(), problems: [] };
      this.records.set(file, rec);
    }
    return rec;
  }

  private emit(event: ReconcileEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing reader must not break reconciling.
      }
    }
  }

  /** Records an object's outcome and tells listeners. */
  setObject(status: Omit<ObjectStatus, 'at'>): void {
    const full: ObjectStatus = { ...status, at: this.now() };
    this.record(status.file).objects.set(refKey(status.ref), full);
    this.emit({ type: 'object', status: full });
  }

  objectStatus(file: string, key: string): ObjectStatus | undefined {
    return this.records.get(file)?.objects.get(key);
  }

  /** Forgets objects of `file` that are not in `keep` (after a pass: deleted ones, ones another file took). */
  retainObjects(file: string, keep: Set<string>): void {
    const rec = this.records.get(file);
    if (!rec) return;
    for (const key of rec.objects.keys()) if (!keep.has(key)) rec.objects.delete(key);
  }

  markApplied(file: string): void {
    this.record(file).appliedAt = this.now();
  }

  /** Replaces the file's problems; problems seen before keep their `since`. */
  setProblems(file: string, problems: NewProblem[]): void {
    const rec = this.record(file);
    const before = rec.problems;
    const next: ManifestProblem[] = [];
    const fresh: ManifestProblem[] = [];
    for (const p of problems) {
      if (next.some((q) => sameProblem(q, p))) continue;
      const old = before.find((q) => sameProblem(q, p));
      const problem = old ?? { ...p, since: this.now() };
      next.push(problem);
      if (!old) fresh.push(problem);
    }
    rec.problems = next;
    for (const problem of fresh) this.emit({ type: 'problem', problem });
    if (before.length > 0 && next.length === 0) this.emit({ type: 'resolved', file });
  }

  /** Adds one problem (from work that finishes after the pass, such as a recreate). */
  addProblem(file: string, problem: NewProblem): void {
    this.setProblems(file, [...this.record(file).problems, problem]);
  }

  /** Drops the problems that belong to one object (its error was fixed by later work). */
  clearObjectProblems(file: string, key: string): void {
    const rec = this.records.get(file);
    if (!rec) return;
    this.setProblems(
      file,
      rec.problems.filter((p) => !p.ref || refKey(p.ref) !== key),
    );
  }

  problemsOf(file: string): ManifestProblem[] {
    return this.records.get(file)?.problems ?? [];
  }

  removeFile(file: string): void {
    const rec = this.records.get(file);
    if (!rec) return;
    this.records.delete(file);
    if (rec.problems.length > 0) this.emit({ type: 'resolved', file });
  }

  pass(file: string, ms: number): void {
    this.emit({ type: 'pass', file, ms });
  }

  files(): FileStatus[] {
    return [...this.records.entries()]
      .sort(([a], [b]) => byteOrder(a, b))
      .map(([file, rec]) => ({
        file,
        objects: [...rec.objects.values()],
        problems: [...rec.problems],
        ...(rec.appliedAt === undefined ? {} : { appliedAt: rec.appliedAt }),
      }));
  }

  problems(): ManifestProblem[] {
    return [...this.records.values()].flatMap((r) => r.problems).sort((a, b) => a.since - b.since);
  }

  subscribe(listener: (event: ReconcileEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
