// Headless mode: one stable, grep-friendly line per event instead of a dashboard.
//   12:00:01 apply  demo-manifests/simple-pod.yaml  pod/simple-echo created
//   12:00:01 pod    default/simple-echo  0/2  ContainerCreating  kubesim-worker
//   12:00:09 error  demo-manifests/bad.yaml:9:5  strict decoding error: unknown field "spec.containers[0].imagee"
// A Pod line is printed only when its printed columns change. Colour only on a terminal without NO_COLOR.

import type { ClusterSource } from '../kube/cluster-source.js';
import type { ObjectStatus, ReconcileEvent, ReconcileStatus } from '../kube/reconcile-status.js';
import { podReadyColumn, podStatusReason } from '../kube/print/pod-columns.js';
import { refKey, refOf, type Pod } from '../kube/types.js';
import { kubectlName } from '../manifests/object-name.js';

export interface HeadlessOptions {
  source: ClusterSource;
  status?: ReconcileStatus;
  write: (line: string) => void;
  color: boolean;
  /** Epoch ms for the time column (wall clock). */
  now?: () => number;
  /** Print Pod changes (default true). */
  pods?: boolean;
}

const TAG_COLOURS: Record<string, string> = { apply: '32', pod: '36', error: '31', ok: '32', drift: '33', api: '35' };

function clock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Whether to colour: a terminal, no NO_COLOR, no --no-color. */
export function useColour(flag: boolean, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return flag && stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function headlessLine(time: number, tag: string, fields: string[], color = false): string {
  const padded = tag.padEnd(6);
  const shown = color && TAG_COLOURS[tag] ? `\x1b[${TAG_COLOURS[tag]}m${tag}\x1b[0m${padded.slice(tag.length)}` : padded;
  return `${clock(time)} ${shown} ${fields.filter((f) => f !== '').join('  ')}`;
}

/** The columns a Pod line shows; a new line is printed only when they change. */
export function podColumns(pod: Pod): string[] {
  return [
    `${pod.metadata.namespace}/${pod.metadata.name}`,
    podReadyColumn(pod),
    podStatusReason(pod).padEnd(17),
    pod.spec?.nodeName ?? '<none>',
    pod.status?.podIP ?? '',
  ];
}

function objectLine(status: ObjectStatus): { tag: string; fields: string[] } | undefined {
  const name = kubectlName(status.ref);
  switch (status.outcome) {
    case 'error':
      return undefined; // the problem event prints it, with file:line:col
    case 'not-simulated':
      return { tag: 'apply', fields: [status.file, `${name} ${status.message ?? 'applied'} (not simulated)`] };
    case 'drifted':
      return { tag: 'drift', fields: [status.file, `${name} drifted: ${status.message ?? ''}`.trimEnd()] };
    default:
      return { tag: 'apply', fields: [status.file, `${name} ${status.outcome}`] };
  }
}

function reconcileLine(event: ReconcileEvent): { tag: string; fields: string[] } | undefined {
  switch (event.type) {
    case 'object':
      return objectLine(event.status);
    case 'problem': {
      const p = event.problem;
      return { tag: 'error', fields: [`${p.file}:${p.line}:${p.col}`, p.message] };
    }
    case 'resolved':
      return { tag: 'ok', fields: [event.file, 'no problems'] };
    case 'pass':
      return undefined;
  }
}

/** Starts printing; returns a function that stops. */
export function startHeadless(options: HeadlessOptions): () => void {
  const now = options.now ?? Date.now;
  const print = (tag: string, fields: string[]) => options.write(headlessLine(now(), tag, fields, options.color));
  const stops: (() => void)[] = [];
  if (options.status) {
    stops.push(
      options.status.subscribe((event) => {
        const line = reconcileLine(event);
        if (line) print(line.tag, line.fields);
      }),
    );
  }
  if (options.pods !== false) {
    const shown = new Map<string, string>();
    // Pod lines wait for the current turn to finish, so `apply … created` comes before the Pod it created.
    let batch: string[][] | undefined;
    const printPod = (fields: string[]) => {
      if (!batch) {
        batch = [];
        setImmediate(() => {
          const lines = batch ?? [];
          batch = undefined;
          for (const f of lines) print('pod', f);
        });
      }
      batch.push(fields);
    };
    stops.push(
      options.source.watch('Pod', {}, (event) => {
        const pod = event.object as Pod;
        const key = refKey(refOf(pod));
        // The control plane's own Pods would drown the user's.
        if (pod.metadata.namespace === 'kube-system') return;
        if (event.type === 'DELETED') {
          shown.delete(key);
          printPod([`${pod.metadata.namespace}/${pod.metadata.name}`, 'deleted']);
          return;
        }
        const columns = podColumns(pod);
        const text = columns.join('\u0000');
        if (shown.get(key) === text) return;
        shown.set(key, text);
        printPod(columns);
      }),
    );
  }
  return () => {
    for (const stop of stops) stop();
  };
}
