// The dashboard's event list keeps the API's order (by name, which ends in the creation time in hex) for
// events in the same second, as `kubectl describe` shows them: an event updated later (a repeat, count 2)
// does not move behind the others, and events that arrived out of order are put back in it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterCache } from '../../src/ui/model/cluster-cache.js';
import type { ClusterSource } from '../../src/kube/cluster-source.js';
import type { KubeEvent } from '../../src/kube/types.js';

function event(name: string, reason: string, lastTimestamp: string, count = 1): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { namespace: 'default', name: `web.${name}`, creationTimestamp: '2026-11-28T10:00:00Z' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
    reason,
    message: reason,
    type: 'Normal',
    firstTimestamp: '2026-11-28T10:00:00Z',
    lastTimestamp,
    count,
  };
}

const reasons = (cache: ClusterCache) => cache.eventsFor('Pod', 'default', 'web').map((e) => e.reason);

test('events with the same lastTimestamp stay in creation order after one of them is modified', () => {
  const cache = new ClusterCache({} as ClusterSource);
  for (const [name, reason] of [['187c0a1', 'Scheduled'], ['187c0a2', 'Pulling'], ['187c0a3', 'Pulled']] as const) {
    cache.apply('Event', { type: 'ADDED', object: event(name, reason, '2026-11-28T10:00:05Z') });
  }
  cache.apply('Event', { type: 'MODIFIED', object: event('187c0a1', 'Scheduled', '2026-11-28T10:00:05Z', 2) });
  assert.deepEqual(reasons(cache), ['Scheduled', 'Pulling', 'Pulled']);
});

test('an event repeated in a later second moves after the ones last seen earlier', () => {
  const cache = new ClusterCache({} as ClusterSource);
  cache.apply('Event', { type: 'ADDED', object: event('187c0a1', 'BackOff', '2026-11-28T10:00:05Z') });
  cache.apply('Event', { type: 'ADDED', object: event('187c0a2', 'Pulled', '2026-11-28T10:00:06Z') });
  cache.apply('Event', { type: 'MODIFIED', object: event('187c0a1', 'BackOff', '2026-11-28T10:00:09Z', 2) });
  assert.deepEqual(reasons(cache), ['Pulled', 'BackOff']);
});

test('events with the same lastTimestamp that arrive out of order are listed by name, as the API lists them', () => {
  const cache = new ClusterCache({} as ClusterSource);
  for (const [name, reason] of [['187c0a3', 'Pulled'], ['187c0a1', 'Scheduled'], ['187c0a2', 'Pulling']] as const) {
    cache.apply('Event', { type: 'ADDED', object: event(name, reason, '2026-11-28T10:00:05Z') });
  }
  assert.deepEqual(reasons(cache), ['Scheduled', 'Pulling', 'Pulled']);
});
