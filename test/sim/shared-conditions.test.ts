import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedCondition } from '../../src/sim/pod-lifecycle.js';

const at = '2026-01-01T12:00:00Z';

test('one transition in one second is one frozen condition object, its members in the API order', () => {
  const ready = sharedCondition('Ready', 'False', at, 'ContainersNotReady', 'containers with unready status: [nginx]');
  assert.equal(sharedCondition('Ready', 'False', at, 'ContainersNotReady', 'containers with unready status: [nginx]'), ready);
  assert.ok(Object.isFrozen(ready));
  assert.deepEqual(Object.keys(ready), ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message']);
  assert.deepEqual(Object.keys(sharedCondition('PodScheduled', 'True', at)), ['type', 'status', 'lastProbeTime', 'lastTransitionTime']);
  assert.deepEqual(Object.keys(sharedCondition('Initialized', 'True', at, 'PodCompleted')), ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason']);
});

test('any other type, status, second, reason or message is another condition', () => {
  const base = sharedCondition('ContainersReady', 'False', at, 'ContainersNotReady', 'containers with unready status: [a]');
  const others = [
    sharedCondition('Ready', 'False', at, 'ContainersNotReady', 'containers with unready status: [a]'),
    sharedCondition('ContainersReady', 'True', at),
    sharedCondition('ContainersReady', 'False', '2026-01-01T12:00:01Z', 'ContainersNotReady', 'containers with unready status: [a]'),
    sharedCondition('ContainersReady', 'False', at, 'PodCompleted'),
    sharedCondition('ContainersReady', 'False', at, 'ContainersNotReady', 'containers with unready status: [b]'),
    sharedCondition('ContainersReady', 'False', null, 'ContainersNotReady', 'containers with unready status: [a]'),
    sharedCondition('ContainersReady', 'False', undefined, 'ContainersNotReady', 'containers with unready status: [a]'),
  ];
  assert.equal(new Set([base, ...others]).size, 8);
  assert.equal(others[5]!.lastTransitionTime, null);
  assert.equal(others[6]!.lastTransitionTime, undefined);
});
