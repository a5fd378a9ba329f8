// The behaviour every ClusterSource must share, simulated or real: run it against an implementation with
// runClusterSourceConformance(name, makeTarget). Names are made unique per run so a long-lived cluster
// (`kubesim serve`, a real one) can be used as well as a fresh simulator.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterSource, WatchEvent } from '../../src/kube/cluster-source.js';
import type { KubeObject, Pod } from '../../src/kube/types.js';

export interface ConformanceTarget {
  source: ClusterSource;
  /** Lets `ms` of cluster time pass (a virtual clock steps; a real cluster sleeps). */
  wait(ms: number): Promise<void>;
  close?(): Promise<void>;
}

let counter = 0;
const unique = (base: string) => `${base}-${process.pid.toString(36)}-${(++counter).toString(36)}`;

const configMap = (name: string, data: Record<string, string> = { a: '1' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

const sleeper = (name: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { terminationGracePeriodSeconds: 5, containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] },
});

async function until(target: ConformanceTarget, what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  for (let waited = 0; waited <= timeoutMs; waited += 500) {
    if (await check()) return;
    await target.wait(500);
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function running(target: ConformanceTarget, name: string): Promise<void> {
  await until(target, `${name} Running`, async () => {
    const pod = (await target.source.get({ kind: 'Pod', namespace: 'default', name })) as Pod;
    return pod.status?.containerStatuses?.every((c) => c.state.running) ?? false;
  });
}

export function runClusterSourceConformance(name: string, makeTarget: () => ConformanceTarget | Promise<ConformanceTarget>): void {
  describe(`ClusterSource conformance: ${name}`, () => {
    const withTarget = (title: string, body: (t: ConformanceTarget) => Promise<void>) =>
      test(title, async () => {
        const target = await makeTarget();
        try {
          await body(target);
        } finally {
          await target.close?.();
        }
      });

    withTarget('create stores the object with uid, resourceVersion and creationTimestamp; a second create is AlreadyExists', async ({ source }) => {
      const name = unique('cm');
      const { object } = await source.create(configMap(name));
      assert.ok(object.metadata.uid);
      assert.match(object.metadata.resourceVersion ?? '', /^\d+$/);
      assert.match(object.metadata.creationTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const got = await source.get({ kind: 'ConfigMap', namespace: 'default', name });
      assert.deepEqual(got.data, { a: '1' });
      await assert.rejects(source.create(configMap(name)), { reason: 'AlreadyExists', code: 409, message: `configmaps "${name}" already exists` });
    });

    withTarget('get of a missing object is NotFound with the resource name', async ({ source }) => {
      await assert.rejects(source.get({ kind: 'ConfigMap', namespace: 'default', name: 'no-such-thing' }), {
        reason: 'NotFound',
        code: 404,
        message: 'configmaps "no-such-thing" not found',
      });
    });

    withTarget('creating in a namespace that does not exist is NotFound', async ({ source }) => {
      await assert.rejects(source.create({ ...configMap('x'), metadata: { name: 'x', namespace: 'no-such-ns' } }), {
        reason: 'NotFound',
        message: 'namespaces "no-such-ns" not found',
      });
    });

    withTarget('an invalid object is 422 Invalid and an unknown field is 400 BadRequest under Strict validation', async ({ source }) => {
      await assert.rejects(source.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: unique('bad') }, spec: { containers: [] } }), { reason: 'Invalid', code: 422 });
      const name = unique('strict');
      await assert.rejects(source.create({ ...configMap(name), dataa: {} } as KubeObject, { fieldValidation: 'Strict' }), (e: { reason: string; message: string }) => {
        assert.equal(e.reason, 'BadRequest');
        assert.match(e.message, /strict decoding error: unknown field "dataa"/);
        return true;
      });
    });

    withTarget('a watch from a list resourceVersion sees only later changes, in order; from "0" it starts with ADDED for what exists', async ({ source }) => {
      const before = unique('before');
      const after = unique('after');
      await source.create(configMap(before));
      const listed = await source.list('ConfigMap', { namespace: 'default' });
      assert.ok(listed.items.some((o) => o.metadata.name === before));
      const events: WatchEvent[] = [];
      const synthetic: WatchEvent[] = [];
      const stop = source.watch('ConfigMap', { namespace: 'default', resourceVersion: listed.resourceVersion }, (e) => events.push(e));
      const stopZero = source.watch('ConfigMap', { namespace: 'default', resourceVersion: '0', fieldSelector: `metadata.name=${before}` }, (e) => synthetic.push(e));
      await source.create(configMap(after));
      await source.patch({ kind: 'ConfigMap', namespace: 'default', name: after }, 'merge', { data: { b: '2' } });
      await source.delete({ kind: 'ConfigMap', namespace: 'default', name: after });
      const mine = events.filter((e) => e.object.metadata.name === after).map((e) => e.type);
      assert.deepEqual(mine, ['ADDED', 'MODIFIED', 'DELETED']);
      assert.ok(!events.some((e) => e.object.metadata.name === before));
      const versions = events.map((e) => Number(e.object.metadata.resourceVersion));
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
      assert.deepEqual(synthetic.map((e) => `${e.type} ${e.object.metadata.name}`), [`ADDED ${before}`]);
      stop();
      stopZero();
    });

    withTarget('apply reports created, then unchanged without a write, then configured, and keeps the last-applied annotation', async ({ source }) => {
      const name = unique('applied');
      const first = await source.apply(configMap(name));
      assert.equal(first.outcome, 'created');
      assert.ok(first.object.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']);
      const again = await source.apply(configMap(name));
      assert.equal(again.outcome, 'unchanged');
      assert.equal(again.object.metadata.resourceVersion, first.object.metadata.resourceVersion);
      const changed = await source.apply(configMap(name, { a: '2' }));
      assert.equal(changed.outcome, 'configured');
      assert.deepEqual(changed.object.data, { a: '2' });
      const dropped = await source.apply(configMap(name, { b: '3' }));
      assert.deepEqual(dropped.object.data, { b: '3' }, 'a key removed from the manifest is removed from the object');
    });

    withTarget('patch: merge, strategic and JSON patches; server-side apply creates what is missing; a stale update is Conflict', async ({ source }) => {
      const name = unique('patched');
      const { object } = await source.create(configMap(name));
      await source.patch({ kind: 'ConfigMap', namespace: 'default', name }, 'merge', { data: { b: '2' } });
      await source.patch({ kind: 'ConfigMap', namespace: 'default', name }, 'strategic', { metadata: { labels: { tier: 'web' } } });
      const json = await source.patch({ kind: 'ConfigMap', namespace: 'default', name }, 'json', [{ op: 'remove', path: '/data/a' }]);
      assert.deepEqual(json.object.data, { b: '2' });
      assert.deepEqual(json.object.metadata.labels, { tier: 'web' });
      await assert.rejects(source.update({ ...object, data: { c: '3' } }), { reason: 'Conflict', code: 409 });
      await assert.rejects(source.patch({ kind: 'ConfigMap', namespace: 'default', name: 'no-such-cm' }, 'merge', {}), { reason: 'NotFound' });
      const ssaName = unique('ssa');
      const ssa = await source.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: ssaName }, 'apply', configMap(ssaName, { x: 'y' }), { fieldManager: 'kubectl' });
      assert.deepEqual(ssa.object.data, { x: 'y' });
    });

    withTarget('delete of a missing object is NotFound; other kinds are gone at once', async ({ source }) => {
      await assert.rejects(source.delete({ kind: 'ConfigMap', namespace: 'default', name: 'no-such-cm' }), { reason: 'NotFound', message: 'configmaps "no-such-cm" not found' });
      const name = unique('doomed');
      await source.create(configMap(name));
      await source.delete({ kind: 'ConfigMap', namespace: 'default', name });
      await assert.rejects(source.get({ kind: 'ConfigMap', namespace: 'default', name }), { reason: 'NotFound' });
    });

    withTarget('a running Pod is deleted gracefully (deletionTimestamp, then gone); grace 0 removes one at once', async (target) => {
      const { source } = target;
      const graceful = unique('graceful');
      const forced = unique('forced');
      await source.create(sleeper(graceful));
      await source.create(sleeper(forced));
      await running(target, graceful);
      await running(target, forced);
      const deleting = await source.delete({ kind: 'Pod', namespace: 'default', name: graceful });
      assert.ok(deleting.metadata.deletionTimestamp);
      assert.equal(deleting.metadata.deletionGracePeriodSeconds, 5);
      await source.delete({ kind: 'Pod', namespace: 'default', name: forced }, { gracePeriodSeconds: 0 });
      await assert.rejects(source.get({ kind: 'Pod', namespace: 'default', name: forced }), { reason: 'NotFound' });
      await until(target, `${graceful} gone`, async () => {
        try {
          await source.get({ kind: 'Pod', namespace: 'default', name: graceful });
          return false;
        } catch (e) {
          return (e as { reason?: string }).reason === 'NotFound';
        }
      });
    });

    withTarget('logs and exec refuse with the API server errors; exec returns the exit code', async (target) => {
      const { source } = target;
      const name = unique('shell');
      await source.create(sleeper(name));
      const sink = { line: () => {}, end: () => {} };
      await assert.rejects(source.logs({ namespace: 'default', pod: 'no-such-pod', container: 'main' }, {}, sink), { reason: 'NotFound' });
      await assert.rejects(source.logs({ namespace: 'default', pod: name, container: 'nope' }, {}, sink), { reason: 'BadRequest', message: `container nope is not valid for pod ${name}` });
      await running(target, name);
      await assert.rejects(source.logs({ namespace: 'default', pod: name, container: 'main' }, { previous: true }, sink), {
        reason: 'BadRequest',
        message: `previous terminated container "main" in pod "${name}" not found`,
      });
      let out = '';
      const session = await source.exec({ namespace: 'default', pod: name, container: 'main' }, ['sh', '-c', 'echo hi; exit 3'], {
        tty: false,
        stdin: false,
        stdout: (d) => (out += d),
        stderr: (d) => (out += d),
      });
      const code = await Promise.race([session.exited, target.wait(5_000).then(() => session.exited)]);
      assert.equal(code, 3);
      assert.equal(out, 'hi\n');
    });
  });
}
