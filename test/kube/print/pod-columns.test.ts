import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  podReadyColumn,
  podRestartsColumn,
  podRow,
  podStatusReason,
} from '../../../src/kube/print/pod-columns.js';
import { NOW, ago, pod, running, status, terminated, waiting } from './pod-fixtures.js';

const readyTrue = [{ type: 'Ready', status: 'True' as const }];

test('a pod not yet scheduled shows Pending 0/1', () => {
  const p = pod({ phase: 'Pending' });
  assert.equal(podStatusReason(p), 'Pending');
  assert.equal(podReadyColumn(p), '0/1');
});

test('a scheduled pod whose containers are being created shows ContainerCreating', () => {
  const p = pod({ phase: 'Pending', containers: ['nginx', 'echo'], statuses: [status('nginx', waiting('ContainerCreating')), status('echo', waiting('ContainerCreating'))] });
  assert.equal(podStatusReason(p), 'ContainerCreating');
  assert.equal(podReadyColumn(p), '0/2');
});

test('main containers waiting after the init containers finished show PodInitializing', () => {
  const p = pod({
    phase: 'Pending',
    initContainers: ['init'],
    initStatuses: [status('init', terminated(0, 'Completed'))],
    statuses: [status('app', waiting('PodInitializing'))],
  });
  assert.equal(podStatusReason(p), 'PodInitializing');
});

test('a running first init container of one shows Init:0/1', () => {
  const p = pod({ phase: 'Pending', initContainers: ['init'], initStatuses: [status('init', running())], statuses: [status('app', waiting('PodInitializing'))] });
  assert.equal(podStatusReason(p), 'Init:0/1');
});

test('the second of two init containers running shows Init:1/2', () => {
  const p = pod({
    phase: 'Pending',
    initContainers: ['a', 'b'],
    initStatuses: [status('a', terminated(0, 'Completed')), status('b', running())],
    statuses: [status('app', waiting('PodInitializing'))],
  });
  assert.equal(podStatusReason(p), 'Init:1/2');
});

test('an init container waiting without a reason or with PodInitializing counts as Init:i/N', () => {
  const p = pod({ phase: 'Pending', initContainers: ['a', 'b'], initStatuses: [status('a', waiting()), status('b', waiting('PodInitializing'))] });
  assert.equal(podStatusReason(p), 'Init:0/2');
});

test('an init container that cannot pull its image shows Init:ErrImagePull', () => {
  const p = pod({ phase: 'Pending', initContainers: ['init'], initStatuses: [status('init', waiting('ErrImagePull'))] });
  assert.equal(podStatusReason(p), 'Init:ErrImagePull');
});

test('an init container backing off shows Init:CrashLoopBackOff', () => {
  const p = pod({ phase: 'Pending', initContainers: ['init'], initStatuses: [status('init', waiting('CrashLoopBackOff'), { restartCount: 2, lastState: terminated(1, 'Error') })] });
  assert.equal(podStatusReason(p), 'Init:CrashLoopBackOff');
  assert.equal(podRestartsColumn(p, NOW), '2 (30s ago)');
});

test('an init container that exited non-zero with a reason shows Init:Error', () => {
  const p = pod({ phase: 'Failed', initContainers: ['init'], initStatuses: [status('init', terminated(1, 'Error'))] });
  assert.equal(podStatusReason(p), 'Init:Error');
});

test('an init container that exited non-zero without a reason shows Init:ExitCode:N', () => {
  const p = pod({ phase: 'Failed', initContainers: ['init'], initStatuses: [status('init', terminated(3))] });
  assert.equal(podStatusReason(p), 'Init:ExitCode:3');
});

test('an init container killed by a signal without a reason shows Init:Signal:N', () => {
  const p = pod({ phase: 'Failed', initContainers: ['init'], initStatuses: [status('init', terminated(137, undefined, { signal: 9 }))] });
  assert.equal(podStatusReason(p), 'Init:Signal:9');
});

test('an init container OOM-killed shows Init:OOMKilled', () => {
  const p = pod({ phase: 'Failed', initContainers: ['init'], initStatuses: [status('init', terminated(137, 'OOMKilled'))] });
  assert.equal(podStatusReason(p), 'Init:OOMKilled');
});

test('all containers running and ready show Running 2/2', () => {
  const p = pod({
    containers: ['nginx', 'echo'],
    conditions: readyTrue,
    statuses: [status('nginx', running(), { ready: true }), status('echo', running(), { ready: true })],
  });
  assert.equal(podStatusReason(p), 'Running');
  assert.equal(podReadyColumn(p), '2/2');
  assert.equal(podRestartsColumn(p, NOW), '0');
});

