// The multi-line map and list printers every kubectl describer shares (labels, annotations, taints,
// tolerations) and the Events table.

import type { KubeEvent, Taint, Toleration } from '../../types.js';
import { ageColumn, parseTimestamp } from '../human-duration.js';
import type { DescribeWriter } from './tab-writer.js';
import { byteOrder } from '../../byte-order.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

export function printLabelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** Annotations, minus last-applied-configuration; long or multi-line values go on their own lines. */
export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort(byteOrder);
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** `Taint.ToString()`: `key=value:Effect`, `key:Effect`. */
export function taintText(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

export function printTaintsMultiline(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.line('<none>');
    return;
  }
  const sorted = [...taints].sort((a, b) => byteOrder(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintText(t)}\n`);
  });
}

export function printTolerationsMultiline(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.line('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => byteOrder(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // `operator: Exists` with no value tolerates everything matching the key (or everything at all).
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

interface EventSeries {
  count?: number;
  lastObservedTime?: string;
}

/** What kubectl sorts events by: the series' last sighting, else lastTimestamp, else eventTime. */
function eventSortTime(e: KubeEvent): number {
  const series = e.series as EventSeries | undefined;
  if (series) return parseTimestamp(series.lastObservedTime) ?? 0;
  return parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime as string | undefined) ?? 0;
}

/** The AGE cell: `5s`, or `2m (x4 over 10m)` for a repeated event. */
export function eventInterval(e: KubeEvent, now: number): string {
  const first = e.eventTime ? ageColumn(e.eventTime as string, now) : ageColumn(e.firstTimestamp, now);
  const series = e.series as EventSeries | undefined;
  if (series) return `${ageColumn(series.lastObservedTime, now)} (x${series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${ageColumn(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** The Events section: `Events: <none>`, or a table aligned on its own. */
export function describeEvents(w: DescribeWriter, events: KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => eventSortTime(a) - eventSortTime(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = e.source?.component || (e.reportingComponent as string | undefined) || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventInterval(e, now)}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
