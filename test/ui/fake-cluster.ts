// A small in-memory ClusterSource for the dashboard's tests: objects in maps, watches that replay and
// then stream, logs with a backlog and follow, and an exec that answers like the simulated `sh`.
// Only what the dashboard uses is faithful; the simulator has its own conformance suite.

import type {
  ApplyResult,
  Capabilities,
  ClusterSource,
  ContainerTarget,
  DeleteOptions,
  ExecOptions,
  ExecSession,
  ListResult,
  LogLine,
  LogOptions,
  LogSink,
  PatchType,
  ServedKind,
  WatchEvent,
  WriteResult,
} from '../../src/kube/cluster-source.js';
import type { ContainerStatus, KubeEvent, KubeObject, Node, ObjectRef, Pod } from '../../src/kube/types.js';

type Listener = (e: WatchEvent) => void;

export class FakeCluster implements ClusterSource {
  readonly name = 'kind-kubesim';
  capabilities: Capabilities = {};
  time = Date.UTC(2026, 0, 1, 12, 0, 0);
  readonly objects = new Map<string, KubeObject>();
  private readonly watchers = new Map<string, Set<Listener>>();
  private readonly logLines = new Map<string, LogLine[]>();
  private readonly logSinks = new Map<string, Set<LogSink>>();
  readonly deleted: { ref: ObjectRef; options?: DeleteOptions }[] = [];
  readonly patches: { ref: ObjectRef; patch: unknown }[] = [];
  readonly evicted: ObjectRef[] = [];
  execs = 0;
  private rv = 1;

  now(): number {
    return this.time;
  }

  kinds(): ServedKind[] {
    return [];
  }

  private key(kind: string, namespace: string | undefined, name: string): string {
    return `${kind}/${namespace ?? ''}/${name}`;
  }

