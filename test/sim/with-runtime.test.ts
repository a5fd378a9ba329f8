// The simulator with the real simulated runtime (src/sim/runtime) instead of the test fake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podReadyColumn, podStatusReason } from '../../src/kube/print/pod-columns.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { createSimulatedCluster } from '../../src/sim/simulated-cluster.js';
import { bookPod, getPod } from './helpers.js';

test("with the default runtime the book's Pod runs 2/2 and nginx reaches echo on localhost:8080", async () => {
  const cluster = createSimulatedCluster({ clock: new VirtualClock() });
  await cluster.apply(bookPod());
  await cluster.advance(500);
  assert.equal(podStatusReason(await getPod(cluster, 'simple-echo')), 'ContainerCreating');
  await cluster.advance(120_000);
  const pod = await getPod(cluster, 'simple-echo');
  assert.equal(podStatusReason(pod), 'Running');
  assert.equal(podReadyColumn(pod), '2/2');
  let out = '';
  const session = await cluster.exec({ namespace: 'default', pod: 'simple-echo', container: 'nginx' }, ['wget', '-qO-', 'http://localhost:8080/'], {
    tty: false,
    stdin: false,
    stdout: (d) => (out += d),
    stderr: (d) => (out += d),
  });
  await cluster.advance(1_000);
  assert.equal(await session.exited, 0);
  assert.equal(out, 'Hello Docker!!');
  const lines: string[] = [];
  await cluster.logs({ namespace: 'default', pod: 'simple-echo', container: 'echo' }, {}, { line: (l) => lines.push(l.text), end: () => {} });
  assert.ok(lines.some((l) => /start server$/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /received request$/.test(l)), lines.join('\n'));
  await cluster.close();
});

test('with the default runtime a misspelled book image gives ErrImagePull', async () => {
  const cluster = createSimulatedCluster({ clock: new VirtualClock() });
  await cluster.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'typo' }, spec: { containers: [{ name: 'echo', image: 'gihyodocker/ecoh:latest' }] } });
  await cluster.advance(60_000);
  assert.match(podStatusReason(await getPod(cluster, 'typo')), /^(ErrImagePull|ImagePullBackOff)$/);
  await cluster.close();
});

test('an emptyDir is shared by the containers of a Pod; a configMap volume is read-only', async () => {
  const cluster = createSimulatedCluster({ clock: new VirtualClock() });
  await cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { greeting: 'hello' } });
  await cluster.apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pair' },
    spec: {
      volumes: [{ name: 'scratch', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg' } }],
      containers: [
        { name: 'writer', image: 'busybox:1.36', command: ['sh', '-c', 'echo shared > /data/note; sleep 3600'], volumeMounts: [{ name: 'scratch', mountPath: '/data' }] },
        { name: 'reader', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], volumeMounts: [{ name: 'scratch', mountPath: '/data' }, { name: 'cfg', mountPath: '/etc/cfg' }] },
      ],
    },
  });
  await cluster.advance(60_000);
  const run = async (argv: string[]) => {
    let out = '';
    const s = await cluster.exec({ namespace: 'default', pod: 'pair', container: 'reader' }, argv, { tty: false, stdin: false, stdout: (d) => (out += d), stderr: (d) => (out += d) });
    await cluster.advance(100);
    return { code: await s.exited, out };
  };
  assert.deepEqual(await run(['cat', '/data/note']), { code: 0, out: 'shared\n' });
  assert.deepEqual(await run(['cat', '/etc/cfg/greeting']), { code: 0, out: 'hello' });
  const write = await run(['sh', '-c', 'echo x > /etc/cfg/other']);
  assert.notEqual(write.code, 0);
  assert.match(write.out, /Read-only file system/);
  await cluster.close();
});
