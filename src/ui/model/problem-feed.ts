// What the problems pane lists: manifest errors (from ReconcileStatus, kept until the file is fixed),
// warning Events about Pods that still exist and are not yet healthy, and the latest apply outcomes.

import type { ReconcileEvent, ReconcileStatus, ObjectStatus } from '../../kube/reconcile-status.js';
import type { KubeEvent, Pod } from '../../kube/types.js';
import type { ClusterCache } from './cluster-cache.js';
import { eventTime } from './cluster-cache.js';

export type Severity = 'error' | 'warning' | 'info';

export interface ProblemItem {
  severity: Severity;
  /** Plain text (escaped later); `file:line:col message`, `ns/pod Reason: message`, `pod/x created`. */
  text: string;
  at: number;
}

const KEPT_OUTCOMES = 30;
const WARNING_REASONS = new Set(['FailedScheduling', 'BackOff', 'Unhealthy', 'Failed', 'FailedMount', 'FailedCreatePodSandBox', 'Evicted', 'NodeNotReady']);

function isHealthy(pod: Pod): boolean {
  if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Succeeded') return false;
  if (pod.status?.phase === 'Succeeded') return true;
  return (pod.status?.containerStatuses ?? []).every((c) => c.ready);
}

function kindLower(s: ObjectStatus): string {
  return s.ref.kind.toLowerCase();
}

export class ProblemFeed {
  private readonly outcomes: ProblemItem[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly status: ReconcileStatus | undefined,
    private readonly onChange: () => void,
  ) {}

  start(): void {
    if (!this.status || this.unsubscribe) return;
    // What was applied before the dashboard opened.
    const initial = this.status.files().flatMap((f) => f.objects).sort((a, b) => a.at - b.at);
    for (const o of initial.slice(-KEPT_OUTCOMES)) this.record(o);
    this.unsubscribe = this.status.subscribe((e) => this.onEvent(e));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private onEvent(e: ReconcileEvent): void {
    if (e.type === 'object') this.record(e.status);
    this.onChange();
  }

  private record(s: ObjectStatus): void {
    if (s.outcome === 'error') return; // errors come from problems(), which drops them once fixed
    const name = `${kindLower(s)}/${s.ref.name}`;
    const outcome = s.outcome === 'not-simulated' ? 'applied (not simulated yet)' : s.outcome;
    const text = `${formatClock(s.at)} ${name} ${outcome}  ${s.file}${s.message ? `  ${s.message}` : ''}`;
    this.outcomes.push({ severity: 'info', text, at: s.at });
    if (this.outcomes.length > KEPT_OUTCOMES) this.outcomes.shift();
  }

  /** Errors, then warnings (the namespace in view first, newest first), then apply outcomes. */
  items(cache: ClusterCache, namespace?: string): ProblemItem[] {
    const out: ProblemItem[] = [];
    for (const p of this.status?.problems() ?? []) {
      out.push({ severity: 'error', text: `${p.file}:${p.line}:${p.col} ${p.message}`, at: p.since });
    }
    // The latest warning per Pod and reason, for Pods still there and not yet healthy.
    const latest = new Map<string, KubeEvent>();
    for (const e of cache.events.values()) {
      if (e.type !== 'Warning' || !WARNING_REASONS.has(e.reason)) continue;
      const o = e.involvedObject;
      if (o.kind === 'Pod') {
        const pod = cache.pods.get(`${o.namespace ?? ''}/${o.name}`);
        if (!pod || isHealthy(pod)) continue;
      } else if (o.kind === 'Node') {
        const node = cache.nodes.get(o.name);
        if (!node) continue;
      }
      // The cache is in creation order, so "latest" is by time (a repeated event is updated in place).
      const key = `${o.kind}/${o.namespace ?? ''}/${o.name}/${e.reason}`;
      const seen = latest.get(key);
      if (!seen || eventTime(e) >= eventTime(seen)) latest.set(key, e);
    }
    const inView = (e: KubeEvent) => (namespace === undefined || (e.involvedObject.namespace ?? '') === namespace ? 0 : 1);
    const warnings = [...latest.values()].sort((a, b) => inView(a) - inView(b) || eventTime(b) - eventTime(a));
    for (const e of warnings) {
      const o = e.involvedObject;
      const who = o.kind === 'Pod' ? `${o.namespace}/${o.name}` : `${o.kind.toLowerCase()}/${o.name}`;
      const count = e.count && e.count > 1 ? ` (x${e.count})` : '';
      out.push({ severity: 'warning', text: `${who} ${e.reason}: ${e.message}${count}`, at: eventTime(e) });
    }
    for (let i = this.outcomes.length - 1; i >= 0; i--) out.push(this.outcomes[i]!);
    return out;
  }
}

function formatClock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
