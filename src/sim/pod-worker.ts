// One Pod on one node, as the kubelet's pod worker runs it: sandbox and IP, init containers in order (sidecars
// stay running), then the app containers one after another (each: image, config, create, start), probes,
// exits and restarts with CrashLoopBackOff, image-pull back-off, in-place restarts when an image changes,
// and graceful termination. Runtime state (processes, timers) lives here, never on the stored object.

import type { Container, ContainerState, Pod } from '../kube/types.js';
import { remember } from './kube-deps.js';
import type { Clock, TimerId } from './clock.js';
import { Backoff } from './backoff.js';
import { ContainerConfigError, expandCommand, resolveContainerEnv, type ConfigLookup, type NodeResources } from './container-env.js';
import type { EventRecorder, EventSource } from './events.js';
import type { ContainerLog, LogStore } from './logs.js';
import type { ClusterNetwork, SimPodNetwork } from './network.js';
import { computePodStatus, normalizeImage, STAGE_MS, type ContainerRecord } from './pod-lifecycle.js';
import { podQOSClass } from './kube-deps.js';
import { ContainerProbes, type ProbeKind, type ProbeTarget } from './probes.js';
import type { SeededRandom } from './random.js';
import type { ContainerContext, ContainerProcess, ContainerRuntime, ExecIO, ExecProcess, ProcessExit } from './runtime/types.js';
import { isoSeconds, sameJson, type ObjectStore } from './store.js';
import { containerFiles, containerMounts, checkVolumes, VolumeMountError } from './volumes.js';
import type { ImageOutcome, NodeImages } from './node-images.js';

/** What a pod worker needs from its node's kubelet. */
export interface KubeletContext {
  nodeName: string;
  nodeIP: string;
  podCIDR: string;
  store: ObjectStore;
  clock: Clock;
  events: EventRecorder;
  logs: LogStore;
  network: ClusterNetwork;
  runtime: ContainerRuntime;
  random: SeededRandom;
  lookup: ConfigLookup;
  nodeResources: NodeResources;
  images: NodeImages;
  /** The worker is finished with its Pod (removed from the store or torn down). */
  forget(uid: string): void;
  /** False while the node is stopped: the kubelet writes nothing. */
  online(): boolean;
  /** The seeded generator as the runtime's `random()` (one function shared by every container). */
  nextRandom: () => number;
  /** `kubelet` on this node, as the node's events name their source. */
  eventSource: EventSource;
}

interface Slot extends ContainerRecord {
  /** Bumped on every start attempt so stale callbacks can tell they are stale. */
  attempt: number;
  /** A start is in progress (pull, create, start). */
  busy: boolean;
  process?: ContainerProcess;
  log?: ContainerLog;
  context?: ContainerContext;
  probes?: ContainerProbes;
  startedAtMs?: number;
  readinessOk: boolean;
  /** Waiting for a retry timer (back-off or config). */
  retryTimer?: TimerId;
  /** Waiting for a missing ConfigMap/Secret to appear. */
  configBlocked: boolean;
  /** Killed on purpose (liveness, image change): restart without back-off accounting for the exit. */
  killedForRestart: boolean;
  /** `spec.containers{name}`, as its events' involvedObject.fieldPath (made on first use). */
  fieldPath?: string;
}

export class PodWorker {
  private pod: Pod;
  private readonly uid: string;
  private readonly slots: Slot[];
  /**
   * Pending timers of a second or more (back-offs, retries, grace periods, the deadline), cleared at teardown
   * so a deleted Pod's worker is not kept for minutes. Shorter ones (the steps of a start) are left to fire
   * and find the worker finished. Made on first use: most Pods never set one.
   */
  private timers: TimerId[] | undefined;
  private sandboxReady = false;
  private podIP: string | undefined;
  private net: SimPodNetwork | undefined;
  private startTime: string;
  private terminating = false;
  /** Set when the kubelet fails the Pod as a whole (activeDeadlineSeconds): nothing restarts any more. */
  private failure: { reason: string; message: string } | undefined;
  private finished = false;
  private killTimer: TimerId | undefined;
  /** emptyDir volumes: one file map per volume, shared by the Pod's containers. */
  private emptyDirs: Map<string, Map<string, string>> | undefined;
  /** Created on first use: most Pods never crash or fail a pull. */
  private crashBackoffs: Backoff | undefined;
  private pullBackoffs: Backoff | undefined;
  private readonly qos: string;
  private readonly hostNetwork: boolean;

