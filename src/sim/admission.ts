// What the API server does to an object before it is stored: resolve its kind, fill the name from
// generateName, check the namespace, decode strictly (fieldValidation), default, run the admission plugins
// the simulator needs (ServiceAccount, DefaultTolerationSeconds), and validate.

import { ApiError, badRequest, notFound } from '../kube/api-error.js';
import type { FieldValidation } from '../kube/cluster-source.js';
import type { Container, KubeObject, Pod, Volume } from '../kube/types.js';
import { applyDefaults, decodingError, podQOSClass, findKind, strictDecodingError, unknownFields, validateObject, validatePodUpdate, type KindInfo } from './kube-deps.js';
import { shapeMemo, type ShapeMemo } from './shape-memo.js';
import { validateObjectMeta } from '../kube/schema/validate-meta.js';
import { cloneJson } from '../kube/merge/json-value.js';
import type { SeededRandom } from './random.js';
import type { ObjectStore } from './store.js';
import { deepFreeze } from './deep-freeze.js';

export interface Admitted {
  object: KubeObject;
  info: KindInfo;
  warnings: string[];
}

export function kindInfoOrThrow(apiVersion: string, kind: string): KindInfo {
  const info = findKind(apiVersion, kind);
  if (!info) throw badRequest(`no matches for kind "${kind}" in version "${apiVersion}"`);
  return info;
}

function decode(obj: KubeObject, memo: ShapeMemo | undefined, validation: FieldValidation, warnings: string[]): void {
  const typeError = memo ? memo.typeError : decodingError(obj);
  if (typeError) throw typeError;
  if (validation === 'Ignore') return;
  const unknown = memo ? memo.unknown : unknownFields(obj);
  if (unknown.length === 0) return;
  if (validation === 'Strict') throw strictDecodingError(obj, unknown);
  for (const path of unknown) warnings.push(`unknown field "${path}"`);
}

/** validateObject, skipped for a shape already found valid: then only the metadata that differs is checked. */
function validateNew(obj: KubeObject, memo: ShapeMemo | undefined, info: KindInfo): Error | undefined {
  if (memo?.valid && !obj.spec?.nodeName && validateObjectMeta(obj.metadata, obj.kind, info.namespaced).length === 0) return undefined;
  const error = validateObject(obj);
  if (!error && memo) memo.valid = true;
  return error;
}

/**
 * The ServiceAccount plugin's token volume, mounted in every container. (Its account name and the
 * DefaultTolerationSeconds tolerations are already there: defaultPodOnly added them.)
 */
function admitPod(pod: Pod, random: SeededRandom): void {
  const spec = pod.spec;
  if (spec.automountServiceAccountToken === false || hasTokenVolume(spec.volumes)) return;
  const name = `kube-api-access-${random.nameSuffix(5)}`;
  spec.volumes = [...(spec.volumes ?? []), { name, projected: SERVICE_ACCOUNT_PROJECTION }];
  for (const c of spec.initContainers ?? []) mountToken(c, name);
  for (const c of spec.containers ?? []) mountToken(c, name);
}

const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

function hasTokenVolume(volumes: Volume[] | undefined): boolean {
  for (const v of volumes ?? []) if (v.name.startsWith('kube-api-access-')) return true;
  return false;
}

// Each container gets a mount object of its own (one shared object would print as a YAML alias).
function mountToken(c: Container, name: string): void {
  const mounts = c.volumeMounts ?? [];
  for (const m of mounts) if (m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH) return;
  c.volumeMounts = [...mounts, { name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
}

// What admission adds is the same for every Pod: one copy shared by all of them (stored objects are never
// mutated, and defaulting only fills fields these already have), not ~20 fresh objects per Pod.
const SERVICE_ACCOUNT_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
}) as NonNullable<Volume['projected']>;

const SERVER_SET_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const;

