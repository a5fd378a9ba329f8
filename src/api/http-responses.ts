// Writing JSON, Status errors and Warning headers onto a Node response.
import type { ServerResponse } from 'node:http';
import type { ApiError } from '../kube/api-error.js';
import { toApiError } from './status-errors.js';

/** RFC 7234 warn-value `299 - "text"`: kubectl silently drops a header whose quoted-string is malformed. */
export function warningHeader(text: string): string {
  const safe = text
    .replace(/[^\x20-\x7e]/g, (c) => (c === '\n' || c === '\t' ? ' ' : '?'))
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
  return `299 - "${safe}"`;
}

export function setWarnings(res: ServerResponse, warnings: readonly string[] | undefined): void {
  if (!warnings || warnings.length === 0 || res.headersSent) return;
  res.setHeader('Warning', warnings.map(warningHeader));
}

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, error: ApiError | unknown): void {
  const apiError = toApiError(error);
  if (res.headersSent) {
    // A stream already under way cannot change its status line: cut it so the client notices.
    res.destroy();
    return;
  }
  sendJson(res, apiError.code, apiError.status);
}

/** The bytes of a complete HTTP error response, for a raw socket (upgrade requests have no ServerResponse). */
export function rawStatusResponse(error: ApiError | unknown): string {
  const apiError = toApiError(error);
  const body = JSON.stringify(apiError.status);
  return (
    `HTTP/1.1 ${apiError.code} ${httpReason(apiError.code)}\r\n` +
    'Content-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

function httpReason(code: number): string {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    410: 'Gone',
    413: 'Request Entity Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
    500: 'Internal Server Error',
  };
  return reasons[code] ?? 'Error';
}
