// The simulated cluster as a ClusterSource: the API server's verbs (admission, conflicts, graceful deletion,
// apply, patch, logs, exec, with the real error texts) over the object store, and the controllers that make
// it behave: scheduler, kubelets, node lifecycle. Everything runs on the given Clock.

import { ApiError, alreadyExists, badRequest, conflict, notFound } from '../kube/api-error.js';
import type {
  ApplyResult,
  Capabilities,
  ClockControl,
  ClusterSource,
  ContainerTarget,
  DeleteOptions,
  ExecOptions,
  ExecSession,
  ListOptions,
  ListResult,
  LogOptions,
  LogSink,
  PatchOptions,
  PatchType,
  ServedKind,
  Unsubscribe,
  WatchEvent,
  WatchOptions,
  WriteOptions,
  WriteResult,
} from '../kube/cluster-source.js';
import type { KubeObject, ObjectRef, Pod } from '../kube/types.js';
import { admitCreate, admitUpdate, kindInfoOrThrow } from './admission.js';
import { ScaledClock, VirtualClock, type Clock, type TimerId } from './clock.js';
import {
  buildDefaultServiceAccount,
  SYSTEM_SERVICE_ACCOUNTS,
  buildNamespace,
  buildNode,
  buildSystemPods,
  buildSystemWorkloads,
  resolveOwnerUids,
  CLUSTER_NAME,
  SYSTEM_NAMESPACES,
  type BootstrapOptions,
} from './cluster-bootstrap.js';
import { EventRecorder } from './events.js';
import {
  allKinds,
  applyJsonPatch,
  clientSideApply,
  jsonMergePatch,
  parseFieldSelector,
  parseLabelSelector,
  strategicMergePatch,
  type KindInfo,
} from './kube-deps.js';
import { Kubelets } from './kubelet.js';
import { LogStore } from './logs.js';
import { ClusterNetwork } from './network.js';
import { NodeLifecycle } from './node-lifecycle.js';
import { SeededRandom } from './random.js';
import { createContainerRuntime } from './runtime/container-runtime.js';
import type { CatalogImage } from './runtime/images/catalog.js';
import type { ContainerRuntime } from './runtime/types.js';
import { Scheduler } from './scheduler.js';
import { shareSubtrees } from './shared-subtrees.js';
import { isoSeconds, ObjectStore, sameJson } from './store.js';

export interface SimulatedClusterOptions {
  clock: Clock;
  /** Worker nodes beside the control plane (default 2). */
  workers?: number;
  nodeCpu?: string;
  nodeMemory?: string;
  maxPods?: number;
  seed?: number;
  /** The container runtime the kubelets drive (default: the simulated runtime with the built-in image catalog). */
  runtime?: ContainerRuntime;
  /** Extra image catalog entries for the default runtime (the user's --images file). */
  images?: CatalogImage[];
  /** Events off: for benchmarks of the bare machinery (default on). */
  events?: boolean;
  maxEvents?: number;
  /** Lines kept per container instance (default 10,000). */
  logLines?: number;
  /** Watch history window in changes (default 10,000). */
  watchHistory?: number;
}

const ROOT_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIkubesimCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAwMDBaMBUxEzARBgNVBAMTCmt1YmVybmV0ZXM=\n-----END CERTIFICATE-----\n';

function rootCAConfigMap(namespace: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
    data: { 'ca.crt': ROOT_CA },
  };
}

/** Flushes pending promise callbacks (a process exit) without reading any clock. */
function yieldToCallbacks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Lets the promise callbacks a timer set off run before the next timer: a container's exit reaches the kubelet
 * a microtask turn later (ProcessEnd), an exec's exit its probe or preStop hook about as soon; a test's own
 * chain may be longer. Much cheaper than a trip through the event loop, which advance() takes only at its ends.
 */
async function microtaskTurns(): Promise<void> {
  // One settled promise awaited again and again: a turn each, as `await undefined` is, without wrapping a new one.
  for (let i = 0; i < MICROTASK_TURNS; i++) await SETTLED;
}
const MICROTASK_TURNS = 16;
const SETTLED = Promise.resolve();

