import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeRolesColumn, nodeRow, nodeStatusColumn } from '../../../src/kube/print/node-columns.js';
import type { Node } from '../../../src/kube/types.js';
import { NOW, ago, pod } from './pod-fixtures.js';

function node(o: { ready?: 'True' | 'False' | 'Unknown'; unschedulable?: boolean; labels?: Record<string, string>; bare?: boolean } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'sim-node-1', creationTimestamp: ago(3 * 86400 + 5 * 3600), labels: o.labels ?? {} },
    spec: { ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: o.bare
      ? {}
      : {
          conditions: o.ready ? [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: o.ready }] : [],
          addresses: [
            { type: 'InternalIP', address: '172.18.0.2' },
            { type: 'Hostname', address: 'sim-node-1' },
          ],
          nodeInfo: {
            kubeletVersion: 'v1.32.4',
            osImage: 'Debian GNU/Linux 12 (bookworm)',
            kernelVersion: '6.8.0-1015-gcp',
            containerRuntimeVersion: 'containerd://1.7.24',
          },
        },
  };
}

test('a node with a True Ready condition is Ready, False is NotReady, none is Unknown', () => {
  assert.equal(nodeStatusColumn(node({ ready: 'True' })), 'Ready');
  assert.equal(nodeStatusColumn(node({ ready: 'False' })), 'NotReady');
  assert.equal(nodeStatusColumn(node({ ready: 'Unknown' })), 'NotReady');
  assert.equal(nodeStatusColumn(node()), 'Unknown');
});

test('a cordoned node adds SchedulingDisabled', () => {
  assert.equal(nodeStatusColumn(node({ ready: 'True', unschedulable: true })), 'Ready,SchedulingDisabled');
  assert.equal(nodeStatusColumn(node({ unschedulable: true })), 'Unknown,SchedulingDisabled');
});

test('roles come from node-role labels and kubernetes.io/role, sorted, or <none>', () => {
  assert.equal(nodeRolesColumn(node()), '<none>');
  assert.equal(nodeRolesColumn(node({ labels: { 'node-role.kubernetes.io/control-plane': '' } })), 'control-plane');
  assert.equal(
    nodeRolesColumn(node({ labels: { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/': '' } })),
    'infra,worker',
  );
});

test('a node row has the wide columns with <none> and <unknown> for what is missing', () => {
  assert.deepEqual(nodeRow(node({ ready: 'True', labels: { 'node-role.kubernetes.io/control-plane': '' } }), NOW), {
    name: 'sim-node-1',
    status: 'Ready',
    roles: 'control-plane',
    age: '3d5h',
    version: 'v1.32.4',
    internalIP: '172.18.0.2',
    externalIP: '<none>',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.8.0-1015-gcp',
    containerRuntime: 'containerd://1.7.24',
  });
  const bare = nodeRow(node({ bare: true }), NOW);
  assert.equal(bare.internalIP, '<none>');
  assert.equal(bare.osImage, '<unknown>');
  assert.equal(bare.kernelVersion, '<unknown>');
  assert.equal(bare.containerRuntime, '<unknown>');
  assert.equal(bare.version, '');
});

test('given the pods, a node row counts the non-terminated pods bound to it', () => {
  const pods = [
    pod({ name: 'a', nodeName: 'sim-node-1' }),
    pod({ name: 'b', nodeName: 'sim-node-1', phase: 'Succeeded' }),
    pod({ name: 'c', nodeName: 'sim-node-2' }),
    pod({ name: 'd', nodeName: 'sim-node-1', phase: 'Pending' }),
  ];
  assert.equal(nodeRow(node({ ready: 'True' }), pods, NOW).pods, 2);
  assert.equal(nodeRow(node({ ready: 'True' }), NOW).pods, undefined);
});
