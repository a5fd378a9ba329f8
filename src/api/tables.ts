// Server-side printing: `kubectl get` asks for a meta.k8s.io Table and prints its cells; without one it
// falls back to NAME and AGE only. The columns and cells come from src/kube/print (the upstream printers).
import type { KubeObject } from '../kube/types.js';
import { ageColumn } from '../kube/print/human-duration.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function includeObjectParam(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string; [key: string]: unknown };
  columnDefinitions: Record<string, unknown>[];
  rows: Record<string, unknown>[];
}

function rowObject(obj: KubeObject, includeObject: IncludeObject): KubeObject | undefined {
  if (includeObject === 'None') return undefined;
  if (includeObject === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

// TEMPORARY until src/kube/print/table.ts (kube-print) lands: the server's default printer, NAME and AGE.
export function toTableFor(kind: string, objects: readonly KubeObject[], now: number, includeObject: IncludeObject): Table {
  void kind;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 },
    ],
    rows: objects.map((o) => {
      const row: Record<string, unknown> = { cells: [o.metadata.name ?? '', ageColumn(o.metadata.creationTimestamp, now)] };
      const object = rowObject(o, includeObject);
      if (object) row['object'] = object;
      return row;
    }),
  };
}
