import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeNode } from '../../../src/kube/print/describe-node.js';
import { describePod } from '../../../src/kube/print/describe-pod.js';
import * as fx from './describe-fixtures.js';
import { describeGoldens as golden } from './describe-goldens.js';

const utc = { timeZone: 'UTC' as const };

test('describe pod of the book’s running two-container pod matches kubectl 1.32 byte for byte', () => {
  const { now, text } = golden.simpleEcho;
  assert.equal(describePod(fx.simpleEchoPod(now), fx.simpleEchoEvents(now), now, utc), text);
});

test('describe pod of a crash-looping pod shows init containers, probes, resources, env, mounts and repeated events like kubectl', () => {
  const { now, text } = golden.crashLoop;
  assert.equal(describePod(fx.crashLoopPod(now), fx.crashLoopEvents(now), now, utc), text);
});

test('describe pod of an unschedulable pod shows Node <none>, empty IP and the FailedScheduling event like kubectl', () => {
  const { now, text } = golden.pending;
  assert.equal(describePod(fx.pendingPod(now), fx.pendingEvents(now), now, utc), text);
});

test('describe pod of a pod being deleted shows Terminating, its grace period and Events <none> like kubectl', () => {
  const { now, text } = golden.terminating;
  assert.equal(describePod(fx.terminatingPod(now), [], now, utc), text);
});

test('describe node shows roles, taints, lease, conditions, capacity, pods and allocated resources like kubectl', () => {
  const { now, text } = golden.node;
  const out = describeNode(fx.simNode(now), fx.simNodePods(now), fx.simNodeEvents(now), now, { ...utc, lease: fx.simNodeLease(now) });
  assert.equal(out, text);
});

test('describe node of a cordoned node without lease, pods or events matches kubectl', () => {
  const { now, text } = golden.bareNode;
  assert.equal(describeNode(fx.bareNode(now), [], [], now, utc), text);
});

test('describe pod narrows events to the pod as kubectl’s field selector does', () => {
  const { now, text } = golden.simpleEcho;
  const strangers = fx.crashLoopEvents(now);
  assert.equal(describePod(fx.simpleEchoPod(now), [...strangers, ...fx.simpleEchoEvents(now)], now, utc), text);
});

test('describe node lists only non-terminated pods bound to it, in namespace/name order', () => {
  const { now, text } = golden.node;
  const pods = fx.simNodePods(now).reverse();
  const elsewhere = fx.crashLoopPod(now);
  const finished = fx.simpleEchoPod(now);
  finished.metadata.name = 'done';
  finished.status = { ...finished.status, phase: 'Succeeded' };
  const out = describeNode(fx.simNode(now), [elsewhere, finished, ...pods], fx.simNodeEvents(now), now, { ...utc, lease: fx.simNodeLease(now) });
  assert.equal(out, text);
});

test('without events (--show-events=false) describe pod ends after Tolerations', () => {
  const { now } = golden.simpleEcho;
  const out = describePod(fx.simpleEchoPod(now), null, now, utc);
  assert.ok(out.endsWith('node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n'));
  assert.ok(!out.includes('Events:'));
});

test('a bare pod and a bare node describe without failing, with kubectl’s placeholders', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } };
  const text = describePod(pod, [], 0, utc);
  assert.match(text, /^Name:         p\nNamespace:    default\nNode:         <none>\nLabels:       <none>\n/);
  assert.match(text, /\nContainers: <none>\n/);
  assert.match(text, /\nEvents:          <none>\n$/);
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: {} };
  const nodeText = describeNode(node, [], [], 0, utc);
  assert.match(nodeText, /\nLease:              Failed to get lease: leases.coordination.k8s.io "n" not found\n/);
  assert.match(nodeText, /\nNon-terminated Pods:          \(0 in total\)\n/);
});
