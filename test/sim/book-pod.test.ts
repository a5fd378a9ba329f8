import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podReadyColumn, podStatusReason } from '../../src/kube/print/pod-columns.js';
import { bookPod, eventLines, getPod, makeCluster } from './helpers.js';

test("the book's Pod goes Pending, ContainerCreating, then 2/2 Running on a worker", async () => {
  const { cluster } = makeCluster();
  const result = await cluster.apply(bookPod());
  assert.equal(result.outcome, 'created');
  let pod = await getPod(cluster, 'simple-echo');
  assert.equal(podStatusReason(pod), 'Pending');
  assert.equal(podReadyColumn(pod), '0/2');

  await cluster.advance(500);
  pod = await getPod(cluster, 'simple-echo');
  assert.match(pod.spec.nodeName ?? '', /^kubesim-worker2?$/);
  assert.equal(podStatusReason(pod), 'ContainerCreating');
  assert.equal(podReadyColumn(pod), '0/2');

  await cluster.advance(10_000);
  pod = await getPod(cluster, 'simple-echo');
  assert.equal(podStatusReason(pod), 'Running');
  assert.equal(podReadyColumn(pod), '2/2');
  assert.equal(pod.status?.phase, 'Running');
  assert.match(pod.status?.podIP ?? '', /^10\.244\.[12]\.\d+$/);
  assert.equal(pod.status?.hostIP, pod.spec.nodeName === 'kubesim-worker' ? '172.18.0.3' : '172.18.0.4');
  for (const c of pod.status?.containerStatuses ?? []) {
    assert.match(c.containerID ?? '', /^containerd:\/\/[0-9a-f]{64}$/);
    assert.ok(c.state.running?.startedAt);
  }
  assert.deepEqual(
    pod.status?.conditions?.map((c) => `${c.type}=${c.status}`),
    ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'],
  );
  const events = await eventLines(cluster, 'simple-echo');
  assert.deepEqual(events, [
    `Scheduled: Successfully assigned default/simple-echo to ${pod.spec.nodeName}`,
    'Pulling: Pulling image "gihyodocker/nginx-proxy:latest"',
    'Pulled: Successfully pulled image "gihyodocker/nginx-proxy:latest" in 2s (2s including waiting). Image size: 12345678 bytes.',
    'Created: Created container: nginx',
    'Started: Started container nginx',
    'Pulling: Pulling image "gihyodocker/echo:latest"',
    'Pulled: Successfully pulled image "gihyodocker/echo:latest" in 2s (2s including waiting). Image size: 12345678 bytes.',
    'Created: Created container: echo',
    'Started: Started container echo',
  ]);
  await cluster.close();
});

test('while its images are pulled the Pod shows 0/2 ContainerCreating without an IP; IP and 2/2 come when the sync has started both', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(bookPod());
  const seen: { status: string; started: number; ip: string | undefined }[] = [];
  const off = await cluster.watch('Pod', { namespace: 'default' }, (e) => {
    const pod = e.object as import('../../src/kube/types.js').Pod;
    const started = (pod.status?.containerStatuses ?? []).filter((c) => c.state.running).length;
    if (pod.spec.nodeName) seen.push({ status: podStatusReason(pod), started, ip: pod.status?.podIP });
  });
  await cluster.advance(60_000);
  off();
  const creating = seen.filter((s) => s.status === 'ContainerCreating' && s.started === 0);
  assert.ok(creating.length > 0, 'ContainerCreating was reported');
  assert.ok(creating.every((s) => s.ip === undefined), `no IP while creating: ${JSON.stringify(creating)}`);
  assert.ok(!seen.some((s) => s.status === 'ContainerCreating' && s.started > 0), `no status between the two starts: ${JSON.stringify(seen)}`);
  const running = seen.filter((s) => s.status === 'Running');
  assert.ok(running.length > 0 && running.every((s) => s.ip?.startsWith('10.244.')), JSON.stringify(running));
});
