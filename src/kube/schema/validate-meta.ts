// ObjectMeta validation (ValidateObjectMeta): name or generateName, the name's syntax for the kind,
// namespace syntax, label and annotation keys and values.
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './names.js';
import { invalidEach, invalidValue, required, type FieldError } from './field-errors.js';

type NameCheck = (name: string) => readonly string[];

/** Names that are only path segments (RBAC names such as `system:controller:x`). */
function pathSegmentErrors(name: string): readonly string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  if (name.includes('/')) errs.push("may not contain '/'");
  if (name.includes('%')) errs.push("may not contain '%'");
  return errs;
}

const nameChecks: Record<string, NameCheck> = {
  Namespace: dns1123LabelErrors,
  Service: dns1035LabelErrors,
  Role: pathSegmentErrors,
  ClusterRole: pathSegmentErrors,
  RoleBinding: pathSegmentErrors,
  ClusterRoleBinding: pathSegmentErrors,
};

/** Each problem of `value` as an Invalid error on `field`, added to `errs` (nothing to do for a good value). */
function addInvalid(errs: FieldError[], field: string, value: string, problems: readonly string[]): void {
  if (problems.length > 0) errs.push(...invalidEach(field, value, problems));
}

export function validateLabels(labels: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!labels || typeof labels !== 'object') return errs;
  const map = labels as Record<string, unknown>;
  for (const key in map) {
    const value = map[key];
    addInvalid(errs, field, key, qualifiedNameErrors(key));
    if (typeof value === 'string') addInvalid(errs, field, value, labelValueErrors(value));
  }
  return errs;
}

function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!annotations || typeof annotations !== 'object') return errs;
  const map = annotations as Record<string, unknown>;
  let size = 0;
  for (const key in map) {
    const value = map[key];
    const lower = key.toLowerCase();
    addInvalid(errs, field, lower, qualifiedNameErrors(lower));
    size += key.length + (typeof value === 'string' ? value.length : 0);
  }
  if (size > 256 * 1024) errs.push({ field, type: 'Too long', detail: 'may not be more than 262144 bytes' });
  return errs;
}

export function validateObjectMeta(
  meta: Record<string, unknown> | undefined,
  kind: string,
  namespaced: boolean,
  field = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  const name = typeof m.name === 'string' ? m.name : '';
  const generateName = typeof m.generateName === 'string' ? m.generateName : '';
  const check = nameChecks[kind] ?? dns1123SubdomainErrors;
  if (name) {
    addInvalid(errs, `${field}.name`, name, check(name));
  } else if (generateName) {
    // generateName is a prefix: check it with a character appended, as the API server does.
    addInvalid(errs, `${field}.generateName`, generateName, check(`${generateName}a`));
  } else {
    errs.push(required(`${field}.name`, 'name or generateName is required'));
  }
  const namespace = typeof m.namespace === 'string' ? m.namespace : '';
  if (namespaced && namespace) addInvalid(errs, `${field}.namespace`, namespace, dns1123LabelErrors(namespace));
  errs.push(...validateLabels(m.labels, `${field}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${field}.annotations`));
  if (typeof m.generation === 'number' && m.generation < 0) {
    errs.push(invalidValue(`${field}.generation`, m.generation, 'must be greater than or equal to 0'));
  }
  return errs;
}