export function admitCreate(input: KubeObject, validation: FieldValidation, store: ObjectStore, random: SeededRandom): Admitted {
  const info = kindInfoOrThrow(input.apiVersion, input.kind);
  const warnings: string[] = [];
  const memo = shapeMemo(input);
  decode(input, memo, validation, warnings);
  const obj = cloneJson(input);
  obj.metadata ??= {};
  if (info.namespaced) obj.metadata.namespace ||= 'default';
  if (!obj.metadata.name && obj.metadata.generateName) {
    // As the API server does (RetryGenerateName), a generated name that is taken is generated again.
    const namespace = info.namespaced ? obj.metadata.namespace : undefined;
    for (let tries = 0; tries < 8 && (!obj.metadata.name || store.get(info.kind, namespace, obj.metadata.name)); tries++) {
      obj.metadata.name = `${obj.metadata.generateName}${random.nameSuffix(5)}`;
    }
  }
  if (info.namespaced) {
    obj.metadata.namespace ||= 'default';
    const ns = store.get('Namespace', undefined, obj.metadata.namespace);
    if (!ns) throw notFound('namespaces', obj.metadata.namespace);
    if (ns.metadata.deletionTimestamp) {
      throw new ApiError('Forbidden', `${info.resource} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${obj.metadata.namespace} because it is being terminated`, {
        name: obj.metadata.name,
        kind: info.resource,
      });
    }
  } else {
    delete obj.metadata.namespace;
  }
  // Server-set fields are dropped; `in` first, since a delete, even of a member that is not there, is a call into the runtime.
  for (const k of SERVER_SET_METADATA) if (k in obj.metadata) delete obj.metadata[k];
  applyDefaults(obj);
  if (obj.kind === 'Pod' && obj.spec) admitPod(obj as Pod, random);
  const error = validateNew(obj, memo, info);
  if (error) throw error;
  if (obj.kind === 'Pod') {
    checkServiceAccount(obj as Pod, store);
    // A new Pod's status is the API server's: Pending, nothing else (clients cannot create it Running).
    obj.status = { phase: 'Pending', qosClass: podQOSClass(obj as Pod) };
    if (isSchedulingGated(obj as Pod)) {
      obj.status.conditions = [
        { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null, lastTransitionTime: null },
      ];
    }
  }
  return { object: obj, info, warnings };
}

/** A full replacement of a stored object (PUT, or the result of a patch). */
export function admitUpdate(old: KubeObject, input: KubeObject, validation: FieldValidation, subresource?: string): Admitted {
  const info = kindInfoOrThrow(input.apiVersion ?? old.apiVersion, input.kind ?? old.kind);
  const warnings: string[] = [];
  decode(input, undefined, validation, warnings);
  const obj = structuredClone(input) as KubeObject;
  obj.metadata = {
    ...obj.metadata,
    name: old.metadata.name,
    namespace: old.metadata.namespace,
    uid: old.metadata.uid,
    creationTimestamp: old.metadata.creationTimestamp,
    ...(old.metadata.deletionTimestamp ? { deletionTimestamp: old.metadata.deletionTimestamp, deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds } : {}),
  };
  if (!info.namespaced) delete obj.metadata.namespace;
  if (subresource === 'status') {
    // The status subresource changes status only.
    return { object: { ...old, status: obj.status }, info, warnings };
  }
  if (old.status !== undefined && info.subresources.some((s) => s.name === 'status')) obj.status = old.status;
  applyDefaults(obj);
  if (obj.kind === 'Pod') {
    // Admission defaults (tolerations, token volume) were added at creation and must survive a patch that omits them.
    const error = validatePodUpdate(old, obj);
    if (error) throw error;
  }
  const error = validateObject(obj, { operation: 'update' });
  if (error) throw error;
  return { object: obj, info, warnings };
}

/** The ServiceAccount admission plugin: a Pod may only name a ServiceAccount that exists in its namespace. */
function checkServiceAccount(pod: Pod, store: ObjectStore): void {
  const namespace = pod.metadata.namespace!;
  const account = pod.spec.serviceAccountName ?? 'default';
  if (store.get('ServiceAccount', namespace, account)) return;
  throw new ApiError(
    'Forbidden',
    `pods "${pod.metadata.name}" is forbidden: error looking up service account ${namespace}/${account}: serviceaccount "${account}" not found`,
    { name: pod.metadata.name, kind: 'pods' },
  );
}

/** A Pod with scheduling gates waits, unscheduled, until every gate is removed. */
export function isSchedulingGated(pod: Pod): boolean {
  const gates = pod.spec.schedulingGates;
  return Array.isArray(gates) && gates.length > 0;
}
