// The src/kube functions the simulator uses, gathered in one place. Some are written by other teams and have
// not landed yet: until they do, small interim versions stand in here (marked INTERIM), and this file is
// the only one to change when the real ones arrive.

import type { KubeObject } from '../kube/types.js';

export { findKind, findKindByName, allKinds, apiVersionOf, type KindInfo } from '../kube/kinds.js';

export { parseQuantity } from '../kube/quantity.js';
export { parseLabelSelector, parseFieldSelector } from '../kube/selectors.js';
export { strategicMergePatch } from '../kube/merge/strategic-merge-patch.js';
export { clientSideApply } from '../kube/merge/three-way.js';
export { LAST_APPLIED_ANNOTATION } from '../kube/merge/last-applied.js';
export { unknownFields, strictDecodingError, decodingError } from '../kube/schema/unknown-fields.js';
export { validateObject } from '../kube/schema/validate.js';

export { jsonMergePatch } from '../kube/merge/json-merge-patch.js';
export { applyJsonPatch } from '../kube/merge/json-patch.js';

// INTERIM until src/kube/schema/defaults.ts lands: the Pod's defaults only.
export function applyDefaults(obj: KubeObject): void {
  if (obj.kind !== 'Pod') return;
  const spec = obj.spec ?? (obj.spec = { containers: [] });
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if (!c.imagePullPolicy) {
      const image: string = c.image ?? '';
      const tag = image.includes('@') ? 'digest' : /:[^/]+$/.exec(image)?.[0];
      c.imagePullPolicy = !tag || tag === ':latest' ? 'Always' : 'IfNotPresent';
    }
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.resources ??= {};
  }
}

/** INTERIM until kube-schema provides it: every update accepted. */
export function validatePodUpdate(_oldPod: KubeObject, _newPod: KubeObject): Error | undefined {
  return undefined;
}
