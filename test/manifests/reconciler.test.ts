import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Reconciler } from '../../src/manifests/reconciler.js';
import { SOURCE_ANNOTATION } from '../../src/manifests/ownership.js';
import type { ReadResult } from '../../src/manifests/read-file.js';
import type { ReconcileEvent } from '../../src/kube/reconcile-status.js';
import { createFakeCluster } from './fake-cluster.js';
import { waitFor } from './wait-for.js';

function pod(name: string, image = 'nginx', extra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: main\n    image: ${image}\n${extra}`;
}

function read(text: string): ReadResult {
  return { kind: 'text', text, hash: createHash('sha1').update(text).digest('hex') };
}

/** A reconciler over a fake cluster and an in-memory folder. */
function setup(options: { recreate?: boolean } = {}) {
  const cluster = createFakeCluster();
  const disk = new Map<string, string>();
  const events: ReconcileEvent[] = [];
  const rec = new Reconciler({
    source: cluster,
    dir: 'm',
    recreate: options.recreate ?? true,
    readFile: async (id) => (disk.has(id) ? read(disk.get(id)!) : { kind: 'missing' }),
  });
  rec.status.subscribe((e) => events.push(e));
  const save = async (id: string, text: string, mode: 'fast' | 'settled' = 'settled') => {
    disk.set(id, text);
    await rec.fileChanged(id, read(text), mode);
  };
  const outcomes = () =>
    events.flatMap((e) => (e.type === 'object' ? [`${e.status.ref.name} ${e.status.outcome}`] : []));
  const names = () => cluster.objects().map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort();
  return { cluster, disk, rec, events, save, outcomes, names };
}

test('a new file creates its objects, a save without changes writes nothing, a changed image is configured', async () => {
  const { cluster, save, outcomes, rec } = setup();
  await save('a.yaml', pod('web'));
  assert.deepEqual(outcomes(), ['web created']);
  const live = cluster.objects()[0]!;
  assert.equal(live.metadata.annotations?.[SOURCE_ANNOTATION], 'a.yaml');
  assert.match(live.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '', /"name":"web"/);
  const writes = cluster.writes;
  await save('a.yaml', pod('web') + '# a comment\n');
  assert.equal(cluster.writes, writes, 'an unchanged object costs no write');
  assert.deepEqual(outcomes(), ['web created', 'web unchanged']);
  await save('a.yaml', pod('web', 'nginx:1.27'));
  assert.deepEqual(outcomes().at(-1), 'web configured');
  assert.equal(rec.status.problems().length, 0);
});

test('an object removed from its file is pruned by a settled pass, never by a fast one', async () => {
  const { save, names } = setup();
  await save('a.yaml', `${pod('one')}---\n${pod('two')}`);
  assert.deepEqual(names(), ['Pod/default/one', 'Pod/default/two']);
  await save('a.yaml', pod('one'), 'fast');
  assert.deepEqual(names(), ['Pod/default/one', 'Pod/default/two'], 'the fast pass only creates and updates');
  await save('a.yaml', '', 'fast');
  assert.deepEqual(names(), ['Pod/default/one', 'Pod/default/two'], 'an emptied file mid-save deletes nothing');
  await save('a.yaml', pod('one'), 'settled');
  await waitFor(() => names().length === 1);
  assert.deepEqual(names(), ['Pod/default/one']);
});

test('a deleted file prunes its objects', async () => {
  const { save, rec, names, outcomes } = setup();
  await save('a.yaml', pod('one'));
  await rec.fileRemoved('a.yaml');
  await waitFor(() => names().length === 0);
  assert.ok(outcomes().includes('one deleted'));
  assert.equal(rec.status.files().length, 0);
});

test('a syntax error keeps the objects the file applied and is reported at its line, only once the file is quiet', async () => {
  const { save, names, rec } = setup();
  await save('a.yaml', `${pod('one')}---\n${pod('two')}`);
  const broken = `${pod('one')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: "two\\'"\n`;
  await save('a.yaml', broken, 'fast');
  assert.equal(rec.status.problems().length, 0, 'no flashing errors mid-burst');
  await save('a.yaml', broken, 'settled');
  assert.deepEqual(names(), ['Pod/default/one', 'Pod/default/two']);
  const [problem] = rec.status.problems();
  assert.equal(problem!.file, 'm/a.yaml');
  assert.equal(problem!.line, 13);
  assert.match(problem!.message, /Invalid escape sequence/);
  await save('a.yaml', `${pod('one')}---\n${pod('two')}`);
  assert.equal(rec.status.problems().length, 0);
});

test('an unknown field is reported at the line of that field with the API server message', async () => {
  const { save, rec } = setup();
  await save('bad.yaml', pod('web', 'nginx', '    imagee: nginx\n'));
  const [problem] = rec.status.problems();
  assert.equal(problem!.message, 'strict decoding error: unknown field "spec.containers[0].imagee"');
  assert.deepEqual([problem!.line, problem!.col, problem!.fieldPath], [9, 5, 'spec.containers[0].imagee']);
  assert.equal(rec.status.files()[0]!.objects[0]!.outcome, 'error');
});

test('two files declaring the same object: the first in path order keeps it, the other gets a conflict naming both', async () => {
  const { rec, save, cluster, names, disk } = setup();
  disk.set('a.yaml', pod('web', 'nginx:a'));
  disk.set('b.yaml', pod('web', 'nginx:b'));
  await rec.load([
    { id: 'b.yaml', read: read(disk.get('b.yaml')!) },
    { id: 'a.yaml', read: read(disk.get('a.yaml')!) },
  ]);
  assert.equal(cluster.objects()[0]!.spec.containers[0].image, 'nginx:a');
  const [problem] = rec.status.problems();
  assert.equal(problem!.file, 'm/b.yaml');
  assert.match(problem!.message, /pod\/web is declared in both m\/a\.yaml and m\/b\.yaml/);
  // The owner lets go: the other file's version takes over instead of a prune.
  await save('a.yaml', '');
  await waitFor(() => cluster.objects()[0]?.spec.containers[0].image === 'nginx:b');
  await rec.idle();
  assert.deepEqual(names(), ['Pod/default/web']);
  assert.equal(cluster.objects()[0]!.metadata.annotations?.[SOURCE_ANNOTATION], 'b.yaml');
  assert.equal(rec.status.problems().length, 0);
});

test('Namespaces are applied first, and an object in a missing namespace is retried when it appears', async () => {
  const { save, rec, names } = setup();
  const inTeam = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: team\n`;
  await save('cfg.yaml', inTeam);
  assert.equal(rec.status.problems()[0]!.message, 'namespaces "team" not found');
  await save('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n');
  await waitFor(() => names().includes('ConfigMap/team/cfg'));
  await rec.idle();
  assert.equal(rec.status.problems().length, 0);
  // In one file, the Namespace comes first whatever the order of documents.
  const both = setup();
  await both.save('all.yaml', `${inTeam.replace('team', 'other')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n`);
  assert.deepEqual(both.names(), ['ConfigMap/other/cfg', 'Namespace//other']);
});