  constructor(
    pod: Pod,
    private readonly k: KubeletContext,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid!;
    this.hostNetwork = pod.spec.hostNetwork === true;
    // Admission wrote it; the API server keeps status.qosClass as it was.
    this.qos = pod.status?.qosClass ?? podQOSClass(pod);
    this.startTime = isoSeconds(k.clock.wallTime());
    const slot = (spec: Container, init: boolean): Slot => ({
      name: spec.name,
      spec,
      init,
      sidecar: init && spec.restartPolicy === 'Always',
      // Regular init containers wait without progress (STATUS Init:0/N); app containers behind them PodInitializing.
      state: init || pod.spec.initContainers?.length ? WAITING_PODINITIALIZING : WAITING_CONTAINERCREATING,
      lastState: NO_STATE,
      ready: false,
      started: false,
      restartCount: 0,
      image: normalizeImage(spec.image ?? ''),
      imageID: '',
      attempt: 0,
      busy: false,
      readinessOk: false,
      configBlocked: false,
      killedForRestart: false,
      fieldPath: undefined,
      // Declared now, set later: the slot keeps one shape (no property store grown on the side).
      containerID: undefined,
      process: undefined,
      log: undefined,
      context: undefined,
      probes: undefined,
      startedAtMs: undefined,
      retryTimer: undefined,
    });
    // Exactly sized (a list built by spreading keeps spare room for the worker's life).
    const inits = pod.spec.initContainers ?? [];
    const slots = new Array<Slot>(inits.length + pod.spec.containers.length);
    inits.forEach((c, i) => (slots[i] = slot(c, true)));
    pod.spec.containers.forEach((c, i) => (slots[inits.length + i] = slot(c, false)));
    this.slots = slots;
    this.publish();
    this.after(STAGE_MS.sandbox, () => this.createSandbox());
    const deadline = pod.spec.activeDeadlineSeconds;
    if (typeof deadline === 'number' && deadline > 0) this.after(deadline * 1000, () => this.deadlineExceeded());
  }

  get namespace(): string {
    return this.pod.metadata.namespace ?? '';
  }

  isFinished(): boolean {
    return this.finished;
  }

  // ---- the world tells us things ----

  /** The stored Pod changed (our own status writes included). */
  update(pod: Pod): void {
    if (this.finished || pod.metadata.uid !== this.uid) return;
    const old = this.pod;
    this.pod = pod;
    if (pod.metadata.deletionTimestamp && !this.terminating) {
      this.terminate();
      return;
    }
    if (old.spec === pod.spec || this.terminating) return;
    // An image-only update restarts that container in place.
    const specs = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
    for (const s of this.slots) {
      const spec = specs.find((c) => c.name === s.name);
      if (!spec || spec.image === s.spec.image) {
        if (spec) s.spec = spec;
        continue;
      }
      s.spec = spec;
      s.image = normalizeImage(spec.image ?? '');
      this.restartForNewImage(s);
    }
  }

  /** The node is back: report what happened meanwhile, and finish a deletion that had to wait. */
  resume(): void {
    if (this.finished) return;
    this.publish();
    this.maybeFinish();
  }

  /** The Pod was removed from the store (force delete, or our own final delete). */
  removed(): void {
    this.teardown();
  }

  /** A ConfigMap or Secret changed in the Pod's namespace: containers blocked on config try again. */
  configChanged(): void {
    if (this.terminating || this.finished) return;
    let retried = false;
    for (const s of this.slots) {
      if (!s.configBlocked) continue;
      s.configBlocked = false;
      if (s.retryTimer !== undefined) this.cancel(s.retryTimer);
      s.retryTimer = undefined;
      retried = true;
    }
    if (retried) this.sync();
  }

  // ---- kubectl exec and logs ----

  /** The running container's process context, or why there is none. */
  execIn(container: string, argv: string[], io: ExecIO): ExecProcess | undefined {
    const s = this.slots.find((x) => x.name === container);
    if (!s?.process || !s.context || !s.state.running) return undefined;
    return this.k.runtime.exec(s.context, argv, io);
  }