test('a running container that is not ready keeps Running but does not count in READY (1/2)', () => {
  const p = pod({
    containers: ['nginx', 'echo'],
    statuses: [status('nginx', running(), { ready: true }), status('echo', running(), { ready: false })],
  });
  assert.equal(podStatusReason(p), 'Running');
  assert.equal(podReadyColumn(p), '1/2');
});

test('one container completed and another running shows NotReady until the pod is Ready', () => {
  const statuses = [status('job', terminated(0, 'Completed')), status('side', running(), { ready: true })];
  assert.equal(podStatusReason(pod({ containers: ['job', 'side'], statuses })), 'NotReady');
  assert.equal(podStatusReason(pod({ containers: ['job', 'side'], statuses, conditions: readyTrue })), 'Running');
});

test('an image that cannot be pulled shows ErrImagePull then ImagePullBackOff', () => {
  assert.equal(podStatusReason(pod({ phase: 'Pending', statuses: [status('app', waiting('ErrImagePull'))] })), 'ErrImagePull');
  assert.equal(podStatusReason(pod({ phase: 'Pending', statuses: [status('app', waiting('ImagePullBackOff'))] })), 'ImagePullBackOff');
});

test('a container that has exited three times shows CrashLoopBackOff with RESTARTS 3 (40s ago)', () => {
  const p = pod({
    statuses: [status('app', waiting('CrashLoopBackOff'), { restartCount: 3, lastState: terminated(1, 'Error', { finishedAt: ago(40) }) })],
  });
  assert.equal(podStatusReason(p), 'CrashLoopBackOff');
  assert.equal(podReadyColumn(p), '0/1');
  assert.equal(podRestartsColumn(p, NOW), '3 (40s ago)');
});

test('RESTARTS sums every container and dates from the latest termination', () => {
  const p = pod({
    containers: ['a', 'b'],
    statuses: [
      status('a', running(), { ready: true, restartCount: 2, lastState: terminated(1, 'Error', { finishedAt: ago(600) }) }),
      status('b', running(), { ready: true, restartCount: 1, lastState: terminated(1, 'Error', { finishedAt: ago(125) }) }),
    ],
  });
  assert.equal(podRestartsColumn(p, NOW), '3 (2m5s ago)');
});

test('restarts without a recorded last termination print only the count', () => {
  const p = pod({ statuses: [status('app', running(), { ready: true, restartCount: 4 })] });
  assert.equal(podRestartsColumn(p, NOW), '4');
});

test('the first container state wins over later ones because containers are read last to first', () => {
  const p = pod({ containers: ['a', 'b'], statuses: [status('a', waiting('CreateContainerConfigError')), status('b', waiting('ErrImagePull'))] });
  assert.equal(podStatusReason(p), 'CreateContainerConfigError');
});

test('a missing ConfigMap shows CreateContainerConfigError', () => {
  assert.equal(podStatusReason(pod({ phase: 'Pending', statuses: [status('app', waiting('CreateContainerConfigError'))] })), 'CreateContainerConfigError');
});

test('a container that exited 0 shows Completed, non-zero Error, and OOMKilled when killed for memory', () => {
  assert.equal(podStatusReason(pod({ phase: 'Succeeded', statuses: [status('app', terminated(0, 'Completed'))] })), 'Completed');
  assert.equal(podStatusReason(pod({ phase: 'Failed', statuses: [status('app', terminated(1, 'Error'))] })), 'Error');
  assert.equal(podStatusReason(pod({ phase: 'Failed', statuses: [status('app', terminated(137, 'OOMKilled'))] })), 'OOMKilled');
});

test('a terminated container without a reason shows ExitCode:N or Signal:N', () => {
  assert.equal(podStatusReason(pod({ phase: 'Failed', statuses: [status('app', terminated(2))] })), 'ExitCode:2');
  assert.equal(podStatusReason(pod({ phase: 'Failed', statuses: [status('app', terminated(143, undefined, { signal: 15 }))] })), 'Signal:15');
});

test('a pod being deleted shows Terminating whatever its containers do', () => {
  const p = pod({ deletionTimestamp: ago(-30), conditions: readyTrue, statuses: [status('app', running(), { ready: true })] });
  assert.equal(podStatusReason(p), 'Terminating');
  assert.equal(podReadyColumn(p), '1/1');
});

test('a deleted pod already in a terminal phase shows its final state, not Terminating', () => {
  const p = pod({ phase: 'Succeeded', deletionTimestamp: ago(-30), statuses: [status('app', terminated(0, 'Completed'))] });
  assert.equal(podStatusReason(p), 'Completed');
});