test('an immutable Pod change shows the API error, deletes the Pod, waits until it is gone and creates it again', async () => {
  const { save, rec, cluster, outcomes, events } = setup();
  await save('a.yaml', pod('web'));
  const uid = cluster.objects()[0]!.metadata.uid;
  const changed = pod('web', 'nginx', '    command: ["sleep", "1"]\n');
  await save('a.yaml', changed, 'fast');
  assert.equal(rec.status.problems().length, 0, 'the fast pass leaves the recreate to the settled one');
  await save('a.yaml', changed);
  assert.ok(events.some((e) => e.type === 'problem' && /pod updates may not change fields/.test(e.problem.message)));
  assert.ok(outcomes().includes('web recreating'));
  await waitFor(() => cluster.objects()[0] !== undefined && cluster.objects()[0]!.metadata.uid !== uid);
  await rec.idle();
  assert.deepEqual(cluster.objects()[0]!.spec.containers[0].command, ['sleep', '1']);
  assert.equal(outcomes().at(-1), 'web created');
  assert.equal(rec.status.problems().length, 0);
});

test('with --no-recreate an immutable Pod change keeps the API error', async () => {
  const { save, rec, cluster } = setup({ recreate: false });
  await save('a.yaml', pod('web'));
  await save('a.yaml', pod('web', 'nginx', '    command: ["sleep", "1"]\n'));
  assert.match(rec.status.problems()[0]!.message, /Forbidden: pod updates may not change fields/);
  assert.equal(cluster.objects()[0]!.spec.containers[0].command, undefined);
});

