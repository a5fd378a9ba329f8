// Server-side printing: `kubectl get` asks for a meta.k8s.io Table and prints its cells; without one it
// falls back to NAME and AGE only. The columns and cells are the upstream printers' (src/kube/print).
import { tableRow, toTable, printerFor, type IncludeObject, type TableColumnDefinition, type TableRow } from '../kube/print/table.js';
import type { KubeObject } from '../kube/types.js';

export type { IncludeObject };

export function includeObjectParam(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** A Table as sent: apiVersion is whichever of meta.k8s.io/v1 or v1beta1 the client asked for. */
export interface ResponseTable {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export function tableOf(
  kind: string,
  objects: KubeObject[],
  now: number,
  includeObject: IncludeObject,
  apiVersion: string,
  resourceVersion: string,
): ResponseTable {
  return { ...toTable(kind, objects, now, { includeObject }, resourceVersion), apiVersion };
}

export function tableColumns(kind: string): TableColumnDefinition[] {
  return printerFor(kind).columns;
}

export function tableRows(kind: string, objects: readonly KubeObject[], now: number, includeObject: IncludeObject): TableRow[] {
  return objects.map((o) => tableRow(kind, o, now, includeObject));
}