test('a pod on a lost node shows NodeLost, and Unknown once it is being deleted', () => {
  const statuses = [status('app', running(), { ready: true })];
  assert.equal(podStatusReason(pod({ phase: 'Unknown', reason: 'NodeLost' })), 'NodeLost');
  assert.equal(podStatusReason(pod({ phase: 'Unknown', reason: 'NodeLost', deletionTimestamp: ago(-30), statuses })), 'Unknown');
});

test('an evicted pod shows Evicted from status.reason', () => {
  const p = pod({ phase: 'Failed', reason: 'Evicted', statuses: [status('app', terminated(137, 'ContainerStatusUnknown'))] });
  // The container's reason overrides the pod's, as upstream does; an evicted pod without statuses keeps Evicted.
  assert.equal(podStatusReason(p), 'ContainerStatusUnknown');
  assert.equal(podStatusReason(pod({ phase: 'Failed', reason: 'Evicted' })), 'Evicted');
});

test('a pod held by a scheduling gate shows SchedulingGated', () => {
  const p = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
  assert.equal(podStatusReason(p), 'SchedulingGated');
});

test('started sidecars count in READY and do not hold the pod in Init', () => {
  const p = pod({
    containers: ['app'],
    initContainers: ['setup', { name: 'proxy', sidecar: true }],
    conditions: [{ type: 'Initialized', status: 'True' }, ...readyTrue],
    initStatuses: [
      status('setup', terminated(0, 'Completed')),
      status('proxy', running(), { ready: true, started: true, restartCount: 1, lastState: terminated(1, 'Error', { finishedAt: ago(90) }) }),
    ],
    statuses: [status('app', running(), { ready: true })],
  });
  assert.equal(podStatusReason(p), 'Running');
  assert.equal(podReadyColumn(p), '2/2');
  assert.equal(podRestartsColumn(p, NOW), '1 (90s ago)');
});

test('restarts of ordinary init containers are dropped once the pod is initialized', () => {
  const p = pod({
    initContainers: ['setup'],
    initStatuses: [status('setup', terminated(0, 'Completed'), { restartCount: 2, lastState: terminated(1, 'Error') })],
    statuses: [status('app', running(), { ready: true })],
  });
  assert.equal(podRestartsColumn(p, NOW), '0');
});

test('a sidecar not yet started holds the pod at Init:i/N', () => {
  const p = pod({
    phase: 'Pending',
    initContainers: [{ name: 'proxy', sidecar: true }],
    initStatuses: [status('proxy', waiting('ContainerCreating'), { started: false })],
  });
  assert.equal(podStatusReason(p), 'Init:ContainerCreating');
  assert.equal(podReadyColumn(p), '0/2');
});

test('a wide row carries IP, node and <none> for what is missing', () => {
  const p = pod({
    name: 'simple-echo',
    containers: ['nginx', 'echo'],
    nodeName: 'sim-node-1',
    podIP: '10.244.0.11',
    createdSecondsAgo: 2,
    conditions: readyTrue,
    statuses: [status('nginx', running(), { ready: true }), status('echo', running(), { ready: true })],
  });
  assert.deepEqual(podRow(p, NOW), {
    namespace: 'default',
    name: 'simple-echo',
    ready: '2/2',
    status: 'Running',
    restarts: '0',
    age: '2s',
    ip: '10.244.0.11',
    node: 'sim-node-1',
    nominatedNode: '<none>',
    readinessGates: '<none>',
  });
  const pending = podRow(pod({ phase: 'Pending' }), NOW);
  assert.equal(pending.ip, '<none>');
  assert.equal(pending.node, '<none>');
});

test('readiness gates print true gates over declared gates', () => {
  const p = pod({ conditions: [{ type: 'example.com/lb', status: 'True' }, { type: 'example.com/dns', status: 'False' }] });
  p.spec.readinessGates = [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }, { conditionType: 'example.com/x' }];
  assert.equal(podRow(p, NOW).readinessGates, '1/3');
});

test('a pod with only status.podIP (no podIPs) still shows its IP', () => {
  const p = pod();
  p.status = { ...p.status, podIP: '10.244.1.5' };
  assert.equal(podRow(p, NOW).ip, '10.244.1.5');
});

test('a pod without status prints the empty phase and 0/N', () => {
  const p = pod();
  delete p.status;
  assert.equal(podStatusReason(p), '');
  assert.equal(podReadyColumn(p), '0/1');
});
