// `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (+ wide SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME).

import type { KubeEvent, KubeObject } from '../../types.js';
import { ageColumn } from '../human-duration.js';
import { nameColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

interface EventSeries {
  count?: number;
  lastObservedTime?: string;
}

/** FIRST SEEN: firstTimestamp, or eventTime for events written through events.k8s.io. */
export function eventFirstSeen(e: KubeEvent, now: number): string {
  return e.firstTimestamp ? ageColumn(e.firstTimestamp, now) : ageColumn(e.eventTime as string | undefined, now);
}

/** LAST SEEN: the series' last observation, lastTimestamp, or else the first sighting. */
export function eventLastSeen(e: KubeEvent, now: number): string {
  const series = e.series as EventSeries | undefined;
  if (series) return ageColumn(series.lastObservedTime, now);
  return e.lastTimestamp ? ageColumn(e.lastTimestamp, now) : eventFirstSeen(e, now);
}

/** COUNT: the series count, the event's count, or 1 for a singleton written without one. */
export function eventCount(e: KubeEvent): number {
  const series = e.series as EventSeries | undefined;
  if (series) return series.count ?? 0;
  return e.count ? e.count : 1;
}

/** OBJECT: `pod/simple-echo` (kind lower-cased). */
export function eventObject(e: KubeEvent): string {
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

/** SOURCE: `kubelet, sim-node-1`, falling back to the reporting controller and instance. */
export function eventSource(e: KubeEvent): string {
  const component = e.source?.component || (e.reportingComponent as string | undefined) || (e.reportingController as string | undefined) || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter: KindPrinter = {
  columns: [
    column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    column('Object', 'string', 'The object that this event is about.'),
    column('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.', { priority: 1 }),
    column('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', { priority: 1 }),
    column('Message', 'string', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', { priority: 1 }),
    column('Count', 'string', 'The number of times this event has occurred.', { priority: 1 }),
    nameColumn(1),
  ],
  cells(obj: KubeObject, now: number) {
    const e = obj as KubeEvent;
    return [
      eventLastSeen(e, now),
      e.type ?? '',
      e.reason ?? '',
      eventObject(e),
      e.involvedObject?.fieldPath ?? '',
      eventSource(e),
      (e.message ?? '').trim(),
      eventFirstSeen(e, now),
      eventCount(e),
      e.metadata.name ?? '',
    ];
  },
};
