// Columns that many kinds share, with the descriptions the API server sends (ObjectMeta's field docs).

import { column, type TableColumnDefinition } from './types.js';

export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

export const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export function nameColumn(priority = 0): TableColumnDefinition {
  return column('Name', 'string', NAME_DESCRIPTION, { format: 'name', priority });
}

export function ageColumnDefinition(): TableColumnDefinition {
  return column('Age', 'string', CREATION_TIMESTAMP_DESCRIPTION);
}

export function containersColumn(): TableColumnDefinition {
  return column('Containers', 'string', 'Names of each container in the template.', { priority: 1 });
}

export function imagesColumn(): TableColumnDefinition {
  return column('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 });
}

export function selectorColumn(description: string): TableColumnDefinition {
  return column('Selector', 'string', description, { priority: 1 });
}

/** `layoutContainerCells`: container names and images, each comma-joined. */
export function containerCells(containers: { name: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