export class SimulatedCluster implements ClusterSource {
  readonly name = CLUSTER_NAME;
  readonly capabilities: Capabilities;
  readonly store: ObjectStore;
  readonly clock: Clock;
  readonly events: EventRecorder;
  readonly logStore: LogStore;
  readonly network = new ClusterNetwork();
  readonly random: SeededRandom;
  private readonly scheduler: Scheduler;
  private readonly kubelets: Kubelets;
  private readonly nodeLifecycle: NodeLifecycle;
  private readonly runtime: ContainerRuntime;
  private readonly namespaceTimers = new Set<TimerId>();
  private closed = false;

  constructor(options: SimulatedClusterOptions) {
    this.random = new SeededRandom(options.seed ?? 1);
    this.clock = options.clock;
    this.runtime = options.runtime ?? createContainerRuntime({ extraImages: options.images, random: () => this.random.next() });
    this.store = new ObjectStore({ wallTime: () => this.clock.wallTime(), uid: () => this.random.uid(), historyLimit: options.watchHistory, share: shareSubtrees });
    this.events = new EventRecorder(this.store, this.clock, { maxEvents: options.maxEvents, seed: options.seed ?? 1 });
    this.events.enabled = options.events !== false;
    this.logStore = new LogStore(() => this.clock.wallTime(), options.logLines);
    const boot: BootstrapOptions = {
      workers: options.workers ?? 2,
      nodeCpu: options.nodeCpu ?? '4',
      nodeMemory: options.nodeMemory ?? '8Gi',
      maxPods: options.maxPods ?? 110,
    };
    this.bootstrapObjects(boot);
    this.scheduler = new Scheduler(this.store, this.clock, this.events, this.random);
    this.kubelets = new Kubelets(this.store, {
      store: this.store,
      clock: this.clock,
      events: this.events,
      logs: this.logStore,
      network: this.network,
      runtime: this.runtime,
      random: this.random,
      lookup: {
        configMap: (ns, name) => this.store.get('ConfigMap', ns, name),
        secret: (ns, name) => this.store.get('Secret', ns, name),
      },
    });
    this.nodeLifecycle = new NodeLifecycle(this.store, this.clock, this.events, this.kubelets);
    const systemPods = buildSystemPods(boot.workers + 1, this.random);
    const uidOf = (kind: string, namespace: string | undefined, name: string) => this.store.get(kind, namespace, name)?.metadata.uid;
    for (const obj of buildSystemWorkloads(boot.workers + 1, systemPods, isoSeconds(this.clock.wallTime()))) {
      resolveOwnerUids(obj, uidOf);
      this.store.create(JSON.parse(JSON.stringify(obj)));
    }
    for (const pod of systemPods) {
      resolveOwnerUids(pod, uidOf);
      this.store.create(admitCreate(pod, 'Ignore', this.store, this.random).object);
    }
    this.capabilities = {
      clock: this.clockControl(options.clock),
      nodeFaults: {
        stopNode: async (name) => this.nodeLifecycle.stopNode(name),
        startNode: async (name) => this.nodeLifecycle.startNode(name),
      },
    };
  }

  private bootstrapObjects(boot: BootstrapOptions): void {
    for (const ns of SYSTEM_NAMESPACES) this.createNamespaceWithDefaults(buildNamespace(ns));
    for (const account of SYSTEM_SERVICE_ACCOUNTS) this.store.create(buildDefaultServiceAccount('kube-system', account));
    const created = isoSeconds(this.clock.wallTime());
    for (let i = 0; i <= boot.workers; i++) this.store.create(buildNode(i, boot, this.random, created));
  }

  private createNamespaceWithDefaults(ns: KubeObject): KubeObject {
    const stored = this.store.create(ns);
    const name = stored.metadata.name!;
    // The service-account and root-CA controllers fill every new namespace.
    this.store.create(buildDefaultServiceAccount(name));
    this.store.create(rootCAConfigMap(name));
    return stored;
  }

  private clockControl(clock: Clock): ClockControl | undefined {
    if (clock instanceof ScaledClock) {
      return {
        speed: () => clock.speed(),
        setSpeed: (s) => clock.setSpeed(s),
        paused: () => clock.paused(),
        pause: () => clock.pause(),
        resume: () => clock.resume(),
        step: (ms) => clock.step(ms),
      };
    }
    if (clock instanceof VirtualClock) {
      let paused = false;
      return {
        speed: () => 1,
        setSpeed: () => {},
        paused: () => paused,
        pause: () => void (paused = true),
        resume: () => void (paused = false),
        step: (ms) => clock.advance(ms),
      };
    }
    return undefined;
  }

