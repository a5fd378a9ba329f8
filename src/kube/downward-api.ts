// The downward API's metadata fields as the kubelet renders them (k8s.io/kubernetes pkg/fieldpath): the
// simulated kubelet fills env vars and volume files with them, and `kubectl describe` prints the same values.

import { byteOrder } from './byte-order.js';
import type { Pod } from './types.js';

/** `fieldpath.FormatMap`: sorted `key="value"` lines. */
function formatDownwardMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort(byteOrder)
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}

/** A `metadata.*` field path's value (`metadata.name`, `metadata.labels['app']`, ...); undefined for other paths. */
export function metadataFieldValue(pod: Pod, fieldPath: string): string | undefined {
  const keyed = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (keyed) return (keyed[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[keyed[2]!] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
      return formatDownwardMap(pod.metadata.labels);
    case 'metadata.annotations':
      return formatDownwardMap(pod.metadata.annotations);
    default:
      return undefined;
  }
}
