// The merge logic every writer of objects shares: the reconciler and the kubectl-facing API both
// apply manifests (three-way client-side apply, server-side apply) and accept the three PATCH types.

export { strategicMergePatch } from './strategic-merge-patch.js';
export { jsonMergePatch } from './json-merge-patch.js';
export { applyJsonPatch, type JsonPatchOperation } from './json-patch.js';
export { threeWayMergePatch, isNoop, clientSideApply, type ThreeWayInput, type ClientSideApply } from './three-way.js';
export { LAST_APPLIED_ANNOTATION, lastAppliedFor, withLastApplied, parseLastApplied } from './last-applied.js';
export { serverSideApply, type ServerSideApplyOptions } from './server-side-apply.js';
export { patchMetaFor, type PatchMeta } from './patch-strategy.js';
export type { JsonObject, JsonValue } from './json-value.js';