test('an object changed or deleted behind the folder\'s back is drifted, and re-applied on the next save', async () => {
  const { save, rec, cluster, outcomes, disk } = setup();
  await save('a.yaml', pod('web'));
  cluster.edit({ kind: 'Pod', namespace: 'default', name: 'web' }, (o) => (o.spec.containers[0].image = 'httpd'));
  assert.equal(outcomes().at(-1), 'web drifted');
  // A status write by a controller is not drift.
  cluster.edit({ kind: 'Pod', namespace: 'default', name: 'web' }, (o) => (o.status = { phase: 'Running' }));
  await save('a.yaml', disk.get('a.yaml')!);
  assert.equal(cluster.objects()[0]!.spec.containers[0].image, 'nginx');
  cluster.remove({ kind: 'Pod', namespace: 'default', name: 'web' });
  assert.equal(outcomes().at(-1), 'web drifted');
  await save('a.yaml', disk.get('a.yaml')!);
  assert.equal(cluster.objects().length, 1);
  assert.equal(outcomes().at(-1), 'web created');
  assert.equal(rec.status.problems().length, 0);
});

test('an object kubectl created before the folder declared it is updated by the folder but never pruned', async () => {
  const { save, names, cluster, outcomes } = setup();
  await cluster.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubectl-made', namespace: 'default' }, spec: { containers: [{ name: 'main', image: 'nginx' }] } });
  await save('a.yaml', pod('kubectl-made', 'nginx:2'));
  assert.equal(outcomes().at(-1), 'kubectl-made configured');
  await save('a.yaml', '');
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(names(), ['Pod/default/kubectl-made']);
});

test('pruning spares kube-system and objects that kubectl took over', async () => {
  const { save, names, cluster } = setup();
  await save('a.yaml', pod('mine'));
  await save('b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sys\n  namespace: kube-system\n');
  cluster.edit({ kind: 'Pod', namespace: 'default', name: 'mine' }, (o) => delete o.metadata.annotations![SOURCE_ANNOTATION]);
  await save('a.yaml', '');
  await save('b.yaml', '');
  assert.deepEqual(names(), ['ConfigMap/kube-system/sys', 'Pod/default/mine']);
});

test('kinds that are not simulated are applied and flagged; unknown kinds get kubectl\'s resource mapping error', async () => {
  const { save, rec, names } = setup();
  await save('d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec: {}\n');
  assert.deepEqual(names(), ['Deployment/default/d']);
  const d = rec.status.files()[0]!.objects[0]!;
  assert.deepEqual([d.outcome, d.message], ['not-simulated', 'created']);
  await save('kind.yaml', 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n');
  const [problem] = rec.status.problems();
  assert.equal(
    problem!.message,
    'resource mapping not found for name: "" namespace: "" from "m/kind.yaml": no matches for kind "Cluster" in version "kind.x-k8s.io/v1alpha4"; ensure CRDs are installed first',
  );
  assert.equal(problem!.line, 1);
});

test('a file that stops declaring a contested object gives up its claim, even when its fast pass was clean', async () => {
  const { rec, save, names } = setup();
  await save('a.yaml', pod('x'));
  await save('b.yaml', `${pod('x', 'nginx:b')}---\n${pod('why')}`);
  assert.equal(rec.status.problems().length, 1, 'b.yaml has the conflict');
  await save('b.yaml', pod('why'), 'fast');
  await save('b.yaml', pod('why'), 'settled');
  await save('a.yaml', '');
  await waitFor(() => !names().includes('Pod/default/x'));
  await rec.idle();
  assert.deepEqual(names(), ['Pod/default/why'], 'x is pruned, not handed to a file that no longer declares it');
});

test('an object declared twice in one file: the first is applied, the second reported; nameless objects never collide', async () => {
  const { save, rec, cluster } = setup();
  await save('a.yaml', `${pod('web', 'nginx:first')}---\n${pod('web', 'nginx:second')}`);
  assert.equal(cluster.objects()[0]!.spec.containers[0].image, 'nginx:first');
  const [dup] = rec.status.problems();
  assert.equal(dup!.line, 13);
  assert.match(dup!.message, /pod\/web is declared twice in m\/a\.yaml \(line 1 and line 10\); the first is applied/);
  const nameless = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n';
  await save('b.yaml', `${nameless}---\n${nameless}`);
  const problems = rec.status.problems().filter((p) => p.file === 'm/b.yaml');
  assert.equal(problems.length, 2);
  assert.ok(problems.every((p) => /name or generateName is required/.test(p.message)));
});

test('on the first load, Namespaces declared anywhere in the folder are applied first: no not-found errors', async () => {
  const { rec, cluster, events, outcomes } = setup();
  const inTeam = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: team\n';
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n';
  await rec.load([
    { id: 'a.yaml', read: read(inTeam) },
    { id: 'z/ns.yaml', read: read(ns) },
  ]);
  assert.deepEqual(events.filter((e) => e.type === 'problem'), []);
  assert.deepEqual(outcomes().sort(), ['cfg created', 'team created']);
  assert.equal(cluster.objects().length, 2);
});
