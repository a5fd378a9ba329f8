// A small in-memory ClusterSource for reconciler tests: just enough API server behaviour (apply outcomes,
// missing namespaces, an unknown container field, immutable Pod updates, graceful deletion, watches) to drive
// every reconciler path without the simulator. The end-to-end tests use the real simulated cluster.

import { ApiError, alreadyExists, invalid, notFound } from '../../src/kube/api-error.js';
import type {
  ApplyResult,
  ClusterSource,
  ServedKind,
  WatchEvent,
  WriteResult,
} from '../../src/kube/cluster-source.js';
import { declaredFingerprint } from '../../src/manifests/drift.js';
import { refKey, refOf, type KubeObject, type ObjectRef } from '../../src/kube/types.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const KINDS: ServedKind[] = [
  { group: '', version: 'v1', kind: 'Namespace', resource: 'namespaces', namespaced: false, simulated: true },
  { group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespaced: true, simulated: true },
  { group: '', version: 'v1', kind: 'ConfigMap', resource: 'configmaps', namespaced: true, simulated: true },
  { group: '', version: 'v1', kind: 'Service', resource: 'services', namespaced: true, simulated: false },
  { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', namespaced: true, simulated: false },
];

const CONTAINER_FIELDS = new Set(['name', 'image', 'command', 'args', 'env', 'ports', 'readinessProbe', 'resources']);

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function podSpecWithoutImages(pod: KubeObject): string {
  const spec = clone(pod.spec ?? {});
  for (const c of spec.containers ?? []) delete c.image;
  return JSON.stringify(spec);
}

export interface FakeCluster extends ClusterSource {
  objects(): KubeObject[];
  /** Milliseconds a graceful delete takes (real time). */
  deleteDelayMs: number;
  writes: number;
  /** What kubectl would do behind the folder's back. */
  edit(ref: ObjectRef, change: (o: KubeObject) => void): void;
  remove(ref: ObjectRef): void;
}

export function createFakeCluster(): FakeCluster {
  const store = new Map<string, KubeObject>();
  const listeners = new Set<{ kind: string; onEvent: (e: WatchEvent) => void }>();
  let rv = 1;
  const emit = (type: WatchEvent['type'], object: KubeObject) => {
    for (const l of [...listeners]) if (l.kind === object.kind) l.onEvent({ type, object: clone(object) });
  };
  const served = (kind: string) => KINDS.find((k) => k.kind === kind);
  const key = (o: KubeObject | ObjectRef) => refKey('metadata' in o ? refOf(o) : o);
  const write = (o: KubeObject, type: 'ADDED' | 'MODIFIED') => {
    o.metadata.resourceVersion = String(++rv);
    store.set(key(o), o);
    fake.writes++;
    emit(type, o);
  };

  const fake: FakeCluster = {
    name: 'fake',
    capabilities: {},
    deleteDelayMs: 20,
    writes: 0,
    now: () => Date.now(),
    kinds: () => KINDS,
    objects: () => [...store.values()].map(clone),
    async list(kind) {
      return { items: [...store.values()].filter((o) => o.kind === kind).map(clone), resourceVersion: String(rv) };
    },
    async get(ref) {
      const o = store.get(key(ref));
      if (!o) throw notFound(served(ref.kind)?.resource ?? ref.kind, ref.name);
      return clone(o);
    },
    watch(kind, options, onEvent) {
      const listener = { kind, onEvent };
      listeners.add(listener);
      if (!options.resourceVersion) {
        for (const o of store.values()) if (o.kind === kind) onEvent({ type: 'ADDED', object: clone(o) });
      }
      return () => listeners.delete(listener);
    },
    async create(object) {
      if (store.has(key(object))) throw alreadyExists(served(object.kind)!.resource, object.metadata.name!);
      const o = clone(object);
      o.metadata.uid = `uid-${rv}`;
      write(o, 'ADDED');
      return { object: clone(o), warnings: [] } satisfies WriteResult;
    },
    async update(object) {
      write(clone(object), 'MODIFIED');
      return { object: clone(object), warnings: [] };
    },
    async patch() {
      throw new ApiError('MethodNotAllowed', 'not in the fake');
    },
    async apply(object): Promise<ApplyResult> {
      const kind = served(object.kind);
      if (!kind) throw new ApiError('NotFound', `no matches for kind "${object.kind}"`);
      const ns = object.metadata.namespace;
      if (kind.namespaced && ns && ns !== 'default' && ns !== 'kube-system' && !store.has(`Namespace//${ns}`)) {
        throw notFound('namespaces', ns);
      }
      if (!object.metadata.name) {
        throw invalid(object.kind, '', [{ field: 'metadata.name', type: 'Required value', detail: 'name or generateName is required' }]);
      }
      for (const [i, c] of (object.spec?.containers ?? []).entries()) {
        for (const f of Object.keys(c)) {
          if (!CONTAINER_FIELDS.has(f)) {
            throw new ApiError(
              'BadRequest',
              `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[${i}].${f}"`,
            );
          }
        }
      }
      const desired = clone(object);
      const lastApplied = JSON.stringify(object) + '\n';
      desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied };
      const live = store.get(key(object));
      if (!live) {
        const r = await fake.create(desired);
        return { ...r, outcome: 'created' };
      }
      const liveMatches = declaredFingerprint(live, desired) === JSON.stringify(desired);
      if (live.metadata.annotations?.[LAST_APPLIED] === lastApplied && liveMatches && !live.metadata.deletionTimestamp) {
        return { object: clone(live), warnings: [], outcome: 'unchanged' };
      }
      if (object.kind === 'Pod' && podSpecWithoutImages(live) !== podSpecWithoutImages(desired)) {
        throw invalid('Pod', object.metadata.name, [
          { field: 'spec', type: 'Forbidden', detail: 'pod updates may not change fields other than `spec.containers[*].image`' },
        ]);
      }
      const next = { ...clone(live), ...desired, metadata: { ...live.metadata, ...desired.metadata }, status: live.status };
      write(next, 'MODIFIED');
      return { object: clone(next), warnings: [], outcome: 'configured' };
    },
    async delete(ref) {
      const o = store.get(key(ref));
      if (!o) throw notFound(served(ref.kind)?.resource ?? ref.kind, ref.name);
      if (fake.deleteDelayMs > 0 && ref.kind === 'Pod') {
        o.metadata.deletionTimestamp = new Date().toISOString();
        write(o, 'MODIFIED');
        setTimeout(() => {
          if (store.get(key(ref)) !== o) return;
          store.delete(key(ref));
          emit('DELETED', o);
        }, fake.deleteDelayMs);
        return clone(o);
      }
      store.delete(key(ref));
      emit('DELETED', o);
      return clone(o);
    },
    async evict() {},
    async logs() {
      return () => {};
    },
    async exec() {
      throw new ApiError('BadRequest', 'not in the fake');
    },
    async close() {},
    edit(ref, change) {
      const o = store.get(key(ref));
      if (!o) throw new Error(`no ${refKey(ref)}`);
      change(o);
      write(o, 'MODIFIED');
    },
    remove(ref) {
      const o = store.get(key(ref));
      if (!o) return;
      store.delete(key(ref));
      emit('DELETED', o);
    },
  };
  return fake;
}
