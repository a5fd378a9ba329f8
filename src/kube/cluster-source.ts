// ClusterSource: what a cluster offers its clients (the manifest reconciler, the kubectl-facing API and the
// dashboard), whether it is simulated in-process or real behind a kubeconfig. Types only: every layer
// imports this file and none imports another layer (see ARCHITECTURE.md).
//
// `kind` arguments are the object's Kind as written in manifests ("Pod", "Deployment"); with `apiVersion`
// given too, a kind that exists in several groups is told apart. Errors are thrown as ApiError (api-error.ts)
// carrying the Status a real API server would send.

import type { KubeObject, ObjectRef } from './types.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  /** The object after the change; for DELETED, its last state. */
  object: KubeObject;
}

export interface ListOptions {
  /** Absent: every namespace (or a cluster-scoped kind). */
  namespace?: string;
  /** `app=web,tier!=db`, `env in (a,b)`, `!x` as kubectl sends them. */
  labelSelector?: string;
  /** `metadata.name=x`, `spec.nodeName=n`, `involvedObject.uid=u`, `a!=b`. */
  fieldSelector?: string;
}

export interface ListResult {
  items: KubeObject[];
  /** The store's resourceVersion when the list was taken: a watch from it misses nothing. */
  resourceVersion: string;
}

export interface WatchOptions extends ListOptions {
  /**
   * Absent or "0": first an ADDED for every current object, then changes.
   * A list's resourceVersion: only the changes after it (throws ApiError Gone/Expired when too old).
   */
  resourceVersion?: string;
}

export type Unsubscribe = () => void;

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  /** kubectl sends `kubectl-client-side-apply`, `kubectl`, `kubectl-edit`, ...; the reconciler `kubesim`. */
  fieldManager?: string;
  /** Unknown fields: Strict rejects (400 BadRequest), Warn reports through `warnings`, Ignore drops. Default Strict. */
  fieldValidation?: FieldValidation;
  dryRun?: boolean;
}

/** A write's result: the object as stored, and the warnings a real server would send in `Warning` headers. */
export interface WriteResult {
  object: KubeObject;
  warnings: string[];
}

export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

export interface ApplyResult extends WriteResult {
  outcome: ApplyOutcome;
}

export type PatchType = 'strategic' | 'merge' | 'json' | 'apply';

export interface PatchOptions extends WriteOptions {
  /** Server-side apply (`apply` patch type) only: take over fields owned by other managers. */
  force?: boolean;
  /** A subresource such as `status`; absent for the object itself. */
  subresource?: string;
}

export interface DeleteOptions {
  /** Absent: the object's own (Pods: spec.terminationGracePeriodSeconds). 0 with force: removed at once. */
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  dryRun?: boolean;
}

export interface LogOptions {
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC 3339 */
  sinceTime?: string;
  timestamps?: boolean;
  previous?: boolean;
  limitBytes?: number;
}

export interface LogLine {
  /** Epoch milliseconds (with sub-millisecond precision where the source has it). */
  time: number;
  stream: 'stdout' | 'stderr';
  /** One line, without its newline. */
  text: string;
}

export interface LogSink {
  line(line: LogLine): void;
  /** The stream is over: the container stopped (follow) or the backlog was sent (no follow). */
  end(): void;
}

export interface ContainerTarget {
  namespace: string;
  pod: string;
  container: string;
}

export interface ExecOptions {
  tty: boolean;
  stdin: boolean;
  /** Output as it is produced. With a tty, stderr is merged into stdout (line endings `\r\n`). */
  stdout(data: string): void;
  stderr(data: string): void;
}

export interface ExecSession {
  /** Bytes typed or piped in. With a tty these are raw keystrokes (`\r` for Enter, `\x04` for Ctrl-D). */
  write(data: string): void;
  /** Stdin reached EOF. */
  closeStdin(): void;
  resize(width: number, height: number): void;
  /** The client went away: end the process. */
  kill(): void;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number>;
}

/** Simulation only: time under the user's control. */
export interface ClockControl {
  speed(): number;
  setSpeed(speed: number): void;
  paused(): boolean;
  pause(): void;
  resume(): void;
  /** Advance simulated time by `ms` while paused (or at once, whatever the speed). */
  step(ms: number): void;
}

/** Simulation only: break and mend nodes. */
export interface NodeFaults {
  /** The node stops: NotReady, then the node lifecycle controller taints it and evicts its Pods. */
  stopNode(name: string): Promise<void>;
  startNode(name: string): Promise<void>;
}

export interface Capabilities {
  clock?: ClockControl;
  nodeFaults?: NodeFaults;
}

/** A kind this source serves, for discovery and for the reconciler's "not simulated yet" flag. */
export interface ServedKind {
  group: string;
  version: string;
  kind: string;
  /** Plural lower-case resource name: `pods`. */
  resource: string;
  namespaced: boolean;
  /** False for kinds that are stored and served but whose controllers do not exist yet. */
  simulated: boolean;
}

export interface ClusterSource {
  /** The cluster's name as shown in the header (`kubesim`, or the kubeconfig context's cluster). */
  readonly name: string;
  readonly capabilities: Capabilities;

  /** The cluster's idea of now (epoch ms), for ages; a simulation's virtual clock in tests. */
  now(): number;

  kinds(): ServedKind[];

  list(kind: string, options?: ListOptions, apiVersion?: string): Promise<ListResult>;
  get(ref: ObjectRef): Promise<KubeObject>;
  watch(kind: string, options: WatchOptions, onEvent: (event: WatchEvent) => void, apiVersion?: string): Unsubscribe;

  create(object: KubeObject, options?: WriteOptions): Promise<WriteResult>;
  /** PUT: replace the object; a stale metadata.resourceVersion gives 409 Conflict. */
  update(object: KubeObject, options?: WriteOptions): Promise<WriteResult>;
  patch(ref: ObjectRef, type: PatchType, patch: unknown, options?: PatchOptions): Promise<WriteResult>;
  /**
   * Declarative apply as `kubectl apply` does it: create when absent, otherwise a three-way merge from the
   * last-applied-configuration annotation (which it records), or no write at all when nothing changed.
   */
  apply(object: KubeObject, options?: WriteOptions): Promise<ApplyResult>;
  /** Returns the object: with deletionTimestamp while it terminates gracefully, or its final state when gone. */
  delete(ref: ObjectRef, options?: DeleteOptions): Promise<KubeObject>;
  /** The `pods/eviction` subresource: a graceful delete that kubectl drain uses. */
  evict(ref: ObjectRef, options?: DeleteOptions): Promise<void>;

  /** Sends the backlog, then (follow) new lines until the container stops. Throws ApiError when there is nothing to read. */
  logs(target: ContainerTarget, options: LogOptions, sink: LogSink): Promise<Unsubscribe>;
  /** Starts `argv` in the container. Throws ApiError (NotFound, BadRequest) before starting when it cannot. */
  exec(target: ContainerTarget, argv: string[], options: ExecOptions): Promise<ExecSession>;

  close(): Promise<void>;
}
