import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WatchEvent } from '../../src/kube/cluster-source.js';
import type { KubeObject } from '../../src/kube/types.js';
import { ObjectStore, sameJson, type CompactKind, type CompactObject } from '../../src/sim/store.js';
import { makeCluster } from './helpers.js';

const cm = (name: string, data: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });

function newStore(historyLimit = 100) {
  let uid = 0;
  return new ObjectStore({ wallTime: () => Date.UTC(2026, 0, 1), uid: () => `uid-${++uid}`, historyLimit });
}

test('every write gets a higher cluster-wide resourceVersion; objects come back frozen', () => {
  const store = newStore();
  const a = store.create(cm('a'));
  const b = store.create(cm('b'));
  const a2 = store.replace({ ...a, data: { x: '1' } });
  assert.deepEqual([a, b, a2].map((o) => Number(o.metadata.resourceVersion)), [1, 2, 3]);
  assert.equal(store.resourceVersion(), '3');
  assert.equal(a2.metadata.uid, 'uid-1');
  assert.equal(a2.metadata.creationTimestamp, '2026-01-01T00:00:00Z');
  assert.ok(Object.isFrozen(a2) && Object.isFrozen(a2.data));
  assert.throws(() => {
    (a2.data as Record<string, string>).x = '2';
  }, TypeError);
});

test('generation starts at 1 for grouped kinds and rises only when the spec changes', () => {
  const store = newStore();
  const d = store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1 } });
  assert.equal(d.metadata.generation, 1);
  const labelled = store.replace({ ...d, metadata: { ...d.metadata, labels: { a: 'b' } } });
  assert.equal(labelled.metadata.generation, 1);
  const scaled = store.replace({ ...labelled, spec: { replicas: 3 } });
  assert.equal(scaled.metadata.generation, 2);
  const pod = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } });
  assert.equal(pod.metadata.generation, undefined);
});

test('a watch from a resourceVersion replays exactly the later changes, in order, then live ones', () => {
  const store = newStore();
  store.create(cm('a'));
  const from = Number(store.resourceVersion());
  const b = store.create(cm('b'));
  store.replace({ ...b, data: { k: 'v' } });
  const seen: string[] = [];
  store.watchFrom('ConfigMap', from, (e) => seen.push(`${e.type} ${e.object.metadata.name} ${e.rv}`));
  store.remove('ConfigMap', 'default', 'a');
  assert.deepEqual(seen, ['ADDED b 2', 'MODIFIED b 3', 'DELETED a 4']);
});

test('a watch from a resourceVersion older than the window fails with 410 Expired', () => {
  const store = newStore(3);
  for (let i = 0; i < 10; i++) store.create(cm(`c${i}`));
  assert.throws(() => store.watchFrom('ConfigMap', 2, () => {}), { reason: 'Expired', code: 410, message: 'too old resource version: 2 (7)' });
});

test('the watch window keeps exactly the last historyLimit changes as it moves on, write after write', () => {
  const store = newStore(5);
  for (let i = 0; i < 23; i++) {
    const obj = store.create(cm(`c${i}`));
    if (i % 3 === 0) store.replace({ ...obj, data: { n: String(i) } });
    if (i % 4 === 0) store.remove('ConfigMap', 'default', `c${i}`);
    const rv = Number(store.resourceVersion());
    const seen: string[] = [];
    const stop = store.watchFrom(undefined, Math.max(0, rv - 5), (e) => seen.push(`${e.type} ${e.rv}`));
    stop();
    assert.equal(seen.length, Math.min(5, rv), `after write ${rv}`);
    assert.deepEqual(seen.map((s) => Number(s.split(' ')[1])), Array.from({ length: seen.length }, (_, k) => rv - seen.length + 1 + k));
    if (rv > 5) assert.throws(() => store.watchFrom(undefined, rv - 6, () => {}), { reason: 'Expired', message: `too old resource version: ${rv - 6} (${rv - 5})` });
  }
});

