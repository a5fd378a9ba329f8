// Query parameters shared by the resource verbs, read and checked once.
import { badRequest } from '../kube/api-error.js';
import type { DeleteOptions, FieldValidation, ListOptions } from '../kube/cluster-source.js';

export function listOptions(query: URLSearchParams, namespace: string | undefined): ListOptions {
  const options: ListOptions = {};
  if (namespace !== undefined) options.namespace = namespace;
  const labelSelector = query.get('labelSelector');
  if (labelSelector) options.labelSelector = labelSelector;
  const fieldSelector = query.get('fieldSelector');
  if (fieldSelector) options.fieldSelector = fieldSelector;
  return options;
}

export function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1';
}

/** Absent: the API server's default since 1.27, Warn. */
export function fieldValidation(query: URLSearchParams): FieldValidation {
  const value = query.get('fieldValidation');
  if (value === null || value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw badRequest(`invalid fieldValidation directive: ${value}`);
}

export function dryRun(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  for (const v of values) {
    if (v !== 'All') throw badRequest(`Invalid value: "${v}": supported values: "All"`);
  }
  return values.length > 0;
}

export function nonNegativeInt(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw badRequest(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
  return n;
}

/** DeleteOptions from the request body (kubectl's way) merged with the query (curl's way). */
export function deleteOptions(query: URLSearchParams, body: Record<string, unknown> | undefined): DeleteOptions {
  const options: DeleteOptions = {};
  const grace = body?.['gracePeriodSeconds'] ?? nonNegativeInt(query, 'gracePeriodSeconds');
  if (typeof grace === 'number') options.gracePeriodSeconds = grace;
  const policy = body?.['propagationPolicy'] ?? query.get('propagationPolicy') ?? undefined;
  if (policy !== undefined && policy !== null) {
    if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
      throw badRequest(`propagationPolicy: Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan"`);
    }
    options.propagationPolicy = policy;
  }
  const preconditions = body?.['preconditions'];
  if (preconditions && typeof preconditions === 'object') options.preconditions = preconditions as DeleteOptions['preconditions'];
  const bodyDryRun = body?.['dryRun'];
  if (dryRun(query) || (Array.isArray(bodyDryRun) && bodyDryRun.includes('All'))) options.dryRun = true;
  return options;
}
