import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podRequests } from '../../src/sim/pod-resources.js';
import { podWithContainers as pod } from '../kube/pod-with-containers.js';

test('requests: app containers add up, the largest init container counts if larger, sidecars add to both', () => {
  const both = podRequests(pod([{ resources: { requests: { cpu: '100m', memory: '64Mi' } } }, { resources: { requests: { cpu: '200m' } } }]));
  assert.ok(Math.abs(both.cpu - 0.3) < 1e-9);
  assert.equal(both.memory, 64 * 1024 * 1024);
  assert.deepEqual(podRequests(pod([{}])), { cpu: 0, memory: 0 });
  assert.deepEqual(podRequests(pod([{}]), true), { cpu: 0.1, memory: 200 * 1024 * 1024 });
  assert.equal(podRequests(pod([{ resources: { requests: { cpu: '100m' } } }], [{ resources: { requests: { cpu: '500m' } } }])).cpu, 0.5);
  assert.ok(Math.abs(podRequests(pod([{ resources: { requests: { cpu: '100m' } } }], [{ restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } }, { resources: { requests: { cpu: '500m' } } }])).cpu - 0.55) < 1e-9);
});
