// Every error leaves the server as a metav1.Status with the reason, code and message text a real API server
// uses, because kubectl prints `Error from server (<reason>): <message>` from exactly those fields.
import { ApiError, isApiError } from '../kube/api-error.js';

/** The generic 404 the API server answers for a path or resource it does not serve. */
export function unknownPath(): ApiError {
  return new ApiError('NotFound', 'the server could not find the requested resource', {});
}

export function methodNotAllowed(): ApiError {
  return new ApiError('MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

export function notAcceptable(): ApiError {
  return new ApiError(
    'NotAcceptable',
    'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
  );
}

export function unsupportedBodyType(accepted: string[]): ApiError {
  return new ApiError(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

export function bodyTooLarge(limit: number): ApiError {
  return new ApiError('RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

export function unauthorized(): ApiError {
  return new ApiError('Unauthorized', 'Unauthorized');
}

/** Anything thrown that is not an ApiError becomes the server's 500 InternalError, never a crash. */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError('InternalError', `Internal error occurred: ${message}`, {
    causes: [{ message }],
  });
}

