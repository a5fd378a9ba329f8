import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podQOSClass } from '../../../src/kube/schema/qos.js';
import { podWithContainers as pod } from '../pod-with-containers.js';

test('QoS class as the kubelet writes it: BestEffort without resources, Guaranteed when every limit equals its request, else Burstable', () => {
  assert.equal(podQOSClass(pod([{}, {}])), 'BestEffort');
  assert.equal(podQOSClass(pod([{ resources: { requests: { cpu: '100m' } } }])), 'Burstable');
  assert.equal(podQOSClass(pod([{ resources: { limits: { cpu: '1', memory: '1Gi' } } }])), 'Guaranteed');
  assert.equal(podQOSClass(pod([{ resources: { requests: { cpu: '1000m', memory: '1Gi' }, limits: { cpu: '1', memory: '1024Mi' } } }])), 'Guaranteed');
  assert.equal(podQOSClass(pod([{ resources: { limits: { cpu: '1', memory: '1Gi' } } }, {}])), 'Burstable');
  assert.equal(podQOSClass(pod([{ resources: { limits: { cpu: '1', memory: '1Gi' } } }], [{ resources: { requests: { memory: '1Mi' } } }])), 'Burstable');
  assert.equal(podQOSClass(pod([{}], [{ resources: { limits: { cpu: '1', memory: '1Gi' } } }])), 'Burstable');
});

test('a zero limit or request counts as none, as upstream compares quantities with zero: a zero cpu limit is not Guaranteed', () => {
  assert.equal(podQOSClass(pod([{ resources: { requests: { cpu: '0', memory: '1Gi' }, limits: { cpu: '0', memory: '1Gi' } } }])), 'Burstable');
  assert.equal(podQOSClass(pod([{ resources: { requests: { cpu: '0', memory: '0' } } }])), 'BestEffort');
  assert.equal(podQOSClass(pod([{ resources: { requests: { cpu: '0' }, limits: { cpu: '1', memory: '1Gi' } } }])), 'Burstable');
});