  /** Stores (or replaces) an object and tells the watchers. */
  put(obj: KubeObject): void {
    const k = this.key(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
    const type = this.objects.has(k) ? 'MODIFIED' : 'ADDED';
    obj.metadata.resourceVersion = String(++this.rv);
    this.objects.set(k, obj);
    for (const l of this.watchers.get(obj.kind) ?? []) l({ type, object: obj });
  }

  remove(kind: string, namespace: string | undefined, name: string): void {
    const k = this.key(kind, namespace, name);
    const obj = this.objects.get(k);
    if (!obj) return;
    this.objects.delete(k);
    for (const l of this.watchers.get(kind) ?? []) l({ type: 'DELETED', object: obj });
  }

  async list(kind: string): Promise<ListResult> {
    return { items: [...this.objects.values()].filter((o) => o.kind === kind), resourceVersion: String(this.rv) };
  }

  async get(ref: ObjectRef): Promise<KubeObject> {
    const o = this.objects.get(this.key(ref.kind, ref.namespace, ref.name));
    if (!o) throw Object.assign(new Error('not found'), { status: { message: `${ref.kind.toLowerCase()}s "${ref.name}" not found` } });
    return o;
  }

  watch(kind: string, _options: unknown, onEvent: Listener): () => void {
    let set = this.watchers.get(kind);
    if (!set) this.watchers.set(kind, (set = new Set()));
    set.add(onEvent);
    for (const o of [...this.objects.values()]) if (o.kind === kind) onEvent({ type: 'ADDED', object: o });
    return () => set!.delete(onEvent);
  }

  async create(object: KubeObject): Promise<WriteResult> {
    this.put(object);
    return { object, warnings: [] };
  }

  async update(object: KubeObject): Promise<WriteResult> {
    this.put(object);
    return { object, warnings: [] };
  }

  async patch(ref: ObjectRef, _type: PatchType, patch: unknown): Promise<WriteResult> {
    this.patches.push({ ref, patch });
    const obj = await this.get(ref);
    const spec = (patch as { spec?: Record<string, unknown> }).spec;
    if (spec) {
      const next = { ...obj, spec: { ...obj['spec'] } };
      for (const [k, v] of Object.entries(spec)) {
        if (v === null) delete next.spec[k];
        else next.spec[k] = v;
      }
      this.put(next);
    }
    return { object: obj, warnings: [] };
  }

  async apply(object: KubeObject): Promise<ApplyResult> {
    this.put(object);
    return { object, warnings: [], outcome: 'created' };
  }

  async delete(ref: ObjectRef, options?: DeleteOptions): Promise<KubeObject> {
    this.deleted.push({ ref, options });
    const obj = await this.get(ref);
    this.remove(ref.kind, ref.namespace, ref.name);
    return obj;
  }

  async evict(ref: ObjectRef): Promise<void> {
    this.evicted.push(ref);
  }

  /** Appends a log line to a container and to its followers. */
  log(namespace: string, pod: string, container: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    const k = `${namespace}/${pod}/${container}`;
    const line = { time: this.time, stream, text };
    let lines = this.logLines.get(k);
    if (!lines) this.logLines.set(k, (lines = []));
    lines.push(line);
    for (const s of this.logSinks.get(k) ?? []) s.line(line);
  }

  async logs(target: ContainerTarget, options: LogOptions, sink: LogSink): Promise<() => void> {
    const k = `${target.namespace}/${target.pod}/${target.container}`;
    const pod = this.objects.get(this.key('Pod', target.namespace, target.pod)) as Pod | undefined;
    if (!pod) throw Object.assign(new Error('nf'), { status: { message: `pods "${target.pod}" not found` } });
    const status = pod.status?.containerStatuses?.find((c) => c.name === target.container);
    if (!options.previous && status?.state?.waiting && !this.logLines.has(k)) {
      throw Object.assign(new Error('bad'), {
        status: { message: `container "${target.container}" in pod "${target.pod}" is waiting to start: ${status.state.waiting.reason}` },
      });
    }
    if (options.previous) {
      throw Object.assign(new Error('bad'), { status: { message: `previous terminated container "${target.container}" in pod "${target.pod}" not found` } });
    }
    for (const l of this.logLines.get(k) ?? []) sink.line(l);
    if (!options.follow) {
      sink.end();
      return () => {};
    }
    let set = this.logSinks.get(k);
    if (!set) this.logSinks.set(k, (set = new Set()));
    set.add(sink);
    return () => set!.delete(sink);
  }

  followers(namespace: string, pod: string, container: string): number {
    return this.logSinks.get(`${namespace}/${pod}/${container}`)?.size ?? 0;
  }

  async exec(_target: ContainerTarget, _argv: string[], options: ExecOptions): Promise<ExecSession> {
    this.execs++;
    let line = '';
    let done!: (code: number) => void;
    const exited = new Promise<number>((r) => (done = r));
    let closed = false;
    const finish = (code: number) => {
      if (closed) return;
      closed = true;
      done(code);
    };
    queueMicrotask(() => options.stdout('/ # '));
    return {
      write: (data: string) => {
        for (const ch of data) {
          if (ch === '\r') {
            options.stdout('\r\n');
            const cmd = line.trim();
            line = '';
            if (cmd === 'exit') return finish(0);
            if (cmd === 'wget -qO- localhost:8080') options.stdout('Hello Docker!!');
            else if (cmd !== '') options.stdout(`sh: ${cmd.split(' ')[0]}: not found\r\n`);
            options.stdout(cmd === 'wget -qO- localhost:8080' ? '\r\n/ # ' : '/ # ');
          } else if (ch === '\u0004') {
            return finish(0);
          } else if (ch === '\u007f') {
            if (line) {
              line = line.slice(0, -1);
              options.stdout('\b \b');
            }
          } else {
            line += ch;
            options.stdout(ch);
          }
        }
      },
      closeStdin: () => finish(0),
      resize: () => {},
      kill: () => finish(137),
      exited,
    };
  }

  async close(): Promise<void> {}
}

// --- object builders ---

export function makeNode(name: string, opts: { ready?: boolean; controlPlane?: boolean; unschedulable?: boolean } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {},
      creationTimestamp: '2026-01-01T11:00:00Z',
    },
    spec: { unschedulable: opts.unschedulable },
    status: {
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'Unknown' : 'True', reason: 'KubeletReady' }],
    },
  };
}

