// `kubectl describe pod` (kubectl 1.32, pkg/describe/describe.go describePod), as text. The dashboard's
// describe overlay shows this and tests compare it with the real kubectl against our API, so every
// label, indent and tab stop follows kubectl's.

import type { KubeEvent, Pod } from '../types.js';
import { formatLabelSelectorObject, type LabelSelectorObject } from '../selectors.js';
import { ageColumn } from './human-duration.js';
import { describeContainers, describeResources } from './describe/containers.js';
import { byteOrder } from '../byte-order.js';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './describe/multiline.js';
import { podQOSClass } from '../schema/qos.js';
import { DescribeWriter } from './describe/tab-writer.js';
import { rfc1123z, type TimeZone } from './describe/time-format.js';
import { describeVolumes } from './describe/volumes.js';

export interface DescribeOptions {
  /** kubectl prints times in the viewer's zone (`local`, the default); tests pin `UTC`. */
  timeZone?: TimeZone;
}

interface TopologySpreadConstraint {
  topologyKey: string;
  whenUnsatisfiable: string;
  maxSkew: number;
  labelSelector?: LabelSelectorObject;
}

function describeTopologySpreadConstraints(w: DescribeWriter, constraints: TopologySpreadConstraint[] | undefined): void {
  if (!constraints || constraints.length === 0) return;
  w.write(0, 'Topology Spread Constraints:\t');
  [...constraints]
    .sort((a, b) => byteOrder(a.topologyKey, b.topologyKey))
    .forEach((c, i) => {
      if (i !== 0) w.write(0, '\t');
      const selector = c.labelSelector ? ` for selector ${formatLabelSelectorObject(c.labelSelector)}` : '';
      w.write(0, `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded${selector}\n`);
    });
}

function controllerOf(pod: Pod): string {
  const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** Events kubectl finds for a pod: its name, namespace and uid (a mirror pod's events carry the static pod's uid). */
export function eventsForPod(pod: Pod, events: KubeEvent[]): KubeEvent[] {
  const uid = pod.metadata.annotations?.[MIRROR_ANNOTATION] ?? pod.metadata.uid ?? '';
  return events.filter(
    (e) =>
      e.involvedObject?.name === pod.metadata.name &&
      (e.involvedObject.namespace ?? '') === (pod.metadata.namespace ?? '') &&
      (e.involvedObject.uid ?? '') === uid,
  );
}

/** The text `kubectl describe pod` prints; events may be any, they are narrowed as kubectl's query does. Pass `events: null` for `--show-events=false`. */
export function describePod(pod: Pod, events: KubeEvent[] | null | undefined, now: number, options: DescribeOptions = {}): string {
  const zone = options.timeZone ?? 'local';
  const w = new DescribeWriter();
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};

  w.write(0, `Name:\t${pod.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime, zone)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${ageColumn(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  const seccomp = (spec.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)?.seccompProfile;
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) {
    w.write(0, 'IPs:\t<none>\n');
  } else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(pod);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(0, 'Resources:\n');
    describeResources(w, spec.resources as Parameters<typeof describeResources>[1], 1);
  }

  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers!, status.initContainerStatuses, pod, zone);
  }
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, pod, zone);

  const gates = spec.readinessGates ?? [];
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const condition = (status.conditions ?? []).find((c) => c.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${condition ? condition.status : '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions!) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes);
  // kubectl shows what the kubelet recorded, and computes it only for pods that carry none.
  w.write(0, `QoS Class:\t${status.qosClass || podQOSClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeTopologySpreadConstraints(w, spec.topologySpreadConstraints as TopologySpreadConstraint[] | undefined);
  if (events) describeEvents(w, eventsForPod(pod, events), now);
  return w.toString();
}