test('a replayed deletion reports the last state stamped with the deletion\'s resourceVersion, as the live one did', () => {
  const store = newStore();
  const a = store.create(cm('a', { k: 'v' }));
  const live: unknown[] = [];
  store.subscribe('ConfigMap', (e) => live.push(e.object));
  const last = store.remove('ConfigMap', 'default', 'a')!;
  assert.equal(last.metadata.resourceVersion, '2');
  assert.deepEqual({ ...last, metadata: { ...last.metadata, resourceVersion: a.metadata.resourceVersion } }, a);
  const replayed: { type: string; rv: number; object: unknown }[] = [];
  store.watchFrom('ConfigMap', 1, (e) => replayed.push(e));
  assert.deepEqual(replayed, [{ type: 'DELETED', rv: 2, object: last }]);
  assert.deepEqual(live, [last]);
  assert.ok(Object.isFrozen(replayed[0]!.object));
});

/** A compact kind as its owner keeps it: values by name, made into ConfigMaps when read. */
class Compact implements CompactKind {
  readonly kept = new Map<string, { rv: number; value: string }>();
  constructor(private readonly store: ObjectStore) {
    store.attach('ConfigMap', this);
  }
  version(name: string, value: string, rv: number): CompactObject {
    return { kind: 'ConfigMap', json: () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', resourceVersion: String(rv) }, data: { value } }) };
  }
  put(name: string, value: string): void {
    const rv = this.store.takeResourceVersion();
    const type = this.kept.has(name) ? 'MODIFIED' : 'ADDED';
    this.kept.set(name, { rv, value });
    this.store.publishCompact(type, this.version(name, value, rv), rv);
  }
  drop(name: string): void {
    const { rv, value } = this.kept.get(name)!;
    this.kept.delete(name);
    this.store.publishCompact('DELETED', this.version(name, value, rv), this.store.takeResourceVersion());
  }
  get size(): number {
    return this.kept.size;
  }
  get(namespace: string | undefined, name: string): KubeObject | undefined {
    const found = namespace === 'default' ? this.kept.get(name) : undefined;
    return found && this.version(name, found.value, found.rv).json();
  }
  list(namespace?: string): KubeObject[] {
    return [...this.kept.keys()].map((name) => this.get(namespace ?? 'default', name)).filter((o) => o !== undefined);
  }
  take(namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.get(namespace, name);
    this.kept.delete(name);
    return found;
  }
  update(replacement: KubeObject, rv: number): CompactObject | undefined {
    const name = replacement.metadata.name!;
    if (!this.kept.has(name)) return undefined;
    const value = String(replacement.data?.value);
    this.kept.set(name, { rv, value });
    return this.version(name, value, rv);
  }
}

test("a compact kind's objects read like the store's own: listed in key order among them, watched and replayed as JSON", () => {
  const store = newStore();
  const compact = new Compact(store);
  store.create(cm('b'));
  const live: WatchEvent[] = [];
  store.subscribe('ConfigMap', (e) => live.push(e));
  compact.put('c', 'one');
  compact.put('a', 'one');
  compact.put('c', 'two');
  assert.deepEqual(store.list('ConfigMap').map((o) => o.metadata.name), ['a', 'b', 'c']);
  assert.equal(store.count('ConfigMap'), 3);
  assert.deepEqual(store.get('ConfigMap', 'default', 'c')?.data, { value: 'two' });
  compact.drop('a');
  assert.deepEqual(live.map((e) => [e.type, e.object.metadata.name, e.object.metadata.resourceVersion]), [['ADDED', 'c', '2'], ['ADDED', 'a', '3'], ['MODIFIED', 'c', '4'], ['DELETED', 'a', '5']]);
  const replayed: WatchEvent[] = [];
  store.watchFrom('ConfigMap', 2, (e) => replayed.push(e))();
  assert.deepEqual(replayed.map((e) => [e.type, e.object.metadata.name, e.object.metadata.resourceVersion, e.object.data?.value]), [['ADDED', 'a', '3', 'one'], ['MODIFIED', 'c', '4', 'two'], ['DELETED', 'a', '5', 'one']]);
});

test('a compact object the API deletes leaves its owner, and one the API updates stays with its owner, edited', () => {
  const store = newStore();
  const compact = new Compact(store);
  compact.put('gone', 'x');
  compact.put('edited', 'x');
  assert.throws(() => store.create(cm('edited')), /already exists/);
  assert.equal(store.remove('ConfigMap', 'default', 'gone')?.metadata.resourceVersion, '3');
  const live: WatchEvent[] = [];
  store.subscribe('ConfigMap', (e) => live.push(e));
  const edited = store.replace(cm('edited', { value: 'y' }));
  assert.equal(edited.metadata.resourceVersion, '4');
  assert.deepEqual([...compact.kept], [['edited', { rv: 4, value: 'y' }]]);
  assert.deepEqual(live.map((e) => [e.type, e.object.data?.value, e.object.metadata.resourceVersion]), [['MODIFIED', 'y', '4']]);
  assert.deepEqual(store.list('ConfigMap').map((o) => [o.metadata.name, o.data?.value]), [['edited', 'y']]);
  assert.deepEqual(store.kindsStored(), ['ConfigMap']);
  assert.throws(() => store.replace(cm('absent')), /does not exist/);
});

test('with no watch window every earlier resourceVersion is expired, and the latest still watches', () => {
  const store = newStore(0);
  store.create(cm('a'));
  store.create(cm('b'));
  assert.throws(() => store.watchFrom(undefined, 1, () => {}), { reason: 'Expired' });
  const seen: string[] = [];
  store.watchFrom(undefined, 2, (e) => seen.push(e.object.metadata.name!));
  store.create(cm('c'));
  assert.deepEqual(seen, ['c']);
});

test('a listener that writes sees its own change after the one it is handling (ordered delivery)', () => {
  const store = newStore();
  const order: string[] = [];
  store.subscribe(undefined, (e) => {
    order.push(`${e.type} ${e.object.metadata.name}`);
    if (e.object.metadata.name === 'first') store.create(cm('second'));
  });
  const late: string[] = [];
  store.subscribe(undefined, (e) => late.push(e.object.metadata.name!));
  store.create(cm('first'));
  assert.deepEqual(order, ['ADDED first', 'ADDED second']);
  assert.deepEqual(late, ['first', 'second']);
});

test('ClusterSource watch: rv "0" starts with synthetic ADDED, a list rv sends only what came after', async () => {
  const { cluster } = makeCluster();
  await cluster.create(cm('one'));
  const listed = await cluster.list('ConfigMap', { namespace: 'default' });
  const fromZero: WatchEvent[] = [];
  const fromList: WatchEvent[] = [];
  const stopZero = cluster.watch('ConfigMap', { namespace: 'default', resourceVersion: '0' }, (e) => fromZero.push(e));
  const stopList = cluster.watch('ConfigMap', { namespace: 'default', resourceVersion: listed.resourceVersion }, (e) => fromList.push(e));
  await cluster.create(cm('two'));
  assert.deepEqual(fromZero.map((e) => `${e.type} ${e.object.metadata.name}`), ['ADDED kube-root-ca.crt', 'ADDED one', 'ADDED two']);
  assert.deepEqual(fromList.map((e) => `${e.type} ${e.object.metadata.name}`), ['ADDED two']);
  stopZero();
  stopList();
  await cluster.close();
});

test('field and label selectors filter lists and watches', async () => {
  const { cluster } = makeCluster();
  await cluster.create({ ...cm('x'), metadata: { name: 'x', namespace: 'default', labels: { app: 'web' } } });
  await cluster.create({ ...cm('y'), metadata: { name: 'y', namespace: 'default', labels: { app: 'db' } } });
  const byLabel = await cluster.list('ConfigMap', { namespace: 'default', labelSelector: 'app=web' });
  assert.deepEqual(byLabel.items.map((o) => o.metadata.name), ['x']);
  const byField = await cluster.list('ConfigMap', { fieldSelector: 'metadata.name=y' });
  assert.deepEqual(byField.items.map((o) => o.metadata.name), ['y']);
  await cluster.close();
});

test('Pods of one shape are validated each on their own: a bad container name in the second is still Invalid', async () => {
  const { cluster } = makeCluster();
  const pod = (name: string, container: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: container, image: 'nginx:1.27' }] } });
  await cluster.create(pod('first', 'web'));
  await assert.rejects(cluster.create(pod('second', 'Web_1')), { reason: 'Invalid' });
  await assert.rejects(cluster.create(pod('Third', 'web')), { reason: 'Invalid' });
  await cluster.close();
});

