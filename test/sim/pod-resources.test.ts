import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, Pod } from '../../src/kube/types.js';
import { podRequests, qosClass } from '../../src/sim/pod-resources.js';

const pod = (containers: Partial<Container>[], initContainers?: Partial<Container>[]): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: containers.map((c, i) => ({ name: `c${i}`, image: 'nginx', ...c })), ...(initContainers ? { initContainers: initContainers.map((c, i) => ({ name: `i${i}`, image: 'busybox', ...c })) } : {}) },
  }) as Pod;

test('QoS class as the kubelet writes it: BestEffort without resources, Guaranteed when every limit equals its request, else Burstable', () => {
  assert.equal(qosClass(pod([{}, {}])), 'BestEffort');
  assert.equal(qosClass(pod([{ resources: { requests: { cpu: '100m' } } }])), 'Burstable');
  assert.equal(qosClass(pod([{ resources: { limits: { cpu: '1', memory: '1Gi' } } }])), 'Guaranteed');
  assert.equal(qosClass(pod([{ resources: { requests: { cpu: '1000m', memory: '1Gi' }, limits: { cpu: '1', memory: '1024Mi' } } }])), 'Guaranteed');
  assert.equal(qosClass(pod([{ resources: { limits: { cpu: '1', memory: '1Gi' } } }, {}])), 'Burstable');
  assert.equal(qosClass(pod([{ resources: { limits: { cpu: '1', memory: '1Gi' } } }], [{ resources: { requests: { memory: '1Mi' } } }])), 'Burstable');
  assert.equal(qosClass(pod([{}], [{ resources: { limits: { cpu: '1', memory: '1Gi' } } }])), 'Burstable');
});

test('requests: app containers add up, the largest init container counts if larger, sidecars add to both', () => {
  const both = podRequests(pod([{ resources: { requests: { cpu: '100m', memory: '64Mi' } } }, { resources: { requests: { cpu: '200m' } } }]));
  assert.ok(Math.abs(both.cpu - 0.3) < 1e-9);
  assert.equal(both.memory, 64 * 1024 * 1024);
  assert.deepEqual(podRequests(pod([{}])), { cpu: 0, memory: 0 });
  assert.deepEqual(podRequests(pod([{}]), true), { cpu: 0.1, memory: 200 * 1024 * 1024 });
  assert.equal(podRequests(pod([{ resources: { requests: { cpu: '100m' } } }], [{ resources: { requests: { cpu: '500m' } } }])).cpu, 0.5);
  assert.ok(Math.abs(podRequests(pod([{ resources: { requests: { cpu: '100m' } } }], [{ restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } }, { resources: { requests: { cpu: '500m' } } }])).cpu - 0.55) < 1e-9);
});
