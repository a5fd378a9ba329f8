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
