// Kinds without a printer get the API server's default table convertor: NAME and CREATED AT (RFC 3339, UTC).

import type { KubeObject } from '../../types.js';
import { CREATION_TIMESTAMP_DESCRIPTION, nameColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

/** Go's `Time.UTC().Format(time.RFC3339)`: seconds precision, `Z`; the zero time when unset. */
export function rfc3339(timestamp: string | undefined): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(t)) return '0001-01-01T00:00:00Z';
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const defaultPrinter: KindPrinter = {
  columns: [nameColumn(), column('Created At', 'date', CREATION_TIMESTAMP_DESCRIPTION)],
  cells: (obj: KubeObject) => [obj.metadata.name ?? '', rfc3339(obj.metadata.creationTimestamp)],
};
