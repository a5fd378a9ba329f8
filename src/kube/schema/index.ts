// What the API server does to an object on its way into the store, in order: decode (strict field
// validation, type errors), default, validate; and, for a Pod update, the immutability check.
export { decodingError, strictDecodingError, unknownFields } from './unknown-fields.js';
export { applyDefaults } from './defaults.js';
export { defaultImagePullPolicy } from './defaults-pod-spec.js';
export { invalidObject, validateObject, type ValidateOptions } from './validate.js';
export { POD_UPDATE_FORBIDDEN, validatePodUpdate } from './pod-update.js';
export { podQOSClass, type QOSClass } from './qos.js';
export type { FieldError } from './field-errors.js';
