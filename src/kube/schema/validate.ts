// The API server's validation step: what makes a create or update fail with 422 Invalid, with the texts a real
// server sends (`Pod "web" is invalid: spec.containers[0].image: Required value`; several are `[a, b]`).
import { invalid, type ApiError } from '../api-error.js';
import { findKind } from '../kinds.js';
import type { KubeObject } from '../types.js';
import type { FieldError } from './field-errors.js';
import { validateObjectMeta } from './validate-meta.js';
import { validateDataKeys, validatePodSpec } from './validate-pod-spec.js';
import { validateServiceSpec } from './validate-service.js';
import { validateWorkload } from './validate-workloads.js';

export interface ValidateOptions {
  /** `create` (the default) forbids what may only come later, such as a Pod's ephemeral containers. */
  operation?: 'create' | 'update';
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** 422 Invalid for the first failing object, or undefined when the API server would accept it. */
export function validateObject(obj: KubeObject, options: ValidateOptions = {}): ApiError | undefined {
  const errs = fieldErrorsOf(obj, options.operation !== 'update');
  return errs.length ? invalidObject(obj, errs) : undefined;
}

function fieldErrorsOf(obj: KubeObject, create: boolean): FieldError[] {
  const info = findKind(obj.apiVersion, obj.kind);
  const errs = validateObjectMeta(asObj(obj.metadata), obj.kind, info?.namespaced ?? true);
  if (info && info.group === '') errs.push(...validateCoreKind(obj, create));
  else if (info?.group === 'apps' || info?.group === 'batch') errs.push(...(validateWorkload(obj.kind, obj, create) ?? []));
  return errs;
}

function validateCoreKind(obj: KubeObject, create: boolean): FieldError[] {
  switch (obj.kind) {
    case 'Pod':
      return validatePodSpec(asObj(obj.spec), 'spec', { create });
    case 'ConfigMap':
      return validateDataKeys(obj, ['data', 'binaryData']);
    case 'Secret':
      // stringData is merged into data, so the same key in both is fine.
      return [...validateDataKeys(obj, ['data']), ...validateDataKeys(obj, ['stringData'])];
    case 'Service':
      return validateServiceSpec(asObj(obj.spec));
    default:
      return validateWorkload(obj.kind, obj, create) ?? [];
  }
}

/**
 * The 422 for an object: the message names the kind qualified by group (`Deployment.apps "web" is invalid`),
 * while details carry the bare kind and the group, as the API server's NewInvalid does.
 */
export function invalidObject(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>, errs: FieldError[]): ApiError {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.slice(0, obj.apiVersion.indexOf('/')) : '';
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  const err = invalid(group ? `${obj.kind}.${group}` : obj.kind, name, errs, group);
  if (err.status.details) err.status.details.kind = obj.kind;
  return err;
}
