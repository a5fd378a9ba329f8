// ValidatePodUpdate: a Pod's spec is immutable except for a few fields (updatablePodSpecFields in
// pkg/apis/core/validation). Anything else is refused with the API server's Forbidden text and a cmp diff.
import type { ApiError } from '../api-error.js';
import type { KubeObject } from '../types.js';
import { forbidden, invalidValue, type FieldError } from './field-errors.js';
import { goDiff, semanticEqual } from './go-diff.js';
import { invalidObject } from './validate.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** 422 Invalid when `newPod` changes more of the spec than a Pod update may; undefined when allowed. */
export function validatePodUpdate(oldPod: KubeObject, newPod: KubeObject): ApiError | undefined {
  const oldSpec = isObj(oldPod.spec) ? oldPod.spec : {};
  const newSpec = isObj(newPod.spec) ? newPod.spec : {};
  const errs: FieldError[] = [
    ...activeDeadlineErrors(oldSpec.activeDeadlineSeconds, newSpec.activeDeadlineSeconds),
    ...tolerationErrors(objects(oldSpec.tolerations), objects(newSpec.tolerations)),
  ];
  const munged = mungeAllowedChanges(oldSpec, newSpec);
  if (!semanticEqual(oldSpec, munged)) {
    errs.push(forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${goDiff('core.PodSpec', oldSpec, munged)}`));
  }
  return errs.length ? invalidObject(newPod, errs) : undefined;
}

/** The new spec with every change an update may make put back to the old value. */
function mungeAllowedChanges(oldSpec: Obj, newSpec: Obj): Obj {
  const munged = structuredClone(newSpec);
  for (const list of ['containers', 'initContainers'] as const) {
    const oldList = objects(oldSpec[list]);
    const newList = objects(munged[list]);
    if (oldList.length !== newList.length) continue;
    newList.forEach((c, i) => {
      if (oldList[i]!.image !== undefined) c.image = oldList[i]!.image;
    });
  }
  // Scheduling gates may only be removed (that is how a gated Pod is released to the scheduler).
  const oldGates = objects(oldSpec.schedulingGates);
  const newGates = objects(munged.schedulingGates);
  if (newGates.every((g) => oldGates.some((o) => o.name === g.name))) munged.schedulingGates = oldSpec.schedulingGates;
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  // Ephemeral containers change only through their subresource; an update leaves them as they were.
  munged.ephemeralContainers = oldSpec.ephemeralContainers;
  for (const key of Object.keys(munged)) if (munged[key] === undefined) delete munged[key];
  return munged;
}

function activeDeadlineErrors(oldValue: unknown, newValue: unknown): FieldError[] {
  const path = 'spec.activeDeadlineSeconds';
  if (typeof newValue === 'number') {
    if (newValue <= 0 || newValue > 2147483647) return [invalidValue(path, newValue, 'must be between 1 and 2147483647, inclusive')];
    if (typeof oldValue === 'number' && newValue > oldValue) return [invalidValue(path, newValue, 'must be less than or equal to previous value')];
    return [];
  }
  if (typeof oldValue === 'number') return [invalidValue(path, newValue ?? null, 'must not update from a positive integer to nil value')];
  return [];
}

/** Existing tolerations must stay; only a NoExecute toleration's seconds may change. */
function tolerationErrors(oldTolerations: Obj[], newTolerations: Obj[]): FieldError[] {
  const withoutSeconds = ({ tolerationSeconds: _, ...rest }: Obj) => rest;
  for (const old of oldTolerations) {
    const kept = newTolerations.some((t) =>
      old.effect === 'NoExecute' ? semanticEqual(withoutSeconds(old), withoutSeconds(t)) : semanticEqual(old, t),
    );
    if (!kept) return [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}
