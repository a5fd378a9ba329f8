// The errors the API server answers a patch with. A patch that decodes but cannot be applied is a
// 422 whose message is the generic "rejected" sentence and whose cause carries the library's text
// (apiserver's NewGenericServerResponse); a malformed patch is a 400 with the library's text.

import { ApiError, badRequest } from '../api-error.js';

export function patchNotApplicable(detail: string): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: detail }],
  });
}

export function malformedPatch(detail: string): ApiError {
  return badRequest(detail);
}

/** Go's `%v` of a decoded JSON value (`map[a:1 b:[x y]]`), used inside the library's messages. */
export function goValueString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValueString).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const parts = Object.keys(o)
      .sort()
      .map((k) => `${k}:${goValueString(o[k])}`);
    return `map[${parts.join(' ')}]`;
  }
  return String(v);
}
