// The text of the YAML and describe overlays for one object: `kubectl get -o yaml` and `kubectl describe`,
// the latter from src/kube/print so it reads exactly as kubectl's.

import { stringify } from 'yaml';
import { describeNode } from '../../kube/print/describe-node.js';
import { describePod } from '../../kube/print/describe-pod.js';
import type { KubeObject, Node, Pod } from '../../kube/types.js';
import type { ClusterCache } from './cluster-cache.js';

/** `kubectl get -o yaml` without managedFields (kubectl hides them too, unless --show-managed-fields). */
export function yamlOf(obj: KubeObject): string {
  const { managedFields: _hidden, ...metadata } = obj.metadata;
  return stringify({ ...obj, metadata }, { lineWidth: 0 });
}

export function describePodText(pod: Pod, cache: ClusterCache, now: number): string {
  return describePod(pod, cache.eventsFor('Pod', pod.metadata.namespace, pod.metadata.name ?? ''), now);
}

export function describeNodeText(node: Node, cache: ClusterCache, now: number): string {
  const name = node.metadata.name ?? '';
  return describeNode(node, cache.podsOn(name), cache.eventsFor('Node', undefined, name), now);
}
