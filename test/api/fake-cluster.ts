// A small in-memory ClusterSource for the API server's own tests: enough store, watch, logs and exec to
// exercise every wire path without the simulator.
import { ApiError, alreadyExists, notFound, badRequest } from '../../src/kube/api-error.js';
import type {
  ApplyResult,
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
} from '../../src/kube/cluster-source.js';
import type { KubeObject, ObjectRef } from '../../src/kube/types.js';

const KINDS: ServedKind[] = [
  { group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespaced: true, simulated: true },
  { group: '', version: 'v1', kind: 'Node', resource: 'nodes', namespaced: false, simulated: true },
  { group: '', version: 'v1', kind: 'Namespace', resource: 'namespaces', namespaced: false, simulated: true },
  { group: '', version: 'v1', kind: 'Event', resource: 'events', namespaced: true, simulated: true },
  { group: '', version: 'v1', kind: 'ConfigMap', resource: 'configmaps', namespaced: true, simulated: true },
  { group: '', version: 'v1', kind: 'Secret', resource: 'secrets', namespaced: true, simulated: true },
  { group: '', version: 'v1', kind: 'ServiceAccount', resource: 'serviceaccounts', namespaced: true, simulated: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', namespaced: true, simulated: false },
];

const resourceOf = (kind: string) => KINDS.find((k) => k.kind === kind)?.resource ?? kind.toLowerCase() + 's';
const clone = <T>(x: T): T => structuredClone(x);

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function matches(obj: KubeObject, options: ListOptions): boolean {
  if (options.namespace !== undefined && obj.metadata.namespace !== options.namespace) return false;
  for (const term of (options.fieldSelector ?? '').split(',').filter(Boolean)) {
    const [path, value] = term.split('=');
    const actual = path!.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
    if (String(actual ?? '') !== value) return false;
  }
  for (const term of (options.labelSelector ?? '').split(',').filter(Boolean)) {
    const [key, value] = term.split('=');
    if (obj.metadata.labels?.[key!] !== value) return false;
  }
  return true;
}

export interface FakeExec {
  argv: string[];
  options: ExecOptions;
  input: string[];
  stdinClosed: boolean;
  resizes: [number, number][];
  finish(code: number): void;
}

export class FakeCluster implements ClusterSource {
  readonly name = 'fake';
  readonly capabilities = {};
  private rv = 100;
  private readonly objects = new Map<string, KubeObject>();
  private readonly watchers = new Set<{ kind: string; options: WatchOptions; onEvent: (e: WatchEvent) => void }>();
  readonly logLines = new Map<string, { time: number; text: string }[]>();
  readonly logSinks = new Set<LogSink>();
  readonly execs: FakeExec[] = [];
  lastWriteOptions: WriteOptions | undefined;
  lastDeleteOptions: DeleteOptions | undefined;
  lastPatch: { type: PatchType; patch: unknown } | undefined;
  evicted: string[] = [];
  /** Warnings every write reports, to test the Warning header. */
  warnings: string[] = [];

  now(): number {
    return Date.UTC(2026, 0, 1, 12, 0, 30);
  }

  kinds(): ServedKind[] {
    return KINDS;
  }

  private key(ref: ObjectRef): string {
    return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
  }

  private notify(type: WatchEvent['type'], obj: KubeObject): void {
    for (const w of this.watchers) {
      if (w.kind === obj.kind && matches(obj, w.options)) w.onEvent({ type, object: clone(obj) });
    }
  }

  private store(obj: KubeObject): KubeObject {
    obj.metadata.resourceVersion = String(++this.rv);
    this.objects.set(this.key({ kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' }), obj);
    return obj;
  }

  /** Puts an object in the store as a controller would (no API checks). */
  seed(obj: KubeObject): KubeObject {
    const copy = clone(obj);
    copy.metadata.uid ??= `uid-${copy.metadata.name}`;
    copy.metadata.creationTimestamp ??= '2026-01-01T12:00:00Z';
    const existed = this.objects.has(this.key({ kind: copy.kind, namespace: copy.metadata.namespace, name: copy.metadata.name ?? '' }));
    this.store(copy);
    this.notify(existed ? 'MODIFIED' : 'ADDED', copy);
    return copy;
  }

  remove(ref: ObjectRef): void {
    const obj = this.objects.get(this.key(ref));
    if (!obj) return;
    this.objects.delete(this.key(ref));
    obj.metadata.resourceVersion = String(++this.rv);
    this.notify('DELETED', obj);
  }

  async list(kind: string, options: ListOptions = {}): Promise<ListResult> {
    const items = [...this.objects.values()].filter((o) => o.kind === kind && matches(o, options)).map(clone);
    return { items, resourceVersion: String(this.rv) };
  }

  async get(ref: ObjectRef): Promise<KubeObject> {
    const obj = this.objects.get(this.key(ref));
    if (!obj) throw notFound(resourceOf(ref.kind), ref.name);
    return clone(obj);
  }

  watch(kind: string, options: WatchOptions, onEvent: (e: WatchEvent) => void): Unsubscribe {
    if (options.resourceVersion === '1') throw new ApiError('Expired', 'too old resource version: 1 (100)');
    const w = { kind, options, onEvent };
    if (!options.resourceVersion || options.resourceVersion === '0') {
      for (const o of this.objects.values()) if (o.kind === kind && matches(o, options)) onEvent({ type: 'ADDED', object: clone(o) });
    }
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  async create(object: KubeObject, options?: WriteOptions): Promise<WriteResult> {
    this.lastWriteOptions = options;
    const ref = { kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '' };
    if (this.objects.has(this.key(ref))) throw alreadyExists(resourceOf(object.kind), ref.name);
    if (options?.fieldValidation === 'Strict' && 'bogus' in object) {
      throw badRequest(`${object.kind} in version "v1" cannot be handled as a ${object.kind}: strict decoding error: unknown field "bogus"`);
    }
    const copy = clone(object);
    copy.metadata.uid = `uid-${ref.name}`;
    copy.metadata.creationTimestamp = '2026-01-01T12:00:00Z';
    if (!options?.dryRun) {
      this.store(copy);
      this.notify('ADDED', copy);
    }
    return { object: clone(copy), warnings: this.warnings };
  }

  async update(object: KubeObject, options?: WriteOptions): Promise<WriteResult> {
    this.lastWriteOptions = options;
    await this.get({ kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '' });
    const copy = this.store(clone(object));
    this.notify('MODIFIED', copy);
    return { object: clone(copy), warnings: this.warnings };
  }

  async patch(ref: ObjectRef, type: PatchType, patch: unknown, options?: PatchOptions): Promise<WriteResult> {
    this.lastWriteOptions = options;
    this.lastPatch = { type, patch };
    const current = await this.get(ref);
    const next = type === 'json' ? current : (mergePatch(current, patch) as KubeObject);
    const copy = this.store(next);
    this.notify('MODIFIED', copy);
    return { object: clone(copy), warnings: this.warnings };
  }

  async apply(object: KubeObject): Promise<ApplyResult> {
    const result = await this.create(object);
    return { ...result, outcome: 'created' };
  }

  async delete(ref: ObjectRef, options?: DeleteOptions): Promise<KubeObject> {
    this.lastDeleteOptions = options;
    const obj = await this.get(ref);
    this.remove(ref);
    return obj;
  }

  async evict(ref: ObjectRef): Promise<void> {
    await this.delete(ref);
    this.evicted.push(ref.name);
  }

  async logs(target: ContainerTarget, options: LogOptions, sink: LogSink): Promise<Unsubscribe> {
    const pod = await this.get({ kind: 'Pod', namespace: target.namespace, name: target.pod });
    if (!pod['spec'].containers.some((c: { name: string }) => c.name === target.container)) {
      throw badRequest(`container ${target.container} is not valid for pod ${target.pod}`);
    }
    if (options.previous) throw badRequest(`previous terminated container "${target.container}" in pod "${target.pod}" not found`);
    let lines = this.logLines.get(`${target.pod}/${target.container}`) ?? [];
    if (options.tailLines !== undefined) lines = options.tailLines === 0 ? [] : lines.slice(-options.tailLines);
    for (const l of lines) sink.line({ time: l.time, stream: 'stdout', text: l.text });
    if (!options.follow) {
      sink.end();
      return () => {};
    }
    this.logSinks.add(sink);
    return () => this.logSinks.delete(sink);
  }

  /** A new log line for every following client. */
  emitLog(text: string): void {
    for (const s of this.logSinks) s.line({ time: this.now(), stream: 'stdout', text });
  }

  endLogs(): void {
    for (const s of this.logSinks) s.end();
    this.logSinks.clear();
  }

  async exec(target: ContainerTarget, argv: string[], options: ExecOptions): Promise<ExecSession> {
    await this.get({ kind: 'Pod', namespace: target.namespace, name: target.pod });
    let finish: (code: number) => void = () => {};
    const exited = new Promise<number>((resolve) => (finish = resolve));
    const record: FakeExec = { argv, options, input: [], stdinClosed: false, resizes: [], finish };
    this.execs.push(record);
    // `sh -c 'exit N'` ends at once with N; `echo X` prints X; anything else echoes stdin until it closes.
    const exitMatch = argv[0] === 'sh' && argv[1] === '-c' ? /^exit (\d+)$/.exec(argv[2] ?? '') : null;
    if (exitMatch) setImmediate(() => finish(Number(exitMatch[1])));
    if (argv[0] === 'echo') {
      options.stdout(argv.slice(1).join(' ') + '\n');
      setImmediate(() => finish(0));
    }
    return {
      write: (data) => {
        record.input.push(data);
        options.stdout(data.toUpperCase());
        options.stderr('err:' + data);
      },
      closeStdin: () => {
        record.stdinClosed = true;
        if (!exitMatch && argv[0] !== 'echo') setImmediate(() => finish(3));
      },
      resize: (w, h) => record.resizes.push([w, h]),
      kill: () => finish(137),
      exited,
    };
  }

  async close(): Promise<void> {}
}

export function pod(name: string, extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { nodeName: 'node-1', containers: [{ name: 'main', image: 'nginx' }, { name: 'side', image: 'busybox' }] },
    status: { phase: 'Running' },
    ...extra,
  };
}
