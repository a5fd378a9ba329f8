// The Node columns of `kubectl get nodes [-o wide]`, as the API server's printNode computes them.

import type { Node, Pod } from '../types.js';
import { ageColumn } from './human-duration.js';

export interface NodeRow {
  name: string;
  status: string;
  roles: string;
  age: string;
  version: string;
  internalIP: string;
  externalIP: string;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
  /** Non-terminated pods bound to the node; only when the caller passed the pods (not a kubectl column). */
  pods?: number;
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** STATUS: `Ready`, `NotReady` or `Unknown` from the Ready condition, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatusColumn(node: Node): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** The node's roles, sorted and de-duplicated (`findNodeRoles`). */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX)) {
      const role = key.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === ROLE_LABEL && value) {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

/** ROLES: `control-plane`, `control-plane,worker` or `<none>`. */
export function nodeRolesColumn(node: Node): string {
  return nodeRoles(node).join(',') || '<none>';
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

function orUnknown(value: string | undefined): string {
  return value ? value : '<unknown>';
}

function isActiveOn(pod: Pod, nodeName: string): boolean {
  const phase = pod.status?.phase;
  return pod.spec?.nodeName === nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** One row of `kubectl get nodes -o wide`. Pass the cluster's pods to also get the node's pod count. */
export function nodeRow(node: Node, now: number): NodeRow;
export function nodeRow(node: Node, pods: Pod[], now: number): NodeRow;
export function nodeRow(node: Node, podsOrNow: Pod[] | number, maybeNow?: number): NodeRow {
  const now = typeof podsOrNow === 'number' ? podsOrNow : (maybeNow ?? 0);
  const info = node.status?.nodeInfo ?? {};
  const row: NodeRow = {
    name: node.metadata.name ?? '',
    status: nodeStatusColumn(node),
    roles: nodeRolesColumn(node),
    age: ageColumn(node.metadata.creationTimestamp, now),
    version: info.kubeletVersion ?? '',
    internalIP: nodeAddress(node, 'InternalIP'),
    externalIP: nodeAddress(node, 'ExternalIP'),
    osImage: orUnknown(info.osImage),
    kernelVersion: orUnknown(info.kernelVersion),
    containerRuntime: orUnknown(info.containerRuntimeVersion),
  };
  if (Array.isArray(podsOrNow)) row.pods = podsOrNow.filter((p) => isActiveOn(p, row.name)).length;
  return row;
}
