import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podReadyColumn, podRestartsColumn, podStatusReason } from '../../src/kube/print/pod-columns.js';
import type { Pod } from '../../src/kube/types.js';
import { eventLines, getPod, makeCluster, simplePod } from './helpers.js';

/** A container that exits with 1 one second after each start. */
const crasher = () => simplePod('crasher', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo hi; sleep 1; exit 1'] }] });

/** Watches the Pod and notes (in simulated ms) when each container instance started and stopped. */
function recordRuns(cluster: ReturnType<typeof makeCluster>['cluster'], clock: ReturnType<typeof makeCluster>['clock']) {
  const starts: number[] = [];
  const exits: number[] = [];
  let running = false;
  cluster.watch('Pod', { namespace: 'default' }, (e) => {
    const cs = (e.object as Pod).status?.containerStatuses?.[0];
    if (!cs) return;
    if (cs.state.running && !running) starts.push(clock.now());
    if (!cs.state.running && running) exits.push(clock.now());
    running = !!cs.state.running;
  });
  return { starts, exits };
}

test('a crashing container restarts at once, then after 10 s, 20 s, 40 s … capped at 300 s', async () => {
  const { cluster, clock } = makeCluster();
  const runs = recordRuns(cluster, clock);
  await cluster.apply(crasher());
  await cluster.advance(25 * 60 * 1000);
  // create + start take 100 ms after each back-off.
  const waits = runs.exits.slice(0, 9).map((exit, i) => runs.starts[i + 1]! - exit - 100);
  assert.deepEqual(waits, [0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  await cluster.close();
});

test('a container that has exited three times shows CrashLoopBackOff with RESTARTS 2 and waits 20 s before its next start', async () => {
  const { cluster, clock } = makeCluster();
  const runs = recordRuns(cluster, clock);
  await cluster.apply(crasher());
  while (runs.exits.length < 3) await cluster.advance(100);
  const pod = await getPod(cluster, 'crasher');
  assert.equal(podStatusReason(pod), 'CrashLoopBackOff');
  assert.equal(podReadyColumn(pod), '0/1');
  assert.equal(pod.status?.phase, 'Running');
  const cs = pod.status!.containerStatuses![0]!;
  assert.equal(cs.restartCount, 2);
  assert.equal(cs.lastState.terminated?.exitCode, 1);
  assert.equal(cs.lastState.terminated?.reason, 'Error');
  assert.equal(cs.state.waiting?.message, `back-off 20s restarting failed container=app pod=crasher_default(${pod.metadata.uid})`);
  await cluster.advance(19_800);
  assert.equal(runs.starts.length, 3);
  await cluster.advance(400);
  assert.equal(runs.starts.length, 4);
  const events = await eventLines(cluster, 'crasher');
  assert.ok(events.includes(`BackOff: Back-off restarting failed container app in pod crasher_default(${pod.metadata.uid})`));
  await cluster.close();
});

test('after its fourth exit the Pod reads RESTARTS 3 (40s ago) just before the next start', async () => {
  const { cluster, clock } = makeCluster();
  const runs = recordRuns(cluster, clock);
  await cluster.apply(crasher());
  while (runs.exits.length < 4) await cluster.advance(100);
  const lastExit = runs.exits[3]!;
  await cluster.advance(lastExit + 40_000 - 1 - clock.now());
  const pod = await getPod(cluster, 'crasher');
  assert.equal(podStatusReason(pod), 'CrashLoopBackOff');
  assert.equal(podRestartsColumn(pod, cluster.now()), '3 (40s ago)');
  await cluster.close();
});

test('logs --previous reads the instance before the restart', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(crasher());
  await cluster.advance(5_000);
  const lines: string[] = [];
  await cluster.logs({ namespace: 'default', pod: 'crasher', container: 'app' }, { previous: true }, { line: (l) => lines.push(l.text), end: () => {} });
  assert.deepEqual(lines, ['hi']);
  await cluster.close();
});

test('restartPolicy Never leaves a failed container terminated and the Pod Failed with STATUS Error', async () => {
  const { cluster } = makeCluster();
  const pod = crasher();
  pod.spec.restartPolicy = 'Never';
  await cluster.apply(pod);
  await cluster.advance(60_000);
  const live = await getPod(cluster, 'crasher');
  assert.equal(live.status?.phase, 'Failed');
  assert.equal(podStatusReason(live), 'Error');
  assert.equal(live.status?.containerStatuses?.[0]?.restartCount, 0);
  await cluster.close();
});

test('restartPolicy OnFailure runs a successful container once: Completed, phase Succeeded', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('job', { restartPolicy: 'OnFailure', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo done; sleep 2; exit 0'] }] }));
  await cluster.advance(60_000);
  const live = await getPod(cluster, 'job');
  assert.equal(live.status?.phase, 'Succeeded');
  assert.equal(podStatusReason(live), 'Completed');
  assert.equal(podReadyColumn(live), '0/1');
  await cluster.close();
});