  containerRunning(container: string): boolean {
    return !!this.slots.find((x) => x.name === container)?.state.running;
  }

  // ---- the pod's steps ----

  private createSandbox(): void {
    if (this.terminating) return;
    try {
      checkVolumes(this.pod, this.k.lookup);
    } catch (e) {
      if (!(e instanceof VolumeMountError)) throw e;
      this.event('Warning', 'FailedMount', e.message);
      this.after(STAGE_MS.mountRetry * 2, () => this.createSandbox());
      return;
    }
    if (this.hostNetwork) this.podIP = this.k.nodeIP;
    else {
      this.podIP = this.k.network.allocateIP(this.k.nodeName, this.k.podCIDR);
      if (!this.podIP) {
        this.event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: failed to allocate for range 0: no IP addresses available in range set: ${this.k.podCIDR}`);
        this.after(10_000, () => this.createSandbox());
        return;
      }
    }
    const hostname = this.pod.spec.hostname ?? this.pod.metadata.name ?? '';
    this.net = this.k.network.attach(this.podIP, [hostname, `${this.pod.metadata.name}.${this.pod.metadata.namespace}`], this.hostNetwork);
    this.sandboxReady = true;
    // No status write here: a real kubelet writes the status it computed before the sync that creates the
    // sandbox and starts the containers, so the IP and PodReadyToStartContainers=True appear with the next
    // change a sync reports (a container started, a pull failed), not on their own (kubernetes#88169).
    this.sync();
  }

  /** Starts whatever should start next: one container at a time, as SyncPod does. */
  private sync(): void {
    if (!this.sandboxReady || this.terminating || this.finished) return;
    if (this.slots.some((s) => s.busy)) return;
    for (const s of this.slots) {
      if (!s.init) continue;
      if (s.sidecar ? s.started : s.state.terminated?.exitCode === 0) continue;
      if (this.idle(s)) this.startContainer(s);
      return; // the next init container waits for this one
    }
    for (const s of this.slots) {
      if (s.init || !this.idle(s)) continue;
      this.startContainer(s);
      return;
    }
  }

  /** Not running, not being started, not waiting on a timer, and allowed to (re)start. */
  private idle(s: Slot): boolean {
    if (s.busy || s.process || s.retryTimer !== undefined || s.configBlocked) return false;
    if (s.state.waiting?.reason === 'InvalidImageName') return false;
    if (s.state.terminated) return this.shouldRestart(s);
    return true;
  }

  private shouldRestart(s: Slot): boolean {
    if (this.failure) return false;
    if (s.killedForRestart) return true;
    if (s.sidecar) return true;
    const policy = this.pod.spec.restartPolicy ?? 'Always';
    const code = s.state.terminated?.exitCode ?? 0;
    if (s.init) return policy !== 'Never' && code !== 0;
    return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
  }

  private startContainer(s: Slot): void {
    s.busy = true;
    const attempt = ++s.attempt;
    const image = s.spec.image ?? '';
    const policy = s.spec.imagePullPolicy ?? 'IfNotPresent';
    const fieldPath = this.fieldPath(s);
    this.k.images.ensure(image, policy, this.pod, fieldPath, (outcome) => {
      if (attempt !== s.attempt || this.terminating || this.finished) return;
      this.afterImage(s, attempt, outcome);
    });
  }

  private afterImage(s: Slot, attempt: number, outcome: ImageOutcome): void {
    if (!outcome.ok) {
      s.busy = false;
      this.imageFailed(s, attempt, outcome);
      this.sync();
      return;
    }
    this.pullBackoffs?.forget(s.spec.image ?? '');
    s.imageID = outcome.imageID;
    let env: { name: string; value: string }[];
    let files: Map<string, string>;
    try {
      const pod = this.podWithIPs();
      env = resolveContainerEnv(pod, s.spec, this.k.lookup, this.k.nodeResources);
      files = containerFiles(pod, s.spec, this.k.lookup);
    } catch (e) {
      if (!(e instanceof ContainerConfigError) && !(e instanceof VolumeMountError)) throw e;
      s.busy = false;
      s.state = { waiting: { reason: 'CreateContainerConfigError', message: e.message } };
      s.configBlocked = true;
      this.event('Warning', 'Failed', `Error: ${e.message}`, s);
      this.publish();
      s.retryTimer = this.after(STAGE_MS.configRetry, () => {
        s.retryTimer = undefined;
        s.configBlocked = false;
        this.sync();
      });
      this.sync();
      return;
    }
    this.after(STAGE_MS.create, () => {
      if (attempt !== s.attempt || this.terminating || this.finished) return;
      this.event('Normal', 'Created', remember(createdTexts, s.name, createdText), s);
      this.after(STAGE_MS.start, () => {
        if (attempt !== s.attempt || this.terminating || this.finished) return;
        this.run(s, attempt, env, files);
      });
    });
  }

  private run(s: Slot, attempt: number, env: { name: string; value: string }[], files: Map<string, string>): void {
    if (s.state.terminated) {
      s.lastState = { terminated: s.state.terminated };
      s.restartCount++;
    }
    s.killedForRestart = false;
    s.containerID = this.k.random.hex(64, 'containerd://');
    const startedAt = isoSeconds(this.k.clock.wallTime());
    s.startedAtMs = this.k.clock.now();
    s.log = this.k.logs.startInstance(this.uid, s.name);
    const context: ContainerContext = {
      namespace: this.pod.metadata.namespace ?? 'default',
      podName: this.pod.metadata.name ?? '',
      containerName: s.name,
      nodeName: this.k.nodeName,
      hostname: this.pod.spec.hostname ?? this.pod.metadata.name ?? '',
      image: s.spec.image ?? '',
      env,
      files,
      mounts: containerMounts(this.pod, s.spec, () => (this.emptyDirs ??= new Map())),
      stdin: s.spec.stdin === true,
      tty: s.spec.stdin === true && s.spec.tty === true,
      network: this.net!,
      clock: this.k.clock,
      random: this.k.nextRandom,
    };
    s.context = context;
    const log = s.log;
    const proc = this.k.runtime.start(context, expandCommand(s.spec.command, env), expandCommand(s.spec.args, env), {
      stdout: (text) => log.write('stdout', text),
      stderr: (text) => log.write('stderr', text),
    });
    s.process = proc;
    s.busy = false;
    s.state = runningSince(startedAt);
    this.event('Normal', 'Started', remember(startedTexts, s.name, startedText), s);
    const probes = { startup: s.spec.startupProbe, readiness: s.spec.readinessProbe, liveness: s.spec.livenessProbe };
    s.started = !probes.startup;
    s.readinessOk = !probes.readiness;
    s.ready = this.readyNow(s);
    if (probes.startup || probes.readiness || probes.liveness) s.probes = new ContainerProbes(probes, this.probeTarget(s), this.k.clock, this.probeCallbacks(s, attempt));
    proc.onExit((exit) => this.exited(s, attempt, exit));
    // A real kubelet starts a Pod's containers one after another within one sync and writes the status once
    // that sync is done: a Pod whose second image is still being pulled stays 0/2 ContainerCreating.
    this.sync();
    if (!this.slots.some((x) => x.busy)) this.publish();
  }

  /** Ready counts only a started container whose readiness probe (if any) passes; an init container is never ready unless a sidecar. */
  private readyNow(s: Slot): boolean {
    if (!s.state.running || !s.started) return false;
    if (s.init && !s.sidecar) return false;
    return s.readinessOk;
  }

  private exited(s: Slot, attempt: number, exit: ProcessExit): void {
    if (attempt !== s.attempt || this.finished) return;
    s.process = undefined;
    s.probes?.stop();
    s.probes = undefined;
    s.log?.end();
    const finishedAt = isoSeconds(this.k.clock.wallTime());
    const reason = exit.reason ?? (exit.code === 0 ? 'Completed' : 'Error');
    s.state = {
      terminated: {
        exitCode: exit.code,
        ...(exit.signal ? { signal: exit.signal } : {}),
        reason,
        ...(exit.message ? { message: exit.message } : {}),
        startedAt: s.state.running?.startedAt ?? finishedAt,
        finishedAt,
        containerID: s.containerID,
      },
    };
    s.ready = false;
    if (this.terminating) {
      // The last exit is written once, with the terminal phase, by maybeFinish.
      if (this.slots.some((x) => x.process)) this.publish();
      else this.maybeFinish();
      return;
    }
    if (s.killedForRestart) {
      this.publish();
      this.sync();
      return;
    }
    if (!this.shouldRestart(s)) {
      this.publish();
      this.sync();
      return;
    }
    this.scheduleRestart(s);
  }

  /** First restart at once, then the crash-loop back-off: 10 s, 20 s, 40 s ... 300 s. */
  private scheduleRestart(s: Slot): void {
    const key = s.name;
    const now = this.k.clock.now();
    const wait = this.crashBackoff().remaining(key, now, now);
    if (wait === 0) {
      this.crashBackoff().next(key, now);
      this.publish();
      this.sync();
      return;
    }
    const last = s.state.terminated!;
    const message = `back-off ${Math.round(this.crashBackoff().current(key) / 1000)}s restarting failed container=${s.name} pod=${this.podRef()}`;
    s.lastState = { terminated: last };
    s.state = { waiting: { reason: 'CrashLoopBackOff', message } };
    this.event('Warning', 'BackOff', `Back-off restarting failed container ${s.name} in pod ${this.podRef()}`, s);
    this.publish();
    s.retryTimer = this.after(wait, () => {
      s.retryTimer = undefined;
      this.crashBackoff().next(key, this.k.clock.now());
      // Back to "terminated" so the restart moves it into lastState and counts it.
      s.state = { terminated: last };
      this.sync();
    });
  }


  private imageFailed(s: Slot, attempt: number, outcome: Extract<ImageOutcome, { ok: false }>): void {
    const key = s.spec.image ?? '';
    s.state = { waiting: { reason: outcome.reason, message: outcome.message } };
    this.publish();
    if (outcome.reason === 'InvalidImageName') return; // never retried until the image changes
    const now = this.k.clock.now();
    const backoff = this.pullBackoff().next(key, now);
    if (outcome.reason === 'ErrImageNeverPull') {
      // Checked again on later syncs (the image may be loaded onto the node); the reason stays.
      s.retryTimer = this.after(backoff, () => {
        s.retryTimer = undefined;
        this.sync();
      });
      return;
    }
    s.retryTimer = this.after(STAGE_MS.pullErrorSync, () => {
      if (attempt !== s.attempt) return;
      const message = `Back-off pulling image "${key}"`;
      s.state = { waiting: { reason: 'ImagePullBackOff', message } };
      this.event('Normal', 'BackOff', message, s);
      this.event('Warning', 'Failed', 'Error: ImagePullBackOff', s);
      this.publish();
      s.retryTimer = this.after(Math.max(0, backoff - STAGE_MS.pullErrorSync), () => {
        s.retryTimer = undefined;
        this.sync();
      });
    });
  }

  private restartForNewImage(s: Slot): void {
    if (s.retryTimer !== undefined) this.cancel(s.retryTimer);
    s.retryTimer = undefined;
    s.configBlocked = false;
    if (s.process) {
      s.killedForRestart = true;
      this.event('Normal', 'Killing', `Container ${s.name} definition changed, will be restarted`, s);
      this.stopProcess(s, this.pod.spec.terminationGracePeriodSeconds ?? 30);
      return;
    }
    if (s.busy) {
      s.attempt++;
      s.busy = false;
    }
    if (s.state.waiting && s.lastState.terminated) s.state = { terminated: s.lastState.terminated };
    this.sync();
  }

  /** TERM now, KILL after `graceSeconds`. */
  private stopProcess(s: Slot, graceSeconds: number): void {
    const proc = s.process;
    if (!proc) return;
    proc.signal('TERM');
    const attempt = s.attempt;
    this.after(Math.max(0, graceSeconds) * 1000, () => {
      if (s.process === proc && s.attempt === attempt) proc.signal('KILL');
    });
  }

  // ---- probes ----

  private probeTarget(s: Slot): ProbeTarget {
    return {
      podIP: this.podIP ?? '',
      namedPort: (name) => [...this.pod.spec.containers, ...(this.pod.spec.initContainers ?? [])].flatMap((c) => c.ports ?? []).find((p) => p.name === name)?.containerPort,
      httpGet: (host, port, path, headers) => {
        try {
          return this.k.network.request(this.net, this.k.nodeIP, host, port, { method: 'GET', path, headers });
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      },
      connect: (host, port) => this.k.network.connect(this.net, host, port),
      exec: (argv, timeoutMs, done) => {
        if (!s.context || !s.process) return done(1, 'container not running');
        let output = '';
        const proc = this.k.runtime.exec(s.context, argv, { tty: false, stdout: (t) => (output += t), stderr: (t) => (output += t) });
        if (proc.startError) return done(126, proc.startError);
        let settled = false;
        const timer = this.k.clock.setTimer(() => {
          if (settled) return;
          settled = true;
          proc.kill();
          done(-1, output);
        }, timeoutMs);
        proc.exited.then((code) => {
          if (settled) return;
          settled = true;
          this.k.clock.clearTimer(timer);
          done(code, output);
        });
      },
    };
  }

  private probeCallbacks(s: Slot, attempt: number) {
    const label: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };
    return {
      onFailure: (kind: ProbeKind, message: string) => {
        if (attempt !== s.attempt || this.terminating) return;
        this.event('Warning', 'Unhealthy', `${label[kind]} probe failed: ${message}`, s);
      },
      onState: (kind: ProbeKind, success: boolean) => {
        if (attempt !== s.attempt || this.terminating || !s.process) return;
        if (kind === 'readiness') s.readinessOk = success;
        if (kind === 'startup' && success) s.started = true;
        if ((kind === 'liveness' || kind === 'startup') && !success) {
          this.event('Normal', 'Killing', `Container ${s.name} failed ${kind} probe, will be restarted`, s);
          const grace = (kind === 'liveness' ? s.spec.livenessProbe : s.spec.startupProbe)?.terminationGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
          this.stopProcess(s, grace);
        }
        const ready = this.readyNow(s);
        if (ready !== s.ready || kind === 'startup') {
          s.ready = ready;
          this.publish();
          if (kind === 'startup' && s.sidecar) this.sync();
        }
      },
    };
  }

  // ---- termination ----

  private terminate(): void {
    this.terminating = true;
    for (const s of this.slots) {
      if (s.retryTimer !== undefined) this.cancel(s.retryTimer);
      s.retryTimer = undefined;
      s.busy = false;
      s.probes?.stop();
      s.probes = undefined;
    }
    const grace = this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
    // App containers first, then sidecars in reverse order.
    const order = [...this.slots.filter((s) => !s.init), ...this.slots.filter((s) => s.sidecar).reverse()];
    for (const s of order) {
      if (!s.process) continue;
      s.ready = false;
      this.event('Normal', 'Killing', `Stopping container ${s.name}`, s);
      const proc = s.process;
      this.runPreStop(s, () => proc.signal('TERM'));
    }
    for (const s of this.slots) s.ready = false;
    this.publish();
    this.killTimer = this.after(grace * 1000, () => {
      for (const s of this.slots) s.process?.signal('KILL');
    });
    this.maybeFinish();
  }

  /** activeDeadlineSeconds ran out: the kubelet stops every container and fails the Pod. */
  private deadlineExceeded(): void {
    if (this.terminating || this.finished || this.failure) return;
    const message = 'Pod was active on the node longer than the specified deadline';
    this.failure = { reason: 'DeadlineExceeded', message };
    this.event('Warning', 'DeadlineExceeded', message);
    const grace = this.pod.spec.terminationGracePeriodSeconds ?? 30;
    for (const s of this.slots) {
      if (s.retryTimer !== undefined) this.cancel(s.retryTimer);
      s.retryTimer = undefined;
      s.busy = false;
      if (!s.process) s.attempt++;
      s.probes?.stop();
      s.probes = undefined;
      s.ready = false;
      if (s.process) {
        this.event('Normal', 'Killing', `Stopping container ${s.name}`, s);
        this.stopProcess(s, grace);
      }
    }
    this.publish();
  }

  /** The container's preStop hook (exec, httpGet or sleep), then `done` (TERM); the grace deadline still holds. */
  private runPreStop(s: Slot, done: () => void): void {
    const hook = (s.spec.lifecycle as { preStop?: { exec?: { command?: string[] }; httpGet?: { path?: string; port: number | string; host?: string }; sleep?: { seconds: number } } } | undefined)?.preStop;
    if (!hook) return done();
    const failed = (detail: string) => this.event('Warning', 'FailedPreStopHook', detail, s);
    if (hook.exec?.command && s.context) {
      let output = '';
      const command = hook.exec.command;
      const proc = this.k.runtime.exec(s.context, command, { tty: false, stdout: (t) => (output += t), stderr: (t) => (output += t) });
      proc.exited.then((code) => {
        if (code !== 0) {
          failed(`Exec lifecycle hook ([${command.join(' ')}]) for Container "${s.name}" in Pod "${this.podRef()}" failed - error: command '${command.join(' ')}' exited with ${code}: ${output}, message: ${JSON.stringify(output)}`);
        }
        done();
      });
      return;
    }
    if (hook.httpGet) {
      const port = typeof hook.httpGet.port === 'number' ? hook.httpGet.port : Number(hook.httpGet.port);
      try {
        this.k.network.request(this.net, this.k.nodeIP, hook.httpGet.host || this.podIP || '', port, { method: 'GET', path: hook.httpGet.path ?? '/', headers: {} });
      } catch (e) {
        failed(`HTTP lifecycle hook (${hook.httpGet.path ?? '/'}) for Container "${s.name}" in Pod "${this.podRef()}" failed - error: ${e instanceof Error ? e.message : String(e)}`);
      }
      return done();
    }
    if (hook.sleep) {
      this.after(hook.sleep.seconds * 1000, done);
      return;
    }
    done();
  }

  private maybeFinish(): void {
    if (!this.terminating || this.finished || this.slots.some((s) => s.process)) return;
    // The kubelet moves the Pod to its terminal phase, then deletes it for good.
    const finalStatus = this.status(true);
    const current = this.current();
    this.finished = true;
    if (current) {
      this.k.store.replace({ ...current, status: finalStatus });
      this.k.store.remove('Pod', current.metadata.namespace, current.metadata.name!);
    }
    this.teardown();
  }

  private teardown(): void {
    this.finished = true;
    for (const t of this.timers ?? []) this.k.clock.clearTimer(t);
    this.timers = undefined;
    for (const s of this.slots) {
      s.probes?.stop();
      if (s.process) {
        s.process.signal('KILL');
        s.process = undefined;
      }
      s.log?.end();
    }
    if (this.net) this.k.network.detach(this.net);
    if (this.podIP && !this.hostNetwork) this.k.network.releaseIP(this.k.nodeName, this.podIP);
    this.k.logs.forgetPod(this.uid, this.slots.map((s) => s.name));
    this.k.forget(this.uid);
  }

  // ---- status ----

  private current(): Pod | undefined {
    const pod = this.k.store.get('Pod', this.pod.metadata.namespace, this.pod.metadata.name!) as Pod | undefined;
    return pod && pod.metadata.uid === this.uid ? pod : undefined;
  }

  private status(deleting: boolean, pod: Pod = this.current() ?? this.pod) {
    return computePodStatus({
      pod,
      records: this.slots,
      sandboxReady: this.sandboxReady,
      hostIP: this.k.nodeIP,
      podIP: this.podIP,
      startTime: this.startTime,
      qosClass: this.qos,
      deleting,
      failure: this.failure,
      now: isoSeconds(this.k.clock.wallTime()),
    });
  }

  private publish(): void {
    if (this.finished || !this.k.online()) return;
    const pod = this.current();
    if (!pod) return;
    const status = this.status(this.terminating && !this.slots.some((s) => s.process), pod);
    if (sameJson(status, pod.status)) return;
    this.pod = this.k.store.replace({ ...pod, status }) as Pod;
  }

  /**
   * The Pod as the container's environment and downward-API files see it: with this sandbox's IPs, which the
   * stored status gets only with the next status write. Only a spec that reads `status.*` needs the copy.
   */
  private podWithIPs(): Pod {
    const pod = this.current() ?? this.pod;
    if (!this.podIP || !readsStatusFields(pod.spec)) return pod;
    return { ...pod, status: { ...pod.status, podIP: this.podIP, podIPs: [{ ip: this.podIP }], hostIP: this.k.nodeIP, hostIPs: [{ ip: this.k.nodeIP }] } };
  }

  // ---- helpers ----

  private crashBackoff(): Backoff {
    return (this.crashBackoffs ??= new Backoff());
  }

  private pullBackoff(): Backoff {
    return (this.pullBackoffs ??= new Backoff());
  }

  private fieldPath(s: Slot): string {
    return (s.fieldPath ??= `spec.${s.init ? 'initContainers' : 'containers'}{${s.name}}`);
  }

  private podRef(): string {
    return `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.uid})`;
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string, s?: Slot): void {
    if (!this.k.online()) return;
    // The Pod as this worker last saw it, as a real kubelet's recorder refers to its cached Pod.
    this.k.events.record(this.pod, type, reason, message, this.k.eventSource, s ? this.fieldPath(s) : undefined);
  }

  private after(ms: number, fn: () => void): TimerId {
    if (ms < TRACKED_TIMER_MS) return this.k.clock.setTimer(() => this.finished || fn(), ms);
    const id: TimerId = this.k.clock.setTimer(() => {
      this.untrack(id);
      if (!this.finished) fn();
    }, ms);
    (this.timers ??= []).push(id);
    return id;
  }

  private cancel(id: TimerId): void {
    this.k.clock.clearTimer(id);
    this.untrack(id);
  }

  private untrack(id: TimerId): void {
    const timers = this.timers;
    const i = timers ? timers.indexOf(id) : -1;
    if (i < 0) return;
    timers![i] = timers![timers!.length - 1]!;
    timers!.pop();
  }
}

/** Timers this long or longer are cleared at teardown; shorter ones just find the worker finished. */
const TRACKED_TIMER_MS = 1_000;

// Container states are values: a slot's state is replaced, never changed in place, so the common ones are
// shared frozen objects (10,000 Pods start in a handful of seconds: one `running` state per second).
const NO_STATE: ContainerState = Object.freeze({});
const WAITING_CONTAINERCREATING: ContainerState = Object.freeze({ waiting: Object.freeze({ reason: 'ContainerCreating' }) });
const WAITING_PODINITIALIZING: ContainerState = Object.freeze({ waiting: Object.freeze({ reason: 'PodInitializing' }) });
const runningStates = new Map<string, ContainerState>();
/** The Created and Started events' texts by container name: every Pod of a template says the same. */
const createdTexts = new Map<string, string>();
const startedTexts = new Map<string, string>();
const createdText = (name: string): string => `Created container: ${name}`;
const startedText = (name: string): string => `Started container ${name}`;
const runningState = (startedAt: string): ContainerState => Object.freeze({ running: Object.freeze({ startedAt }) });

function runningSince(startedAt: string): ContainerState {
  return remember(runningStates, startedAt, runningState, 64);
}

type FieldRefs = { fieldRef?: { fieldPath?: string } }[] | undefined;

function readsStatus(items: FieldRefs): boolean {
  if (items) for (const i of items) if (i.fieldRef?.fieldPath?.startsWith('status.')) return true;
  return false;
}

function containersReadStatus(containers: Container[] | undefined): boolean {
  if (containers) for (const c of containers) if (c.env) for (const e of c.env) if (e.valueFrom?.fieldRef?.fieldPath?.startsWith('status.')) return true;
  return false;
}

/** Whether any env var or downward-API file of the spec reads a `status.*` field (podIP, hostIP ...): a short scan. */
function readsStatusFields(spec: Pod['spec']): boolean {
  if (containersReadStatus(spec.containers) || containersReadStatus(spec.initContainers)) return true;
  for (const v of spec.volumes ?? []) {
    if (readsStatus((v.downwardAPI as { items?: FieldRefs } | undefined)?.items)) return true;
    const sources = (v.projected as { sources?: { downwardAPI?: { items?: FieldRefs } }[] } | undefined)?.sources;
    if (sources) for (const src of sources) if (readsStatus(src.downwardAPI?.items)) return true;
  }
  return false;
}
