// Errors as the Kubernetes API server reports them: a metav1.Status with a reason, an HTTP code and the
// exact message text, so kubectl (through src/api) and the dashboard show what a real cluster would.

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'BadRequest'
  | 'Invalid'
  | 'Forbidden'
  | 'Unauthorized'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'Gone'
  | 'Expired'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout'
  | 'TooManyRequests';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason | string;
  details?: StatusDetails;
  code: number;
}

const codes: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  BadRequest: 400,
  Invalid: 422,
  Forbidden: 403,
  Unauthorized: 401,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  UnsupportedMediaType: 415,
  RequestEntityTooLarge: 413,
  Gone: 410,
  Expired: 410,
  InternalError: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
  TooManyRequests: 429,
};

export class ApiError extends Error {
  readonly status: Status;

  constructor(reason: StatusReason, message: string, details?: StatusDetails) {
    super(message);
    this.name = 'ApiError';
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code: codes[reason],
    };
  }

  get reason(): string {
    return this.status.reason ?? '';
  }

  get code(): number {
    return this.status.code;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** `pods "x" not found` — `resource` is the plural lower-case resource name. */
export function notFound(resource: string, name: string, group = ''): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError('NotFound', `${qualified} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource });
}

export function alreadyExists(resource: string, name: string, group = ''): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError('AlreadyExists', `${qualified} "${name}" already exists`, { name, ...(group ? { group } : {}), kind: resource });
}

/** The cause reason the API server sends for each field error type (k8s.io/apimachinery field.ErrorType). */
const causeReasons: Record<string, string> = {
  'Required value': 'FieldValueRequired',
  'Invalid value': 'FieldValueInvalid',
  'Duplicate value': 'FieldValueDuplicate',
  'Unsupported value': 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  'Not found': 'FieldValueNotFound',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
  'Internal error': 'InternalError',
  'Type value': 'FieldValueTypeInvalid',
};

/** 422 Invalid: `The Pod "x" is invalid: spec.containers[0].name: Required value` (causes carry the fields). */
export function invalid(kind: string, name: string, causes: { field: string; type: string; detail: string }[], group = ''): ApiError {
  const parts = causes.map((c) => `${c.field}: ${c.type}${c.detail ? `: ${c.detail}` : ''}`);
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new ApiError('Invalid', `${kind} "${name}" is invalid: ${joined}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes: causes.map((c) => ({
      reason: causeReasons[c.type] ?? 'FieldValueInvalid',
      message: `${c.type}${c.detail ? `: ${c.detail}` : ''}`,
      field: c.field,
    })),
  });
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message);
}

export function conflict(resource: string, name: string, message: string, group = ''): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError('Conflict', `Operation cannot be fulfilled on ${qualified} "${name}": ${message}`, { name, kind: resource });
}
