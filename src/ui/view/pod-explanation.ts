// The one line under the Pods table that says why the selected Pod is in the state it is: the scheduler's
// message when Pending, the back-off countdown and last exit code in CrashLoopBackOff, the pull error,
// the failing probe when it is not ready. Built only from the Pod and its Events, as kubectl describe would.

import type { ContainerStatus, KubeEvent, Pod } from '../../kube/types.js';
import { humanDuration } from '../../kube/print/human-duration.js';

/** `back-off 40s restarting failed container=...` → 40000 ms. */
function backoffMs(message: string | undefined): number | undefined {
  const m = /back-off (\d+(?:m\d+)?s?|\d+m)/.exec(message ?? '');
  if (!m) return undefined;
  const text = m[1]!;
  const parts = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!parts) return undefined;
  return (Number(parts[1] ?? 0) * 60 + Number(parts[2] ?? 0)) * 1000;
}

function lastExit(status: ContainerStatus): string {
  const t = status.lastState?.terminated ?? status.state?.terminated;
  if (!t) return '';
  return `last exit code ${t.exitCode}${t.reason ? ` (${t.reason})` : ''}`;
}

function latestWarning(events: KubeEvent[], reasons: string[]): KubeEvent | undefined {
  let found: KubeEvent | undefined;
  for (const e of events) if (e.type === 'Warning' && reasons.includes(e.reason)) found = e;
  return found;
}

export function explainPod(pod: Pod, events: KubeEvent[], now: number): string {
  const status = pod.status ?? {};
  if (pod.metadata.deletionTimestamp) {
    const grace = pod.metadata.deletionGracePeriodSeconds;
    const left = Date.parse(pod.metadata.deletionTimestamp) - now;
    return `Terminating: containers are being stopped${grace !== undefined ? ` (grace period ${grace}s` + (left > 0 ? `, ${humanDuration(left)} left)` : ')') : ''}`;
  }
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') {
    return `Pending: ${scheduled.message ?? scheduled.reason ?? 'not scheduled yet'}`;
  }
  const all = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  for (const c of all) {
    const w = c.state?.waiting;
    if (!w) continue;
    if (w.reason === 'CrashLoopBackOff') {
      const backoff = backoffMs(w.message);
      const finished = Date.parse(c.lastState?.terminated?.finishedAt ?? '');
      const parts = [`${c.name}: CrashLoopBackOff`];
      if (backoff !== undefined && !Number.isNaN(finished)) {
        const left = finished + backoff - now;
        parts.push(left > 0 ? `restarting in ${humanDuration(left)} (back-off ${humanDuration(backoff)})` : `restarting now (back-off ${humanDuration(backoff)})`);
      } else if (backoff !== undefined) {
        parts.push(`back-off ${humanDuration(backoff)}`);
      }
      const exit = lastExit(c);
      if (exit) parts.push(exit);
      return parts.join(', ');
    }
    if (w.reason === 'ErrImagePull' || w.reason === 'ImagePullBackOff' || w.reason === 'InvalidImageName') {
      const pull = latestWarning(events, ['Failed']);
      return `${c.name}: ${w.reason}: ${w.message ?? pull?.message ?? ''}`.trimEnd();
    }
    if (w.reason && w.reason !== 'ContainerCreating' && w.reason !== 'PodInitializing') {
      return `${c.name}: ${w.reason}${w.message ? `: ${w.message}` : ''}`;
    }
  }
  if (status.phase === 'Pending') {
    const pulling = latestWarning(events, ['Failed']);
    if (pulling) return `Pending: ${pulling.message}`;
    const creating = all.find((c) => c.state?.waiting);
    return creating ? `${creating.name}: ${creating.state.waiting!.reason ?? 'waiting'}` : 'Pending';
  }
  if (status.phase === 'Running') {
    const unready = all.filter((c) => !c.ready && c.state?.running);
    if (unready.length > 0) {
      const probe = latestWarning(events, ['Unhealthy']);
      if (probe) return `not ready: ${probe.message}`;
      const ready = status.conditions?.find((c) => c.type === 'Ready');
      return `not ready: ${ready?.message ?? unready.map((c) => c.name).join(', ')}`;
    }
    const restarted = all.filter((c) => c.restartCount > 0);
    const base = `Running on ${pod.spec?.nodeName ?? '?'}, all ${all.length} container${all.length === 1 ? '' : 's'} ready`;
    if (restarted.length > 0) return `${base}; ${restarted[0]!.name} restarted ${restarted[0]!.restartCount}×, ${lastExit(restarted[0]!)}`;
    return base;
  }
  if (status.phase === 'Succeeded') return 'Completed: every container exited 0';
  if (status.phase === 'Failed') {
    const failed = all.find((c) => (c.state?.terminated?.exitCode ?? 0) !== 0);
    return `Failed${status.reason ? ` (${status.reason})` : ''}${failed ? `: ${failed.name} ${lastExit(failed)}` : status.message ? `: ${status.message}` : ''}`;
  }
  return status.phase ?? 'Unknown';
}
