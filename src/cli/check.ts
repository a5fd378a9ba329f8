// `kubesim check DIR`: apply the folder to a fresh simulated cluster on virtual time, run the simulation until
// every Pod has reached what it should (or the simulated timeout), print a table, and exit 0 or 1.
// What a Pod should reach: the state named by its `kubesim.dev/expect` annotation (CrashLoopBackOff,
// ImagePullBackOff, Pending, ...), otherwise Completed for Pods that run to completion (restartPolicy Never or
// OnFailure) and Running with every container ready for the rest.

import { opendir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ClusterSource } from '../kube/cluster-source.js';
import { podReadyColumn, podStatusReason } from '../kube/print/pod-columns.js';
import { refKey, type ObjectRef, type Pod } from '../kube/types.js';
import { folderRefusal } from '../manifests/folder-check.js';
import { kubectlName } from '../manifests/object-name.js';
import { readManifestFile } from '../manifests/read-file.js';
import { Reconciler } from '../manifests/reconciler.js';
import { isIgnoredSegment, isManifestName } from '../manifests/watch.js';
import { humanDuration } from '../kube/print/human-duration.js';

export const EXPECT_ANNOTATION = 'kubesim.dev/expect';

export interface CheckRun {
  dir: string;
  source: ClusterSource;
  /** Moves simulated time forward and lets the simulation's work settle. */
  advance(ms: number): Promise<void>;
  timeoutMs: number;
  recreate?: boolean;
  write(line: string): void;
  /** Simulated time between two looks at the Pods (default 1 s). */
  stepMs?: number;
}

export interface Expectation {
  /** What the table shows: `Running, Ready`, `Completed`, `CrashLoopBackOff`. */
  label: string;
  reached(pod: Pod): boolean;
}

function allReady(pod: Pod): boolean {
  const [ready, total] = podReadyColumn(pod).split('/');
  return total !== '0' && ready === total;
}

/** What `pod` should reach, from its annotation or its restart policy. */
export function expectationFor(pod: Pod): Expectation {
  const named = pod.metadata.annotations?.[EXPECT_ANNOTATION]?.trim();
  if (named) return { label: named, reached: (p) => podStatusReason(p) === named };
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy !== 'Always') return { label: 'Completed', reached: (p) => podStatusReason(p) === 'Completed' };
  return { label: 'Running, Ready', reached: (p) => podStatusReason(p) === 'Running' && allReady(p) };
}

/** The manifest files below `dir`, as the watcher would see them, in path order. */
export async function manifestFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for await (const entry of await opendir(folder)) {
      if (isIgnoredSegment(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isManifestName(entry.name)) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  await walk(dir);
  return found.sort();
}

interface Row {
  ref: ObjectRef;
  expectation?: Expectation;
  reached: boolean;
  last?: Pod;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 2))).join('').trimEnd());
}

/** Runs the check and returns the exit code. */
export async function runCheck(run: CheckRun): Promise<number> {
  const refusal = await folderRefusal(run.dir);
  if (refusal) {
    run.write(`error: ${refusal}`);
    return 1;
  }
  const display = (id: string) => `${run.dir.replace(/\/+$/, '')}/${id}`;
  const reconciler = new Reconciler({
    source: run.source,
    dir: run.dir,
    recreate: run.recreate ?? true,
    readFile: (id) => readManifestFile(join(run.dir, id), display(id)),
  });
  const ids = await manifestFiles(run.dir);
  const files = await Promise.all(ids.map(async (id) => ({ id, read: await readManifestFile(join(run.dir, id), display(id)) })));
  await reconciler.load(files);
  await reconciler.idle();

  const objects = reconciler.status.files().flatMap((f) => f.objects);
  const pods = new Map<string, Row>();
  for (const o of objects) {
    if (o.ref.kind === 'Pod' && o.outcome !== 'error' && o.outcome !== 'deleted') pods.set(refKey(o.ref), { ref: o.ref, reached: false });
  }
  const look = async () => {
    for (const row of pods.values()) {
      if (row.reached) continue;
      try {
        const pod = (await run.source.get(row.ref)) as Pod;
        row.last = pod;
        row.expectation ??= expectationFor(pod);
        // Latched: a crash-looping Pod shows CrashLoopBackOff only between restarts.
        if (row.expectation.reached(pod)) row.reached = true;
      } catch {
        row.last = undefined;
      }
    }
  };

  const step = run.stepMs ?? 1000;
  let elapsed = 0;
  await look();
  while (elapsed < run.timeoutMs && [...pods.values()].some((r) => !r.reached)) {
    await run.advance(step);
    elapsed += step;
    await reconciler.idle();
    await look();
  }
  await reconciler.close();

  const rows = [...pods.values()].sort((a, b) => (refKey(a.ref) < refKey(b.ref) ? -1 : 1));
  if (rows.length > 0) {
    const lines = [['NAMESPACE', 'NAME', 'EXPECTED', 'STATUS', 'READY', 'RESULT']];
    for (const r of rows) {
      lines.push([
        r.ref.namespace ?? '',
        r.ref.name,
        r.expectation?.label ?? '?',
        r.last ? podStatusReason(r.last) : '<gone>',
        r.last ? podReadyColumn(r.last) : '-',
        r.reached ? 'ok' : 'FAILED',
      ]);
    }
    for (const line of table(lines)) run.write(line);
  }
  const notSimulated = objects.filter((o) => o.outcome === 'not-simulated');
  if (notSimulated.length > 0) {
    run.write('');
    run.write('not checked (kinds not simulated yet):');
    for (const o of notSimulated) run.write(`  ${o.file}  ${kubectlName(o.ref)}`);
  }
  const problems = reconciler.status.problems();
  if (problems.length > 0) {
    run.write('');
    for (const p of problems) run.write(`error  ${p.file}:${p.line}:${p.col}  ${p.message}`);
  }
  const reached = rows.filter((r) => r.reached).length;
  run.write('');
  run.write(
    `${reached} of ${rows.length} Pod${rows.length === 1 ? '' : 's'} reached what ${rows.length === 1 ? 'it' : 'they'} should` +
      ` in ${humanDuration(elapsed)} of simulated time` +
      (problems.length > 0 ? `; ${problems.length} manifest problem${problems.length === 1 ? '' : 's'}` : ''),
  );
  return reached === rows.length && problems.length === 0 ? 0 : 1;
}
