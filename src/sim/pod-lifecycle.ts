// The Pod lifecycle in one readable place (KWOK's "stages" idea): how long each step takes, and how the
// kubelet turns its containers' states into the Pod's phase and conditions (kubelet getPhase and
// generateAPIPodStatus, v1.32). Pure functions of their inputs; the pod worker drives the transitions.

import type { Condition, Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../kube/types.js';
import { remember } from './kube-deps.js';
import { deepFreeze } from './deep-freeze.js';

/** Simulated durations of the steps a real kubelet takes, before jitter. */
export const STAGE_MS = {
  /** Sandbox (pause container + CNI) until PodReadyToStartContainers. */
  sandbox: 300,
  /** CreateContainer after the image is there (Created event). */
  create: 60,
  /** StartContainer after Created (Started event, state running). */
  start: 40,
  /** A queued pull of an image that landed meanwhile: containerd resolves it again. */
  repull: 250,
  /** The sync after ErrImagePull that reports ImagePullBackOff. */
  pullErrorSync: 1_000,
  /** Re-checks of a missing ConfigMap/Secret (also re-checked at once when one is written). */
  configRetry: 10_000,
  /** Re-tries of a volume that failed to mount. */
  mountRetry: 2_000,
} as const;

/** The kubelet's view of one container: the API's ContainerStatus fields plus what it is doing now. */
export interface ContainerRecord {
  name: string;
  spec: Container;
  init: boolean;
  /** An init container with restartPolicy Always. */
  sidecar: boolean;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  started: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
}

/** `docker.io/library/nginx:latest` from `nginx`: the name containerd reports in status.image. */
export function normalizeImage(image: string): string {
  let name = image;
  const at = name.indexOf('@');
  const digest = at >= 0 ? name.slice(at) : '';
  if (at >= 0) name = name.slice(0, at);
  const firstSlash = name.indexOf('/');
  const first = firstSlash >= 0 ? name.slice(0, firstSlash) : '';
  const hasRegistry = firstSlash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = `docker.io/${firstSlash >= 0 ? '' : 'library/'}${name}`;
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  if (!digest && !lastSegment.includes(':')) name += ':latest';
  return name + digest;
}

/** Go's time.Duration String after Truncate(time.Millisecond): `313ms`, `1.594s`, `1m2.5s`. */
export function formatGoDuration(ms: number): string {
  const whole = Math.floor(ms);
  if (whole < 1000) return `${whole}ms`;
  const trim = (n: number) => n.toFixed(3).replace(/\.?0+$/, '');
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = (whole % 60_000) / 1000;
  if (hours > 0) return `${hours}h${minutes}m${trim(seconds)}s`;
  if (minutes > 0) return `${minutes}m${trim(seconds)}s`;
  return `${trim(seconds)}s`;
}

export function toContainerStatus(r: ContainerRecord): ContainerStatus {
  // Two literals rather than a conditional spread in one (a spread builds the object on the slow path).
  const { name, state, lastState, ready, restartCount, image, imageID, containerID, started } = r;
  return containerID
    ? { name, state, lastState, ready, restartCount, image, imageID, containerID, started }
    : { name, state, lastState, ready, restartCount, image, imageID, started };
}

function exitedOk(r: ContainerRecord): boolean {
  return r.state.terminated?.exitCode === 0;
}

/** kubelet getPhase. */
export function podPhase(pod: Pod, records: ContainerRecord[], deleting: boolean): NonNullable<PodStatus['phase']> {
  const restartPolicy = pod.spec.restartPolicy ?? 'Always';
  for (const r of records) {
    if (!r.init) continue;
    if (r.sidecar) {
      if (!r.started && !deleting) return 'Pending';
      continue;
    }
    if (exitedOk(r)) continue;
    if (r.state.terminated && restartPolicy === 'Never') return 'Failed';
    if (r.state.terminated && deleting) return 'Failed';
    return 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const r of records) {
    if (r.init) continue;
    if (r.state.running) running++;
    else if (r.state.terminated) {
      stopped++;
      if (r.state.terminated.exitCode === 0) succeeded++;
    } else if (r.state.waiting) {
      if (r.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  if (deleting && running === 0 && waiting === 0) return stopped === succeeded ? 'Succeeded' : 'Failed';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return restartPolicy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

interface ConditionInput {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

/** The condition as it should read now: the previous object itself when nothing changed (cheap to compare and to keep). */
function condition(previous: readonly Condition[] | undefined, next: ConditionInput, now: string): Condition {
  let old: Condition | undefined;
  if (previous) for (const c of previous) if (c.type === next.type) old = c;
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message) return old;
  const lastTransitionTime = old && old.status === next.status ? old.lastTransitionTime : now;
  return sharedCondition(next.type, next.status, lastTransitionTime, next.reason, next.message);
}

/**
 * A condition reads the same for every Pod that made the same transition in the same second (`Ready False
 * ContainersNotReady "containers with unready status: [nginx]"`): one frozen object shared by all of them
 * (stored objects are never mutated), not one per Pod.
 */
export function sharedCondition(type: string, status: 'True' | 'False', lastTransitionTime: string | null | undefined, reason?: string, message?: string): Condition {
  // Looked up level by level (second, type, reason, message), no key text built per call: every part is a
  // string the callers share already. A new second beyond the limit starts the table over.
  const second = lastTransitionTime === undefined ? '\0undefined' : lastTransitionTime === null ? '\0null' : lastTransitionTime;
  let byType = sharedConditions.get(second);
  if (!byType) {
    if (sharedConditions.size >= SHARED_CONDITION_SECONDS) sharedConditions.clear();
    sharedConditions.set(second, (byType = new Map()));
  }
  let byReason = byType.get(type);
  if (!byReason) byType.set(type, (byReason = new Map()));
  let byMessage = byReason.get(reason ?? '');
  if (!byMessage) byReason.set(reason ?? '', (byMessage = new Map()));
  let pair = byMessage.get(message ?? '');
  if (!pair) byMessage.set(message ?? '', (pair = {}));
  return (pair[status] ??= Object.freeze(makeCondition(type, status, lastTransitionTime, reason, message)));
}
const SHARED_CONDITION_SECONDS = 256;
const sharedConditions = new Map<string, Map<string, Map<string, Map<string, { True?: Condition; False?: Condition }>>>>();

/** One literal per shape: the members it has from the start. */
function makeCondition(type: string, status: 'True' | 'False', lastTransitionTime: string | null | undefined, reason?: string, message?: string): Condition {
  const lastProbeTime = null;
  if (reason && message) return { type, status, lastProbeTime, lastTransitionTime, reason, message };
  if (reason) return { type, status, lastProbeTime, lastTransitionTime, reason };
  if (message) return { type, status, lastProbeTime, lastTransitionTime, message };
  return { type, status, lastProbeTime, lastTransitionTime };
}

/** `containers with unready status: [a b]`: the same few texts for every Pod of a template. */
function containersMessage(which: string, names: string[]): string {
  const list = names.length === 1 ? names[0]! : names.join(' ');
  let texts = containerMessages.get(which);
  if (!texts) containerMessages.set(which, (texts = new Map()));
  let text = texts.get(list);
  if (text === undefined) {
    if (texts.size >= 1024) texts.clear();
    texts.set(list, (text = `containers with ${which} status: [${list}]`));
  }
  return text;
}
/** By kind of list (unready, incomplete), then the names. */
const containerMessages = new Map<string, Map<string, string>>();

export interface PodStatusInput {
  pod: Pod;
  records: ContainerRecord[];
  sandboxReady: boolean;
  hostIP: string;
  podIP?: string;
  startTime: string;
  qosClass: string;
  deleting: boolean;
  /** The kubelet failed the Pod as a whole (DeadlineExceeded): phase Failed with this reason. */
  failure?: { reason: string; message: string };
  /** ISO time for transitions happening now. */
  now: string;
}

/** The status the kubelet writes for the Pod. */
export function computePodStatus(input: PodStatusInput): PodStatus {
  const { pod, records, now } = input;
  const prev = pod.status?.conditions;
  const running = input.failure && records.some((r) => r.state.running);
  const phase = input.failure && !running ? 'Failed' : podPhase(pod, records, input.deleting);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  let incompleteInit: string[] | undefined;
  let unready: string[] | undefined;
  const initStatuses: ContainerStatus[] = [];
  const containerStatuses: ContainerStatus[] = [];
  const prevInit = pod.status?.initContainerStatuses;
  const prevMain = pod.status?.containerStatuses;
  for (const r of records) {
    if (r.init) {
      initStatuses.push(sameStatus(prevInit?.[initStatuses.length], r) ?? toContainerStatus(r));
      if (r.sidecar ? !r.started : !exitedOk(r)) (incompleteInit ??= []).push(r.name);
      if (r.sidecar && !r.ready) (unready ??= []).push(r.name);
    } else {
      containerStatuses.push(sameStatus(prevMain?.[containerStatuses.length], r) ?? toContainerStatus(r));
      if (!r.ready) (unready ??= []).push(r.name);
    }
  }
  const gates = pod.spec.readinessGates?.length ? pod.spec.readinessGates.filter((g) => prev?.find((c) => c.type === g.conditionType)?.status !== 'True') : undefined;

  const initialized: ConditionInput =
    !incompleteInit || terminal
      ? terminal && initStatuses.length && incompleteInit
        ? { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
        : INITIALIZED
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: containersMessage('incomplete', incompleteInit) };
  const containersReady: ConditionInput = terminal
    ? { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' }
    : unready
      ? { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: containersMessage('unready', unready) }
      : { type: 'ContainersReady', status: 'True' };
  let ready: ConditionInput = { type: 'Ready', status: containersReady.status, reason: containersReady.reason, message: containersReady.message };
  if (containersReady.status === 'True' && gates?.length) {
    ready = { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${gates[0]!.conditionType}" does not exist.` };
  }
  let conditions: Condition[] = [
    condition(prev, input.sandboxReady && !terminal ? SANDBOX_READY : SANDBOX_NOT_READY, now),
    condition(prev, initialized, now),
    condition(prev, ready, now),
    condition(prev, containersReady, now),
  ];
  if (prev) for (const c of prev) if (!OWN_CONDITIONS.has(c.type)) conditions.push(c);
  // A Pod bound by spec.nodeName (or a static Pod) never met the scheduler: the kubelet reports it scheduled.
  if (!prev?.some((c) => c.type === 'PodScheduled')) conditions.push(sharedCondition('PodScheduled', 'True', now));
  conditions = sameItems(prev, conditions);

  const old = pod.status;
  const hostIPs = hostIPList(old?.hostIPs, input.hostIP);
  const statuses = sameItems(prevMain, containerStatuses);
  const reason = input.failure ? input.failure.reason : old?.reason;
  const message = input.failure ? input.failure.message : old?.message;
  // The usual status in one literal, fields in the order the kubelet writes them: built up field by field,
  // the object would change shape (and grow a separate property store) six times on each write.
  if (!initStatuses.length && !old?.nominatedNodeName && !reason && !message) {
    return input.podIP
      ? { phase, conditions, hostIP: input.hostIP, hostIPs, podIP: input.podIP, podIPs: singleIP(old?.podIPs, input.podIP), startTime: input.startTime, containerStatuses: statuses, qosClass: input.qosClass }
      : { phase, conditions, hostIP: input.hostIP, hostIPs, startTime: input.startTime, containerStatuses: statuses, qosClass: input.qosClass };
  }
  const status: PodStatus = { phase, conditions, hostIP: input.hostIP, hostIPs };
  if (input.podIP) {
    status.podIP = input.podIP;
    status.podIPs = singleIP(old?.podIPs, input.podIP);
  }
  status.startTime = input.startTime;
  if (initStatuses.length) status.initContainerStatuses = sameItems(prevInit, initStatuses);
  status.containerStatuses = statuses;
  status.qosClass = input.qosClass;
  if (old?.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  if (reason) status.reason = reason;
  if (message) status.message = message;
  return status;
}

// Each status write is a new Pod version that watchers and the watch history keep for a while: parts that did
// not change are the previous version's own objects (as with conditions), so versions share instead of copy.

/** The previous status entry itself when the container's record still reads the same. */
function sameStatus(prev: ContainerStatus | undefined, r: ContainerRecord): ContainerStatus | undefined {
  // Only an entry the kubelet wrote (no fields from elsewhere, e.g. a status patch) is kept.
  if (!prev || Object.keys(prev).length !== (r.containerID ? 9 : 8)) return undefined;
  const same =
    prev.name === r.name &&
    prev.state === r.state &&
    prev.lastState === r.lastState &&
    prev.ready === r.ready &&
    prev.restartCount === r.restartCount &&
    prev.image === r.image &&
    prev.imageID === r.imageID &&
    prev.containerID === (r.containerID || undefined) &&
    prev.started === r.started;
  return same ? prev : undefined;
}

/**
 * The previous array itself when every item is the same object; otherwise a copy of exactly `next`'s length
 * (an array grown by push carries spare capacity, which would be kept as long as the Pod version).
 */
function sameItems<T>(prev: T[] | undefined, next: T[]): T[] {
  if (prev && prev.length === next.length) {
    let same = true;
    for (let i = 0; i < next.length && same; i++) same = next[i] === prev[i];
    if (same) return prev;
  }
  return next.slice();
}

/** `[{ip}]`, the previous one when the address did not change. */
function singleIP(prev: { ip: string }[] | undefined, ip: string): { ip: string }[] {
  return prev?.length === 1 && prev[0]!.ip === ip ? prev : [{ ip }];
}

/** A node's `[{ip}]`: the same for every Pod on it, so one frozen array per node. */
function hostIPList(prev: { ip: string }[] | undefined, ip: string): { ip: string }[] {
  if (prev?.length === 1 && prev[0]!.ip === ip) return prev;
  return remember(hostIPLists, ip, singleIPList);
}
const hostIPLists = new Map<string, { ip: string }[]>();
const singleIPList = (ip: string): { ip: string }[] => deepFreeze([{ ip }]);

const INITIALIZED: ConditionInput = { type: 'Initialized', status: 'True' };
const SANDBOX_READY: ConditionInput = { type: 'PodReadyToStartContainers', status: 'True' };
const SANDBOX_NOT_READY: ConditionInput = { type: 'PodReadyToStartContainers', status: 'False' };

const OWN_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);
