// Namespace, ConfigMap, Secret and ServiceAccount: a name, a count or two, and the age.

import type { KubeObject } from '../../types.js';
import { ageColumn } from '../human-duration.js';
import { ageColumnDefinition, nameColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

function count(map: unknown): number {
  return map && typeof map === 'object' ? Object.keys(map).length : 0;
}

export const namespacePrinter: KindPrinter = {
  columns: [nameColumn(), column('Status', 'string', 'The status of the namespace'), ageColumnDefinition()],
  cells: (obj, now) => [obj.metadata.name ?? '', obj.status?.phase ?? '', ageColumn(obj.metadata.creationTimestamp, now)],
};

export const configMapPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Data', 'string', 'Data contains the configuration data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.'),
    ageColumnDefinition(),
  ],
  cells: (obj: KubeObject, now) => [obj.metadata.name ?? '', count(obj.data) + count(obj.binaryData), ageColumn(obj.metadata.creationTimestamp, now)],
};

export const secretPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types'),
    column('Data', 'string', "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
    ageColumnDefinition(),
  ],
  // The API server stores stringData merged into data, so count both as a store that has not merged yet would.
  cells: (obj: KubeObject, now) => [
    obj.metadata.name ?? '',
    obj.type ?? 'Opaque',
    count({ ...(obj.data ?? {}), ...(obj.stringData ?? {}) }),
    ageColumn(obj.metadata.creationTimestamp, now),
  ],
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'),
    ageColumnDefinition(),
  ],
  cells: (obj: KubeObject, now) => [obj.metadata.name ?? '', Array.isArray(obj.secrets) ? obj.secrets.length : 0, ageColumn(obj.metadata.creationTimestamp, now)],
};