  // ---- test and benchmark conveniences (VirtualClock) ----

  /** Lets pending promise callbacks run (a process exit, an exec's output). */
  async settle(): Promise<void> {
    await yieldToCallbacks();
  }

  /**
   * Moves a VirtualClock forward by `ms`, timer by timer, letting promise callbacks run between timers so
   * each happens at its own simulated time.
   */
  async advance(ms: number): Promise<void> {
    const clock = this.clock;
    if (!(clock instanceof VirtualClock)) throw new Error('advance() needs a VirtualClock');
    const end = clock.now() + ms;
    await yieldToCallbacks();
    for (;;) {
      const next = clock.nextDue();
      if (next === undefined || next > end) break;
      clock.advance(Math.max(0, next - clock.now()));
      await microtaskTurns();
    }
    clock.advance(end - clock.now());
    await yieldToCallbacks();
  }

  // ---- ClusterSource ----

  now(): number {
    return this.clock.wallTime();
  }

  kinds(): ServedKind[] {
    return allKinds().map((k) => ({ group: k.group, version: k.version, kind: k.kind, resource: k.resource, namespaced: k.namespaced, simulated: k.simulated }));
  }

  private kindInfo(kind: string, apiVersion?: string): KindInfo {
    if (apiVersion) return kindInfoOrThrow(apiVersion, kind);
    const info = allKinds().find((k) => k.kind === kind);
    if (!info) throw badRequest(`no matches for kind "${kind}" in version ""`);
    return info;
  }

  private filter(options: ListOptions | undefined): ((obj: KubeObject) => boolean) | undefined {
    const tests: ((o: KubeObject) => boolean)[] = [];
    if (options?.labelSelector) {
      const matches = parseLabelSelector(options.labelSelector);
      tests.push((o) => matches(o.metadata.labels ?? {}));
    }
    if (options?.fieldSelector) tests.push(parseFieldSelector(options.fieldSelector));
    if (tests.length === 0) return undefined;
    return (o) => tests.every((t) => t(o));
  }

  async list(kind: string, options?: ListOptions, apiVersion?: string): Promise<ListResult> {
    const info = this.kindInfo(kind, apiVersion);
    const namespace = info.namespaced ? options?.namespace : undefined;
    const items = this.store.list(info.kind, namespace, this.filter(options));
    return { items, resourceVersion: this.store.resourceVersion() };
  }

  private getStored(ref: ObjectRef): { obj: KubeObject | undefined; info: KindInfo } {
    const info = this.kindInfo(ref.kind, ref.apiVersion);
    const namespace = info.namespaced ? (ref.namespace ?? 'default') : undefined;
    return { obj: this.store.get(info.kind, namespace, ref.name), info };
  }

  async get(ref: ObjectRef): Promise<KubeObject> {
    const { obj, info } = this.getStored(ref);
    if (!obj) throw notFound(info.resource, ref.name, info.group);
    return obj;
  }

  watch(kind: string, options: WatchOptions, onEvent: (event: WatchEvent) => void, apiVersion?: string): Unsubscribe {
    const info = this.kindInfo(kind, apiVersion);
    const namespace = info.namespaced ? options.namespace : undefined;
    const matches = this.filter(options);
    const inNamespace = (o: KubeObject) => namespace === undefined || o.metadata.namespace === namespace;
    let deliver = (e: WatchEvent) => {
      if (inNamespace(e.object)) onEvent({ type: e.type, object: e.object });
    };
    if (matches) {
      // As the API server's watch cache does: an object that starts to match arrives as ADDED, one that
      // stops matching leaves as DELETED.
      const matching = new Set(this.store.list(info.kind, namespace, matches).map((o) => o.metadata.uid));
      deliver = (e: WatchEvent) => {
        if (!inNamespace(e.object)) return;
        const uid = e.object.metadata.uid;
        const now = matches(e.object);
        if (e.type === 'DELETED') {
          if (matching.delete(uid) || now) onEvent({ type: 'DELETED', object: e.object });
        } else if (now) {
          const type = e.type === 'MODIFIED' && !matching.has(uid) ? 'ADDED' : e.type;
          matching.add(uid);
          onEvent({ type, object: e.object });
        } else if (matching.delete(uid)) {
          onEvent({ type: 'DELETED', object: e.object });
        }
      };
    }
    const rv = options.resourceVersion;
    if (rv === undefined || rv === '' || rv === '0') {
      for (const obj of this.store.list(info.kind, namespace, matches)) onEvent({ type: 'ADDED', object: obj });
      return this.store.subscribe(info.kind, deliver);
    }
    const from = Number(rv);
    if (!Number.isFinite(from)) throw badRequest(`invalid resource version "${rv}"`);
    return this.store.watchFrom(info.kind, from, deliver);
  }

