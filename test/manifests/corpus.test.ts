// The Kubernetes documentation's examples (../shared/corpus/k8s-docs-examples beside the repository), held to
// what a real cluster does with each document (test/manifests/corpus-expectations.json, written from the
// corpus's INDEX.md): first each file on its own into a fresh simulated cluster, as `kubectl apply -f FILE`
// would, then all files at once in one watched folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isApiError } from '../../src/kube/api-error.js';
import type { ClusterSource } from '../../src/kube/cluster-source.js';
import { podStatusReason } from '../../src/kube/print/pod-columns.js';
import type { FileStatus } from '../../src/kube/reconcile-status.js';
import { refKey, refOf, type Pod } from '../../src/kube/types.js';
import { manifestFiles } from '../../src/cli/check.js';
import { readManifestFile } from '../../src/manifests/read-file.js';
import { Reconciler } from '../../src/manifests/reconciler.js';
import { FolderWatcher } from '../../src/manifests/watch.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { createContainerRuntime, type ContainerRuntime } from '../../src/sim/runtime/index.js';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/sim/simulated-cluster.js';

const CORPUS = resolve('../shared/corpus/k8s-docs-examples');
const present = existsSync(join(CORPUS, 'INDEX.md'));

interface Expectation {
  kind: string;
  name: string;
  namespace?: string;
  result: 'accepted' | 'rejected' | 'not-a-manifest' | 'yaml-error';
  reason?: string;
  message?: string;
  pod?: string;
  must: boolean;
  note?: string;
}

const expectations = (
  JSON.parse(readFileSync(new URL('./corpus-expectations.json', import.meta.url), 'utf8')) as { documents: Record<string, Expectation> }
).documents;

async function runtime(): Promise<ContainerRuntime> {
  return createContainerRuntime({});
}

