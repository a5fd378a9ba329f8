// The container runtime's contract with the kubelet: images are pulled, containers started as processes that
// behave like the images they name, and exec'd into. The kubelet (src/sim/kubelet) decides *when*; the runtime
// (src/sim/runtime) decides *what a container does*. Types only.

import type { Clock } from '../clock.js';

/** What pulling an image gives: how long it takes, and whether it works. */
export type PullResult =
  | { ok: true; durationMs: number; imageID: string; sizeBytes: number }
  | {
      ok: false;
      durationMs: number;
      /** `ErrImagePull` (then ImagePullBackOff), or `InvalidImageName` (no pull is tried at all). */
      reason: 'ErrImagePull' | 'InvalidImageName';
      /** The kubelet's message, as `kubectl describe` shows it in the Failed event. */
      message: string;
    };

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The caller's IP (a Pod IP, or the node's for kubelet probes). */
  remoteAddress: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type HttpHandler = (request: HttpRequest) => HttpResponse;

/** Thrown by PodNetwork.request when nothing listens; `message` is what wget/curl print. */
export class ConnectionRefused extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`connect to ${host}:${port} failed: Connection refused`);
  }
}

/** One Pod's network namespace: its IP, its ports, and a way out to the rest of the cluster. Synchronous. */
export interface PodNetwork {
  readonly podIP: string;
  /** Binds `port` on the Pod's IP; false when the port is taken. */
  listen(port: number, handler: HttpHandler): boolean;
  /** Frees `port` if `handler` still holds it. */
  unlisten(port: number, handler: HttpHandler): void;
  /** True when something in this Pod listens on `port`. */
  isListening(port: number): boolean;
  /** An HTTP request to `host:port`: `localhost`/`127.0.0.1` is this Pod, a Pod IP (or Pod hostname) another. */
  request(host: string, port: number, request: Omit<HttpRequest, 'remoteAddress'>): HttpResponse;
  /** A TCP connect (tcpSocket probes, `nc -z`): true when something listens. */
  connect(host: string, port: number): boolean;
  /** Optional: the IP `host` resolves to from this Pod (cluster DNS: Services, Pod hostnames), or undefined. `nslookup` uses it. */
  resolve?(host: string): string | undefined;
}

/** Everything a container process can see of its world. */
export interface ContainerContext {
  namespace: string;
  podName: string;
  containerName: string;
  nodeName: string;
  /** The Pod's hostname (its name, or spec.hostname). */
  hostname: string;
  image: string;
  /** Resolved env, in order ($(VAR) already expanded by the kubelet). */
  env: { name: string; value: string }[];
  /** Optional: the container's `workingDir` (the runtime creates it if the image lacks it); else the image's. */
  workingDir?: string;
  /** Files the kubelet provides: mounted volumes, /etc/hosts, /etc/resolv.conf, /etc/hostname. Absolute paths. */
  files: Map<string, string>;
  /**
   * Optional: where volumes are mounted. A mount's directory exists even when the volume is empty; writes
   * below a `readOnly` one fail with `Read-only file system` (configMap, secret, downwardAPI, projected);
   * with `shared`, files below it live in that Map (keys relative to the mount point, a trailing `/` marks a
   * directory), so containers handed the same Map (one emptyDir) see each other's writes. Without `mounts`,
   * `files` alone describes what is mounted and writes stay private to the container.
   */
  mounts?: { path: string; readOnly?: boolean; shared?: Map<string, string> }[];
  /**
   * Optional: the container's `stdin` and `tty`. With stdin the main process's standard input stays open
   * with nobody writing (a shell waits at it instead of reading EOF and exiting); with tty as well it is a
   * terminal (a shell prompts). Unset: stdin is /dev/null.
   */
  stdin?: boolean;
  tty?: boolean;
  network: PodNetwork;
  clock: Clock;
  /** Seeded randomness for reproducible jitter. */
  random(): number;
}

export interface ProcessOutput {
  /** Text as written (may hold several lines or a partial one); the kubelet splits it into log lines. */
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface ProcessExit {
  code: number;
  /** Set when a signal ended it (then code is 128 + signal). */
  signal?: number;
  /** Only for failures to start: `StartError` with the runtime's message (`exec: "x": executable file not found in $PATH`). */
  reason?: string;
  message?: string;
}

/** A container's main process. */
export interface ContainerProcess {
  /** Resolves with the exit (made when first read). */
  readonly exited: Promise<ProcessExit>;
  /** Its owner (the kubelet) hears of the exit once, in a microtask after it: no promise per container. */
  onExit(listener: (exit: ProcessExit) => void): void;
  /** TERM asks it to stop (an image decides how fast); KILL ends it at once with 137. */
  signal(signal: 'TERM' | 'KILL'): void;
}

export interface ExecIO extends ProcessOutput {
  tty: boolean;
}

/** A process started by exec (kubectl exec, exec probes): same interpreter, with stdin. */
export interface ExecProcess {
  readonly exited: Promise<number>;
  /**
   * Set when argv[0] could not be started (no such executable in the image, or the container is not
   * running); nothing runs and `exited` resolves 126. The API answers kubectl with InternalError and this
   * message (kubectl prints `error: Internal error occurred: <startError>`); an exec probe just fails.
   */
  readonly startError?: string;
  write(data: string): void;
  closeStdin(): void;
  resize(width: number, height: number): void;
  kill(): void;
}

export interface ContainerRuntime {
  /** How pulling `image` onto `nodeName` goes. Pure: the kubelet schedules the wait and records the cache. */
  pull(image: string, nodeName: string): PullResult;
  /** Starts the container's main process from its image's entrypoint, or from `command`/`args`. */
  start(context: ContainerContext, command: string[] | undefined, args: string[] | undefined, output: ProcessOutput): ContainerProcess;
  /** Runs `argv` inside a running container (shares its files, env and network). */
  exec(context: ContainerContext, argv: string[], io: ExecIO): ExecProcess;
}