test('a selector watch sees an object that starts matching as ADDED and one that stops as DELETED', async () => {
  const { cluster } = makeCluster();
  await cluster.create({ ...cm('z'), metadata: { name: 'z', namespace: 'default', labels: { app: 'web' } } });
  const seen: string[] = [];
  cluster.watch('ConfigMap', { namespace: 'default', labelSelector: 'app=web', resourceVersion: (await cluster.list('ConfigMap')).resourceVersion }, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
  await cluster.patch({ kind: 'ConfigMap', namespace: 'default', name: 'z' }, 'merge', { metadata: { labels: { app: 'db' } } });
  await cluster.patch({ kind: 'ConfigMap', namespace: 'default', name: 'z' }, 'merge', { metadata: { labels: { app: 'web' } } });
  await cluster.patch({ kind: 'ConfigMap', namespace: 'default', name: 'z' }, 'merge', { data: { k: 'v' } });
  assert.deepEqual(seen, ['DELETED z', 'ADDED z', 'MODIFIED z']);
  await cluster.close();
});

test('managedFields record who wrote: client-side apply, then a server-side apply', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(cm('m', { a: '1' }));
  await cluster.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'm' }, 'apply', cm('m', { a: '1', b: '2' }), { fieldManager: 'kubectl' });
  const live = await cluster.get({ kind: 'ConfigMap', namespace: 'default', name: 'm' });
  assert.deepEqual(live.metadata.managedFields?.map((f) => `${f.manager} ${f.operation}`), ['kubectl-client-side-apply Update', 'kubectl Apply']);
  await cluster.close();
});