export interface ContainerSketch {
  name: string;
  image?: string;
  ready?: boolean;
  running?: boolean;
  waiting?: { reason: string; message?: string };
  restarts?: number;
  lastExit?: { exitCode: number; reason?: string; finishedAt?: string };
  cpu?: string;
  memory?: string;
}

export function makePod(
  name: string,
  opts: {
    namespace?: string;
    node?: string;
    phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
    ip?: string;
    created?: string;
    containers?: ContainerSketch[];
    scheduledFalse?: string;
    deleting?: boolean;
  } = {},
): Pod {
  const containers = opts.containers ?? [{ name: 'main', ready: true, running: true }];
  const statuses: ContainerStatus[] = containers.map((c) => ({
    name: c.name,
    ready: c.ready ?? false,
    restartCount: c.restarts ?? 0,
    image: c.image ?? 'nginx',
    imageID: '',
    state: c.running ? { running: { startedAt: '2026-01-01T11:59:00Z' } } : { waiting: c.waiting ?? { reason: 'ContainerCreating' } },
    lastState: c.lastExit ? { terminated: { exitCode: c.lastExit.exitCode, reason: c.lastExit.reason, finishedAt: c.lastExit.finishedAt } } : {},
  }));
  const phase = opts.phase ?? 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', creationTimestamp: opts.created ?? '2026-01-01T11:59:00Z', uid: `uid-${name}`, ...(opts.deleting ? { deletionTimestamp: '2026-01-01T12:00:30Z', deletionGracePeriodSeconds: 30 } : {}) },
    spec: {
      nodeName: opts.node,
      containers: containers.map((c) => ({
        name: c.name,
        image: c.image ?? 'nginx',
        resources: c.cpu || c.memory ? { requests: { ...(c.cpu ? { cpu: c.cpu } : {}), ...(c.memory ? { memory: c.memory } : {}) } } : undefined,
      })),
    },
    status: {
      phase,
      podIP: opts.ip,
      podIPs: opts.ip ? [{ ip: opts.ip }] : undefined,
      conditions: opts.scheduledFalse
        ? [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: opts.scheduledFalse }]
        : [{ type: 'PodScheduled', status: 'True' }],
      containerStatuses: opts.scheduledFalse ? undefined : statuses,
    },
  };
}

export function makeEvent(name: string, involved: { kind: string; namespace?: string; name: string }, reason: string, message: string, type: 'Normal' | 'Warning' = 'Warning'): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: involved.namespace ?? 'default', creationTimestamp: '2026-01-01T11:59:30Z' },
    involvedObject: involved,
    reason,
    message,
    type,
    lastTimestamp: '2026-01-01T11:59:30Z',
    count: 1,
  };
}

/** The book's Pod, 2/2 Running on kubesim-worker. */
export function simpleEcho(): Pod {
  return makePod('simple-echo', {
    node: 'kubesim-worker',
    ip: '10.244.1.2',
    containers: [
      { name: 'nginx', image: 'gihyodocker/nginx-proxy:latest', ready: true, running: true },
      { name: 'echo', image: 'gihyodocker/echo:latest', ready: true, running: true },
    ],
  });
}

/** A cluster like kind's: a control plane, two workers, the book's Pod. */
export function smallCluster(): FakeCluster {
  const c = new FakeCluster();
  c.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  c.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } });
  c.put(makeNode('kubesim-control-plane', { controlPlane: true }));
  c.put(makeNode('kubesim-worker'));
  c.put(makeNode('kubesim-worker2'));
  c.put(simpleEcho());
  c.put(makePod('etcd-kubesim-control-plane', { namespace: 'kube-system', node: 'kubesim-control-plane', ip: '172.18.0.2' }));
  return c;
}
