// Container probes as the kubelet's prober runs them: startup, readiness and liveness workers per container,
// each on its own period with initialDelaySeconds, successThreshold and failureThreshold. exec probes run
// through the runtime, httpGet goes over the Pod network from the node's IP, tcpSocket is a connect.

import type { Probe } from '../kube/types.js';
import type { Clock, TimerId } from './clock.js';
import { ConnectionRefused } from './runtime/types.js';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

export interface ProbeResult {
  ok: boolean;
  /** What the Unhealthy event says after `<Kind> probe failed: `. */
  message: string;
}

/** What a probe needs from the container it checks. */
export interface ProbeTarget {
  podIP: string;
  /** The container's named ports, for `port: http`. */
  namedPort(name: string): number | undefined;
  httpGet(host: string, port: number, path: string, headers: Record<string, string>): { status: number } | Error;
  connect(host: string, port: number): boolean;
  exec(argv: string[], timeoutMs: number, done: (code: number, output: string) => void): void;
}

export interface ProbeCallbacks {
  /** A result changed the probe's state (after thresholds): true = success. */
  onState(kind: ProbeKind, success: boolean): void;
  /** Every failed attempt (the Unhealthy event). */
  onFailure(kind: ProbeKind, message: string): void;
}

function resolvePort(port: number | string, target: ProbeTarget): number | undefined {
  return typeof port === 'number' ? port : /^\d+$/.test(port) ? Number(port) : target.namedPort(port);
}

function runProbe(probe: Probe, target: ProbeTarget, done: (r: ProbeResult) => void): void {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    target.exec(probe.exec.command ?? [], timeoutMs, (code, output) => {
      if (code === 0) done({ ok: true, message: '' });
      else if (code === -1) done({ ok: false, message: `command ${JSON.stringify(probe.exec!.command)} timed out` });
      else done({ ok: false, message: output.trimEnd() });
    });
    return;
  }
  if (probe.httpGet) {
    const host = probe.httpGet.host || target.podIP;
    const port = resolvePort(probe.httpGet.port, target);
    const path = probe.httpGet.path ?? '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${host}:${port ?? probe.httpGet.port}${path}`;
    if (port === undefined) return done({ ok: false, message: `Get "${url}": dial tcp: lookup port ${probe.httpGet.port}: unknown port` });
    const result = target.httpGet(host, port, path, { 'User-Agent': 'kube-probe/1.32', Accept: '*/*' });
    if (result instanceof Error) {
      const reason = result instanceof ConnectionRefused ? 'connect: connection refused' : result.message;
      return done({ ok: false, message: `Get "${url}": dial tcp ${host}:${port}: ${reason}` });
    }
    if (result.status >= 200 && result.status < 400) return done({ ok: true, message: '' });
    return done({ ok: false, message: `HTTP probe failed with statuscode: ${result.status}` });
  }
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host || target.podIP;
    const port = resolvePort(probe.tcpSocket.port, target);
    if (port !== undefined && target.connect(host, port)) return done({ ok: true, message: '' });
    return done({ ok: false, message: `dial tcp ${host}:${port ?? probe.tcpSocket.port}: connect: connection refused` });
  }
  // grpc and anything unknown: treated as passing (no gRPC servers in the simulation yet).
  done({ ok: true, message: '' });
}

/** One probe worker: runs every periodSeconds after initialDelaySeconds until stopped. */
class ProbeWorker {
  private timer: TimerId | undefined;
  private successes = 0;
  private failures = 0;
  private state: boolean | undefined;
  private stopped = false;

  constructor(
    private readonly kind: ProbeKind,
    private readonly probe: Probe,
    private readonly target: ProbeTarget,
    private readonly clock: Clock,
    private readonly callbacks: ProbeCallbacks,
  ) {
    this.timer = clock.setTimer(() => this.tick(), (probe.initialDelaySeconds ?? 0) * 1000);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
  }

  private tick(): void {
    this.timer = undefined;
    if (this.stopped) return;
    runProbe(this.probe, this.target, (result) => {
      if (this.stopped) return;
      this.record(result);
      if (!this.stopped) this.timer = this.clock.setTimer(() => this.tick(), (this.probe.periodSeconds ?? 10) * 1000);
    });
  }

  private record(result: ProbeResult): void {
    if (result.ok) {
      this.failures = 0;
      this.successes++;
      // Liveness and startup need exactly one success; readiness honours successThreshold.
      const needed = this.kind === 'readiness' ? (this.probe.successThreshold ?? 1) : 1;
      if (this.successes >= needed && this.state !== true) {
        this.state = true;
        this.callbacks.onState(this.kind, true);
      }
      return;
    }
    this.successes = 0;
    this.failures++;
    this.callbacks.onFailure(this.kind, result.message);
    if (this.failures >= (this.probe.failureThreshold ?? 3) && this.state !== false) {
      this.state = false;
      this.callbacks.onState(this.kind, false);
      // A liveness/startup failure restarts the container; the worker starts over with the new one.
      if (this.kind !== 'readiness') this.failures = 0;
    }
  }
}

/** The probes of one running container. */
export class ContainerProbes {
  private readonly workers = new Map<ProbeKind, ProbeWorker>();

  constructor(
    private readonly probes: { startup?: Probe; readiness?: Probe; liveness?: Probe },
    private readonly target: ProbeTarget,
    private readonly clock: Clock,
    private readonly callbacks: ProbeCallbacks,
  ) {
    if (probes.startup) this.add('startup');
    else this.startOthers();
  }

  private add(kind: ProbeKind): void {
    const probe = this.probes[kind];
    if (!probe) return;
    this.workers.set(kind, new ProbeWorker(kind, probe, this.target, this.clock, {
      onState: (k, success) => {
        if (k === 'startup' && success) {
          // The startup probe has done its job: the others take over.
          this.workers.get('startup')?.stop();
          this.workers.delete('startup');
          this.startOthers();
        }
        this.callbacks.onState(k, success);
      },
      onFailure: (k, message) => this.callbacks.onFailure(k, message),
    }));
  }

  private startOthers(): void {
    this.add('readiness');
    this.add('liveness');
  }

  stop(): void {
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
  }
}
