import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podReadyColumn, podStatusReason } from '../../src/kube/print/pod-columns.js';
import { eventLines, getPod, makeCluster, simplePod } from './helpers.js';

test('a failing readiness probe holds READY at 1/2 while STATUS stays Running', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(
    simplePod('half', {
      containers: [
        { name: 'web', image: 'web-9090-503:1', readinessProbe: { httpGet: { path: '/healthz', port: 9090 }, periodSeconds: 5 } },
        { name: 'echo', image: 'gihyodocker/echo:latest' },
      ],
    }),
  );
  await cluster.advance(60_000);
  const pod = await getPod(cluster, 'half');
  assert.equal(podStatusReason(pod), 'Running');
  assert.equal(podReadyColumn(pod), '1/2');
  const ready = pod.status!.conditions!.find((c) => c.type === 'Ready')!;
  assert.equal(ready.status, 'False');
  assert.equal(ready.message, 'containers with unready status: [web]');
  const unhealthy = (await cluster.list('Event', { namespace: 'default', fieldSelector: 'involvedObject.name=half,reason=Unhealthy' })).items;
  assert.equal(unhealthy.length, 1);
  assert.equal(unhealthy[0]!.message, 'Readiness probe failed: HTTP probe failed with statuscode: 503');
  assert.equal(unhealthy[0]!.involvedObject.fieldPath, 'spec.containers{web}');
  assert.ok((unhealthy[0]!.count as number) > 5);
  await cluster.close();
});

test('readiness is false before initialDelaySeconds and true after the first passing probe', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('slow', { containers: [{ name: 'web', image: 'web-80-200:1', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 20 } }] }));
  await cluster.advance(15_000);
  assert.equal(podReadyColumn(await getPod(cluster, 'slow')), '0/1');
  await cluster.advance(10_000);
  assert.equal(podReadyColumn(await getPod(cluster, 'slow')), '1/1');
  await cluster.close();
});

test('a failing liveness probe kills the container (Killing event) and it restarts', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('sick', { containers: [{ name: 'web', image: 'web-8080-500:1', livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 10, failureThreshold: 3 } }] }));
  await cluster.advance(45_000);
  const pod = await getPod(cluster, 'sick');
  assert.equal(pod.status!.containerStatuses![0]!.restartCount, 1);
  const events = await eventLines(cluster, 'sick');
  assert.ok(events.includes('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500'));
  assert.ok(events.includes('Killing: Container web failed liveness probe, will be restarted'));
  await cluster.close();
});

test('an exec readiness probe passes when the command exits 0', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('execd', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 } }] }));
  await cluster.advance(10_000);
  assert.equal(podReadyColumn(await getPod(cluster, 'execd')), '1/1');
  await cluster.close();
});

test('a tcpSocket probe on a port nobody listens on fails with connection refused', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('tcp', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 9999 }, periodSeconds: 5 } }] }));
  await cluster.advance(10_000);
  const pod = await getPod(cluster, 'tcp');
  assert.equal(podReadyColumn(pod), '0/1');
  const lines = await eventLines(cluster, 'tcp');
  assert.ok(lines.includes(`Unhealthy: Readiness probe failed: dial tcp ${pod.status!.podIP}:9999: connect: connection refused`));
  await cluster.close();
});

test("an exec probe's result counts at the probe's own simulated time, even when one advance covers a minute", async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('timely', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { exec: { command: ['true'] }, initialDelaySeconds: 20, periodSeconds: 5 } }] }));
  await cluster.advance(60_000);
  const pod = await getPod(cluster, 'timely');
  assert.equal(podReadyColumn(pod), '1/1');
  const started = Date.parse(pod.status!.containerStatuses![0]!.state!.running!.startedAt!);
  const ready = Date.parse(pod.status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime!);
  assert.ok(ready - started >= 20_000 && ready - started <= 21_000, `ready ${(ready - started) / 1000} s after the start`);
  await cluster.close();
});
