// `kubectl describe node` (kubectl 1.32, describe.go describeNode) as text.

import type { KubeEvent, KubeObject, Node, Pod } from '../types.js';
import { quantityString } from '../quantity.js';
import { nodeRoles } from './node-columns.js';
import { byteOrder } from '../byte-order.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './describe/multiline.js';
import { describeNodeResources } from './describe/node-resources.js';
import { DescribeWriter } from './describe/tab-writer.js';
import { rfc1123z, type TimeZone } from './describe/time-format.js';

export interface DescribeNodeOptions {
  timeZone?: TimeZone;
  /**
   * The node's Lease in kube-node-lease. Left out, kubectl's text for a server without one is printed
   * (`Failed to get lease: leases.coordination.k8s.io "<node>" not found`), which is what an API that
   * serves no leases makes the real kubectl show.
   */
  lease?: KubeObject | null;
  /** Overrides the error text printed when there is no lease. */
  leaseError?: string;
}

/** Pods kubectl lists for a node: bound to it and not Succeeded or Failed, in the API's namespace/name order. */
export function podsOnNode(node: Node, pods: Pod[]): Pod[] {
  const name = node.metadata.name;
  return pods
    .filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => byteOrder(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteOrder(a.metadata.name ?? '', b.metadata.name ?? ''));
}

/** Events kubectl finds for a node: kind Node, its name, no namespace, and its uid or (kubelet's) its name as uid. */
export function eventsForNode(node: Node, events: KubeEvent[]): KubeEvent[] {
  const name = node.metadata.name;
  const matches = (e: KubeEvent, uid: string | undefined) =>
    e.involvedObject?.kind === 'Node' && e.involvedObject.name === name && !e.involvedObject.namespace && (e.involvedObject.uid ?? '') === (uid ?? '');
  return [...events.filter((e) => matches(e, node.metadata.uid)), ...events.filter((e) => matches(e, name))];
}

function describeLease(w: DescribeWriter, lease: KubeObject, zone: TimeZone): void {
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime, zone) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime, zone) : '<unset>'}\n`);
}


/** The text `kubectl describe node` prints. `pods` may be every pod; events may be any; both are narrowed as kubectl's queries do. */
export function describeNode(
  node: Node,
  pods: Pod[],
  events: KubeEvent[] | null | undefined,
  now: number,
  options: DescribeNodeOptions = {},
): string {
  const zone = options.timeZone ?? 'local';
  const w = new DescribeWriter();
  const name = node.metadata.name ?? '';
  const status = node.status ?? {};
  const info = status.nodeInfo ?? {};

  w.write(0, `Name:\t${name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp, zone)}\n`);
  printTaintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  if (options.lease) describeLease(w, options.lease, zone);
  else w.write(0, `Lease:\tFailed to get lease: ${options.leaseError ?? `leases.coordination.k8s.io "${name}" not found`}\n`);

  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions!) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime, zone)} \t${rfc1123z(c.lastTransitionTime, zone)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort(byteOrder);
    if (names.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const resource of names) w.write(0, `  ${resource}:\t${quantityString(list![resource])}\n`);
  }
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResources(w, node, podsOnNode(node, pods), now);
  if (events) describeEvents(w, eventsForNode(node, events), now);
  return w.toString();
}