  async create(object: KubeObject, options: WriteOptions = {}): Promise<WriteResult> {
    return this.createAs(object, options, 'Update');
  }

  private createAs(object: KubeObject, options: WriteOptions, operation: 'Apply' | 'Update'): WriteResult {
    const { object: admitted, info, warnings } = admitCreate(object, options.fieldValidation ?? 'Strict', this.store, this.random);
    const name = admitted.metadata.name;
    if (!name) throw new ApiError('Invalid', `${info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`, { kind: info.kind, causes: [{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }] });
    if (this.store.get(info.kind, admitted.metadata.namespace, name)) throw alreadyExists(info.resource, name, info.group);
    this.recordManager(admitted, options.fieldManager, operation);
    if (options.dryRun) return { object: admitted, warnings };
    const stored = info.kind === 'Namespace' ? this.createNamespaceWithDefaults({ ...admitted, status: { phase: 'Active' } }) : this.store.create(admitted);
    return { object: stored, warnings };
  }

  async update(object: KubeObject, options: WriteOptions = {}): Promise<WriteResult> {
    const { obj: old, info } = this.getStored(refOfObject(object));
    if (!old) throw notFound(info.resource, object.metadata.name ?? '', info.group);
    const rv = object.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw conflict(info.resource, old.metadata.name!, 'the object has been modified; please apply your changes to the latest version and try again', info.group);
    }
    return this.replaceAdmitted(old, object, options);
  }

  private replaceAdmitted(old: KubeObject, next: KubeObject, options: WriteOptions, subresource?: string, operation: 'Apply' | 'Update' = 'Update'): WriteResult {
    const { object: admitted, warnings } = admitUpdate(old, next, options.fieldValidation ?? 'Strict', subresource);
    this.recordManager(admitted, options.fieldManager, operation, old, subresource);
    if (sameJson(withoutVolatile(admitted), withoutVolatile(old))) return { object: old, warnings };
    if (options.dryRun) return { object: admitted, warnings };
    return { object: this.store.replace(admitted), warnings };
  }

  async patch(ref: ObjectRef, type: PatchType, patch: unknown, options: PatchOptions = {}): Promise<WriteResult> {
    const { obj: old, info } = this.getStored(ref);
    if (!old) {
      if (type === 'apply') {
        // Server-side apply creates what is missing.
        const desired = { ...(patch as KubeObject), metadata: { ...(patch as KubeObject).metadata, namespace: info.namespaced ? (ref.namespace ?? 'default') : undefined } };
        return this.createAs(desired, { ...options, fieldManager: options.fieldManager ?? 'kubectl' }, 'Apply');
      }
      throw notFound(info.resource, ref.name, info.group);
    }
    let patched: KubeObject;
    try {
      switch (type) {
        case 'strategic':
        case 'apply':
          patched = strategicMergePatch(old, patch, old.kind) as KubeObject;
          break;
        case 'merge':
          patched = jsonMergePatch(old, patch) as KubeObject;
          break;
        case 'json':
          patched = applyJsonPatch(old, patch) as KubeObject;
          break;
        default:
          throw new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`);
      }
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw badRequest(e instanceof Error ? e.message : String(e));
    }
    const rv = patched.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion && type !== 'apply') {
      throw conflict(info.resource, old.metadata.name!, 'the object has been modified; please apply your changes to the latest version and try again', info.group);
    }
    if (type === 'apply') return this.replaceAdmitted(old, patched, { ...options, fieldManager: options.fieldManager ?? 'kubectl' }, options.subresource, 'Apply');
    return this.replaceAdmitted(old, patched, options, options.subresource);
  }

  async apply(object: KubeObject, options: WriteOptions = {}): Promise<ApplyResult> {
    const info = this.kindInfo(object.kind, object.apiVersion);
    const namespace = info.namespaced ? object.metadata.namespace || 'default' : undefined;
    const name = object.metadata.name ?? '';
    const live = this.store.get(info.kind, namespace, name);
    const fieldManager = options.fieldManager ?? 'kubectl-client-side-apply';
    const plan = clientSideApply(live, object, { namespace });
    if (plan.outcome === 'created') {
      // Straight to createAs (what create() wraps): a new object is the common case, so no extra promise or copies.
      const { object: created, warnings } = this.createAs(plan.object, { ...options, fieldManager }, 'Update');
      return { object: created, warnings, outcome: 'created' };
    }
    if (plan.outcome === 'unchanged' || !plan.patch) return { object: live!, warnings: [], outcome: 'unchanged' };
    const ref: ObjectRef = { apiVersion: object.apiVersion, kind: object.kind, namespace, name };
    const result = await this.patch(ref, 'strategic', plan.patch, { ...options, fieldManager });
    return { ...result, outcome: result.object === live ? 'unchanged' : 'configured' };
  }

  async delete(ref: ObjectRef, options: DeleteOptions = {}): Promise<KubeObject> {
    const { obj, info } = this.getStored(ref);
    if (!obj) throw notFound(info.resource, ref.name, info.group);
    if (options.preconditions?.uid && options.preconditions.uid !== obj.metadata.uid) {
      throw conflict(info.resource, ref.name, `Precondition failed: UID in precondition: ${options.preconditions.uid}, UID in object meta: ${obj.metadata.uid}`, info.group);
    }
    if (options.preconditions?.resourceVersion && options.preconditions.resourceVersion !== obj.metadata.resourceVersion) {
      throw conflict(info.resource, ref.name, `Precondition failed: ResourceVersion in precondition: ${options.preconditions.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`, info.group);
    }
    if (options.dryRun) return obj;
    if (info.kind === 'Namespace') return this.deleteNamespace(obj);
    if (info.kind === 'Pod') return this.deletePod(obj as Pod, options.gracePeriodSeconds);
    return this.store.remove(info.kind, obj.metadata.namespace, obj.metadata.name!)!;
  }

  /** Graceful deletion as the API server does it for Pods: deletionTimestamp now + grace; 0, unscheduled or finished → gone at once. */
  private deletePod(pod: Pod, gracePeriodSeconds: number | undefined): KubeObject {
    const phase = pod.status?.phase;
    let grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    if (!pod.spec.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
    if (grace <= 0) return this.store.remove('Pod', pod.metadata.namespace, pod.metadata.name!)!;
    const current = pod.metadata.deletionGracePeriodSeconds;
    if (pod.metadata.deletionTimestamp && current !== undefined && current <= grace) return pod;
    const deletionTimestamp = isoSeconds(this.clock.wallTime() + grace * 1000);
    return this.store.replace({ ...pod, metadata: { ...pod.metadata, deletionTimestamp, deletionGracePeriodSeconds: grace } });
  }

  private deleteNamespace(ns: KubeObject): KubeObject {
    if (ns.metadata.deletionTimestamp) return ns;
    const name = ns.metadata.name!;
    const terminating = this.store.replace({
      ...ns,
      metadata: { ...ns.metadata, deletionTimestamp: isoSeconds(this.clock.wallTime()), deletionGracePeriodSeconds: 0 },
      status: { phase: 'Terminating' },
    });
    // The namespace controller: everything inside goes (Pods gracefully), then the namespace itself.
    const sweep = () => {
      for (const kind of this.store.kindsStored()) {
        if (kind === 'Namespace') continue;
        for (const obj of this.store.list(kind, name)) {
          if (kind === 'Pod') this.deletePod(obj as Pod, undefined);
          else this.store.remove(kind, name, obj.metadata.name!);
        }
      }
      if (this.store.list('Pod', name).length === 0) {
        const current = this.store.get('Namespace', undefined, name);
        if (current?.metadata.uid === ns.metadata.uid) this.store.remove('Namespace', undefined, name);
        return;
      }
      const id = this.clock.setTimer(() => {
        this.namespaceTimers.delete(id);
        sweep();
      }, 1000);
      this.namespaceTimers.add(id);
    };
    sweep();
    return this.store.get('Namespace', undefined, name) ?? terminating;
  }

  /** pods/eviction: the Pod is marked as a disruption target, then deleted gracefully (PodDisruptionBudgets are not checked). */
  async evict(ref: ObjectRef, options: DeleteOptions = {}): Promise<void> {
    const podRef = { ...ref, kind: 'Pod', apiVersion: 'v1' };
    const pod = (await this.get(podRef)) as Pod;
    if (!pod.metadata.deletionTimestamp && !options.dryRun) {
      const condition = { type: 'DisruptionTarget', status: 'True' as const, lastProbeTime: null, lastTransitionTime: isoSeconds(this.clock.wallTime()), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
      this.store.replace({ ...pod, status: { ...pod.status, conditions: [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition] } });
    }
    await this.delete(podRef, options);
  }

  private podFor(target: ContainerTarget): Pod {
    const pod = this.store.get('Pod', target.namespace, target.pod) as Pod | undefined;
    if (!pod) throw notFound('pods', target.pod);
    const names = [...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...((pod.spec.ephemeralContainers as { name: string }[] | undefined) ?? [])].map((c) => c.name);
    if (!names.includes(target.container)) throw badRequest(`container ${target.container} is not valid for pod ${target.pod}`);
    return pod;
  }

  async logs(target: ContainerTarget, options: LogOptions, sink: LogSink): Promise<Unsubscribe> {
    const pod = this.podFor(target);
    const uid = pod.metadata.uid!;
    if (options.previous) {
      const previous = this.logStore.previous(uid, target.container);
      if (!previous) throw badRequest(`previous terminated container "${target.container}" in pod "${target.pod}" not found`);
      return previous.read({ ...options, follow: false }, sink, this.clock.wallTime());
    }
    const current = this.logStore.current(uid, target.container);
    if (!current) {
      const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
      const reason = statuses.find((s) => s.name === target.container)?.state.waiting?.reason ?? 'ContainerCreating';
      throw badRequest(`container "${target.container}" in pod "${target.pod}" is waiting to start: ${reason}`);
    }
    return current.read(options, sink, this.clock.wallTime());
  }

  async exec(target: ContainerTarget, argv: string[], options: ExecOptions): Promise<ExecSession> {
    const pod = this.podFor(target);
    if (!pod.spec.nodeName) throw badRequest(`pod ${target.pod} does not have a host assigned`);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const proc = this.kubelets.exec(pod, target.container, argv, { tty: options.tty, stdout: options.stdout, stderr: options.stderr });
    if (!proc) throw badRequest(`unable to upgrade connection: container not found ("${target.container}")`);
    if (proc.startError) throw new ApiError('InternalError', `Internal error occurred: ${proc.startError}`);
    return {
      write: (data) => proc.write(data),
      closeStdin: () => proc.closeStdin(),
      resize: (w, h) => proc.resize(w, h),
      kill: () => proc.kill(),
      exited: proc.exited,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const id of this.namespaceTimers) this.clock.clearTimer(id);
    this.scheduler.stop();
    this.nodeLifecycle.stop();
    this.kubelets.stop();
    this.events.stop();
  }

  // ---- internals ----

  /**
   * A managedFields entry per manager and operation, as `kubectl get -o yaml --show-managed-fields` lists
   * them (times and managers; the field sets themselves are not tracked).
   */
  private recordManager(obj: KubeObject, manager: string | undefined, operation: 'Apply' | 'Update', old?: KubeObject, subresource?: string): void {
    const entries = (old ?? obj).metadata.managedFields ?? [];
    if (!manager) {
      if (old) obj.metadata.managedFields = entries.length ? entries : undefined;
      return;
    }
    const time = isoSeconds(this.clock.wallTime());
    const entry = subresource
      ? { manager, operation, apiVersion: obj.apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: {}, subresource }
      : { manager, operation, apiVersion: obj.apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: {} };
    // A first write (every applied Pod) has no other managers to keep.
    if (!entries.length) {
      obj.metadata.managedFields = [entry];
      return;
    }
    const others = entries.filter((e) => !(e.manager === manager && e.operation === operation && e.subresource === subresource));
    obj.metadata.managedFields = [...others, entry];
  }
}

function refOfObject(obj: KubeObject): ObjectRef {
  return { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' };
}

/** Fields that differ between two writes of the same content (managedFields times). */
function withoutVolatile(obj: KubeObject): KubeObject {
  const { managedFields: _m, resourceVersion: _r, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

export function createSimulatedCluster(options: SimulatedClusterOptions): SimulatedCluster {
  return new SimulatedCluster(options);
}
