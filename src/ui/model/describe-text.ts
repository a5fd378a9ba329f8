// The text of the describe overlay. kubectl's own wording comes from src/kube/print (describePod /
// describeNode) once it is there; until then this gives a short summary with the object's Events, in
// the same section layout, so the overlay works.

import type { KubeEvent, Node, Pod } from '../../kube/types.js';
import { humanDuration } from '../../kube/print/human-duration.js';

function eventsSection(events: KubeEvent[], now: number): string[] {
  if (events.length === 0) return ['Events:  <none>'];
  const lines = ['Events:', '  Type     Reason     Age    From     Message', '  ----     ------     ----   ----     -------'];
  for (const e of events) {
    const t = Date.parse(e.lastTimestamp ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? '');
    const age = Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
    lines.push(`  ${e.type.padEnd(8)} ${e.reason.padEnd(10)} ${age.padEnd(6)} ${(e.source?.component ?? e.reportingComponent ?? '').padEnd(8)} ${e.message}`);
  }
  return lines;
}

export function fallbackDescribePod(pod: Pod, events: KubeEvent[], now: number): string {
  const s = pod.status ?? {};
  const lines = [
    `Name:             ${pod.metadata.name}`,
    `Namespace:        ${pod.metadata.namespace}`,
    `Node:             ${pod.spec?.nodeName ?? '<none>'}`,
    `Status:           ${s.phase ?? ''}`,
    `IP:               ${s.podIP ?? ''}`,
    'Containers:',
  ];
  for (const c of pod.spec?.containers ?? []) {
    const cs = s.containerStatuses?.find((x) => x.name === c.name);
    lines.push(`  ${c.name}:`, `    Image:          ${c.image ?? ''}`);
    const state = cs?.state?.running ? 'Running' : cs?.state?.waiting ? 'Waiting' : cs?.state?.terminated ? 'Terminated' : '';
    lines.push(`    State:          ${state}`);
    if (cs?.state?.waiting?.reason) lines.push(`      Reason:       ${cs.state.waiting.reason}`);
    lines.push(`    Ready:          ${cs?.ready ? 'True' : 'False'}`, `    Restart Count:  ${cs?.restartCount ?? 0}`);
  }
  lines.push('Conditions:', '  Type              Status');
  for (const c of s.conditions ?? []) lines.push(`  ${c.type.padEnd(17)} ${c.status}`);
  lines.push(...eventsSection(events, now));
  return lines.join('\n') + '\n';
}

export function fallbackDescribeNode(node: Node, pods: Pod[], events: KubeEvent[], now: number): string {
  const lines = [
    `Name:               ${node.metadata.name}`,
    `Roles:              ${Object.keys(node.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).join(',') || '<none>'}`,
    `Unschedulable:      ${node.spec?.unschedulable ? 'true' : 'false'}`,
    'Conditions:',
  ];
  for (const c of node.status?.conditions ?? []) lines.push(`  ${c.type.padEnd(16)} ${c.status}  ${c.reason ?? ''}`);
  lines.push(`Non-terminated Pods:          (${pods.length} in total)`);
  for (const p of pods) lines.push(`  ${(p.metadata.namespace ?? '').padEnd(20)} ${p.metadata.name}`);
  lines.push(...eventsSection(events, now));
  return lines.join('\n') + '\n';
}