/** A source that remembers the API reason of every failed apply, by object. */
function recordingReasons(cluster: SimulatedCluster): { source: ClusterSource; reasons: Map<string, string> } {
  const reasons = new Map<string, string>();
  const source = new Proxy(cluster, {
    get(target, property, receiver) {
      if (property === 'apply') {
        return async (...args: Parameters<ClusterSource['apply']>) => {
          try {
            return await target.apply(...args);
          } catch (e) {
            if (isApiError(e)) reasons.set(refKey(refOf(args[0])), e.reason);
            throw e;
          }
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as ClusterSource;
  return { source, reasons };
}

function parseKey(key: string): { file: string; documentIndex: number } {
  const hash = key.lastIndexOf('#');
  return { file: key.slice(0, hash), documentIndex: Number.parseInt(key.slice(hash + 1), 10) };
}

function objectOf(status: FileStatus | undefined, documentIndex: number, e: Expectation) {
  return status?.objects.find((o) => o.documentIndex === documentIndex && o.ref.kind === e.kind && o.ref.name === e.name);
}

/**
 * Documents that must match but do not yet, each for a reason outside the reconciler. Listed so the test
 * stays a spec: it fails when a new document stops matching, and says when a listed one has been fixed.
 */
const KNOWN_GAPS: Record<string, string> = {
};

const ACCEPTED = new Set(['created', 'configured', 'unchanged', 'not-simulated', 'recreating']);
const SIMULATED_MS = 4 * 60_000;
const STEP_MS = 2000;

interface Verdict {
  key: string;
  ok: boolean;
  must: boolean;
  got: string;
  want: string;
}

/** Applies one file to a fresh cluster and judges each of its documents. */
async function judgeFile(file: string, keys: string[]): Promise<Verdict[]> {
  const cluster = createSimulatedCluster({ clock: new VirtualClock(), runtime: await runtime() });
  const { source, reasons } = recordingReasons(cluster);
  const reconciler = new Reconciler({ source, dir: 'corpus', readFile: (id) => readManifestFile(join(CORPUS, id), id), display: (id) => id });
  await reconciler.load([{ id: file, read: await readManifestFile(join(CORPUS, file), file) }]);
  await reconciler.idle();
  const status = reconciler.status.files().find((f) => f.file === file);
  const problems = reconciler.status.problems().filter((p) => p.file === file);

  // Pods: watch the STATUS column over simulated time; a state counts once it has been seen.
  const seen = new Map<string, Set<string>>();
  const podKeys = keys.filter((k) => expectations[k]!.pod && ACCEPTED.has(objectOf(status, parseKey(k).documentIndex, expectations[k]!)?.outcome ?? ''));
  const look = async () => {
    for (const k of podKeys) {
      const e = expectations[k]!;
      try {
        const pod = (await cluster.get({ kind: 'Pod', namespace: e.namespace ?? 'default', name: e.name })) as Pod;
        const states = seen.get(k) ?? new Set();
        states.add(podStatusReason(pod));
        seen.set(k, states);
      } catch {
        // gone: nothing to see
      }
    }
  };
  await look();
  for (let t = 0; t < SIMULATED_MS && podKeys.some((k) => !seen.get(k)?.has(expectations[k]!.pod!)); t += STEP_MS) {
    await cluster.advance(STEP_MS);
    await look();
  }
  await reconciler.close();
  await cluster.close();

  return keys.map((key) => {
    const e = expectations[key]!;
    const { documentIndex } = parseKey(key);
    const object = objectOf(status, documentIndex, e);
    const problemText = problems.map((p) => p.message).join(' | ');
    let ok: boolean;
    let got: string;
    switch (e.result) {
      case 'yaml-error':
      case 'not-a-manifest':
        ok = problems.some((p) => p.message.includes(e.message!));
        got = problemText || 'no problem';
        break;
      case 'rejected': {
        const reason = object ? (reasons.get(refKey(object.ref)) ?? (object.message?.includes('no matches for kind') ? 'NoKindMatch' : '?')) : '?';
        got = object ? `${object.outcome} ${reason}: ${object.message ?? ''}` : problemText || 'nothing';
        ok = object?.outcome === 'error' && reason === e.reason && (object.message ?? '').includes(e.message!);
        break;
      }
      case 'accepted': {
        const states = seen.get(key);
        got = object ? `${object.outcome}${e.pod ? ` [${[...(states ?? [])].join(', ')}]` : ''}${object.message ? `: ${object.message}` : ''}` : problemText || 'nothing';
        ok = object !== undefined && ACCEPTED.has(object.outcome) && (!e.pod || states?.has(e.pod) === true);
        break;
      }
    }
    const want = `${e.result}${e.reason ? ` ${e.reason}` : ''}${e.message ? `: ${e.message}` : ''}${e.pod ? ` [${e.pod}]` : ''}`;
    return { key, ok, must: e.must, got, want };
  });
}

test('every document of the Kubernetes docs examples, each file on its own, meets its expectation', { skip: present ? false : `corpus not found at ${CORPUS}` }, async () => {
  const byFile = new Map<string, string[]>();
  for (const key of Object.keys(expectations)) {
    const { file } = parseKey(key);
    byFile.set(file, [...(byFile.get(file) ?? []), key]);
  }
  const files = await manifestFiles(CORPUS);
  assert.deepEqual([...byFile.keys()].sort(), files, 'the expectations cover exactly the corpus files');
  const verdicts: Verdict[] = [];
  for (const [file, keys] of byFile) verdicts.push(...(await judgeFile(file, keys)));
  const matching = verdicts.filter((v) => v.ok).length;
  const must = verdicts.filter((v) => v.must);
  const mustFailures = must.filter((v) => !v.ok);
  console.log(`corpus: ${matching} of ${verdicts.length} documents match their expectation (${must.length - mustFailures.length} of ${must.length} that must)`);
  for (const v of verdicts.filter((x) => !x.ok)) console.log(`  ${v.must ? 'MUST ' : 'may  '} ${v.key}: want ${v.want}; got ${v.got}`);
  const fixed = Object.keys(KNOWN_GAPS).filter((k) => verdicts.find((v) => v.key === k)?.ok);
  if (fixed.length > 0) console.log(`  known gaps that now match (remove them from KNOWN_GAPS): ${fixed.join(', ')}`);
  assert.deepEqual(
    mustFailures.map((v) => v.key).filter((k) => !(k in KNOWN_GAPS)),
    [],
    'documents that need only what kubesim simulates must match',
  );
});

test('all the examples at once in one watched folder: no crash, clashes reported as conflicts, nothing dropped silently', { skip: present ? false : `corpus not found at ${CORPUS}` }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-corpus-'));
  await cp(CORPUS, dir, { recursive: true });
  const cluster = createSimulatedCluster({ clock: new VirtualClock(), runtime: await runtime() });
  const reconciler = new Reconciler({ source: cluster, dir, readFile: (id) => readManifestFile(join(dir, id), id), display: (id) => id });
  const watcher = new FolderWatcher({ dir, sink: reconciler });
  try {
    await watcher.start();
    await reconciler.idle();
    const files = reconciler.status.files();
    const problems = reconciler.status.problems();
    const conflicts = problems.filter((p) => p.message.startsWith('conflict: '));
    const notSimulated = files.flatMap((f) => f.objects).filter((o) => o.outcome === 'not-simulated');
    const kinds = [...new Set(notSimulated.map((o) => o.ref.kind))].sort();
    console.log(`corpus folder: ${files.length} files, ${conflicts.length} conflicts, ${notSimulated.length} objects of kinds not simulated yet (${kinds.join(', ')})`);
    assert.ok(conflicts.length >= 20, `the corpus's many name clashes are conflicts (${conflicts.length})`);
    assert.match(conflicts.find((c) => c.message.includes('deployment.apps/nginx-deployment'))!.message, /is declared in both \S+ and \S+; \S+ keeps it/);
    assert.ok(kinds.includes('Deployment') && kinds.includes('Service'), 'built-in kinds not simulated yet are applied and flagged');
    // Every document is accounted for: an object outcome, or a problem of its file.
    const dropped = Object.entries(expectations).filter(([key, e]) => {
      const { file, documentIndex } = parseKey(key);
      const status = files.find((f) => f.file === file);
      return !objectOf(status, documentIndex, e) && !(status?.problems.length);
    });
    assert.deepEqual(dropped.map(([k]) => k), []);
  } finally {
    await watcher.close();
    await reconciler.close();
    await cluster.close();
    await rm(dir, { recursive: true, force: true });
  }
});
