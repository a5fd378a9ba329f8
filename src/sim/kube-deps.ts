// The src/kube functions the simulator uses, gathered in one place (they were written alongside it by other
// teams; small interim stand-ins lived here until each landed).

export { findKind, allKinds, type KindInfo } from '../kube/kinds.js';

export { parseQuantity } from '../kube/quantity.js';
export { parseLabelSelector, parseFieldSelector } from '../kube/selectors.js';
export { strategicMergePatch } from '../kube/merge/strategic-merge-patch.js';
export { clientSideApply } from '../kube/merge/three-way.js';
export { unknownFields, strictDecodingError, decodingError } from '../kube/schema/unknown-fields.js';
export { validateObject } from '../kube/schema/validate.js';

export { jsonMergePatch } from '../kube/merge/json-merge-patch.js';
export { applyJsonPatch } from '../kube/merge/json-patch.js';

export { applyDefaults } from '../kube/schema/defaults.js';
export { podQOSClass } from '../kube/schema/qos.js';
export { copyMembers, jsonEqual, withMembers } from '../kube/merge/json-value.js';
export { byteOrder } from '../kube/byte-order.js';
export { validatePodUpdate } from '../kube/schema/pod-update.js';
export { remember } from '../kube/bounded-memo.js';