test('a list comes back in the API server key order, by namespace then name, whatever the order of creation', async () => {
  const { createSimulatedCluster } = await import('../../src/sim/simulated-cluster.js');
  const { VirtualClock } = await import('../../src/sim/clock.js');
  const cluster = createSimulatedCluster({ clock: new VirtualClock() });
  for (const name of ['zeta', 'alpha', 'mid']) {
    await cluster.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });
  }
  const names = (await cluster.list('ConfigMap', { namespace: 'default' })).items.map((o) => o.metadata.name);
  assert.deepEqual(names.filter((n) => n !== 'kube-root-ca.crt'), ['alpha', 'mid', 'zeta']);
  assert.deepEqual(names, [...names].sort());
  const all = await cluster.list('Pod');
  const keys = all.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
  assert.deepEqual(keys, [...keys].sort());
  await cluster.close();
});

test('across namespaces the key order compares `<namespace>/<name>` whole: `a-b/x` lists before `a/x`', async () => {
  const { createSimulatedCluster } = await import('../../src/sim/simulated-cluster.js');
  const { VirtualClock } = await import('../../src/sim/clock.js');
  const cluster = createSimulatedCluster({ clock: new VirtualClock() });
  for (const ns of ['a', 'a-b', 'a0']) {
    await cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await cluster.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: ns } });
  }
  const keys = (await cluster.list('Secret')).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
  assert.deepEqual(keys, ['a-b/x', 'a/x', 'a0/x']);
  await cluster.close();
});

test('sameJson compares as JSON: key order and undefined members do not count, anything else does', () => {
  const same: [unknown, unknown][] = [
    [{ a: 1, b: { c: [1, { d: 'x' }] } }, { b: { c: [1, { d: 'x' }] }, a: 1 }],
    [{ a: 1, u: undefined }, { a: 1 }],
    [{}, { u: undefined }],
    [[null, 'x'], [null, 'x']],
  ];
  const different: [unknown, unknown][] = [
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { a: 1, c: 2 }],
    [{ a: { b: 1 } }, { a: { b: '1' } }],
    [{ a: [] }, { a: {} }],
    [[1, 2], [1, 2, 3]],
    [{ a: null }, { a: undefined }],
    [{ a: null }, {}],
  ];
  for (const [a, b] of same) assert.ok(sameJson(a, b) && sameJson(b, a), JSON.stringify([a, b]));
  for (const [a, b] of different) assert.ok(!sameJson(a, b) && !sameJson(b, a), JSON.stringify([a, b]));
});
