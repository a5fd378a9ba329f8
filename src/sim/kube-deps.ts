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

// INTERIM until src/kube/merge/json-merge-patch.ts lands.
export function jsonMergePatch(original: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    original && typeof original === 'object' && !Array.isArray(original) ? { ...(original as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete base[k];
    else base[k] = jsonMergePatch(base[k], v);
  }
  return base;
}

/** INTERIM: RFC 6902 add/remove/replace/move/copy/test. */
export function applyJsonPatch(original: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new Error('json patch must be an array of operations');
  let doc = structuredClone(original);
  const parse = (path: string) => path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const parentOf = (root: unknown, parts: string[]) => {
    let cur = root as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) {
      cur = cur?.[p] as Record<string, unknown>;
      if (cur === undefined || cur === null) throw new Error(`jsonpatch: path not found: ${p}`);
    }
    return cur;
  };
  const get = (root: unknown, path: string) => parse(path).reduce<unknown>((c, p) => (c as Record<string, unknown>)?.[p], root);
  const put = (root: unknown, path: string, value: unknown, insert: boolean) => {
    const parts = parse(path);
    if (parts.length === 0) return value;
    const parent = parentOf(root, parts);
    const last = parts[parts.length - 1]!;
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (insert) parent.splice(i, 0, value);
      else parent[i] = value;
    } else parent[last] = value;
    return root;
  };
  const del = (root: unknown, path: string) => {
    const parts = parse(path);
    const parent = parentOf(root, parts);
    const last = parts[parts.length - 1]!;
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else {
      if (!(last in parent)) throw new Error(`jsonpatch remove operation does not apply: doc is missing key: ${path}`);
      delete parent[last];
    }
  };
  for (const op of ops as { op: string; path: string; value?: unknown; from?: string }[]) {
    switch (op.op) {
      case 'add':
        doc = put(doc, op.path, structuredClone(op.value), true);
        break;
      case 'replace':
        doc = put(doc, op.path, structuredClone(op.value), false);
        break;
      case 'remove':
        del(doc, op.path);
        break;
      case 'move': {
        const v = get(doc, op.from!);
        del(doc, op.from!);
        doc = put(doc, op.path, v, true);
        break;
      }
      case 'copy':
        doc = put(doc, op.path, structuredClone(get(doc, op.from!)), true);
        break;
      case 'test':
        if (JSON.stringify(get(doc, op.path)) !== JSON.stringify(op.value)) throw new Error(`testing value ${op.path} failed`);
        break;
      default:
        throw new Error(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}

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
