// What wget and curl share: parsing `host:port/path` URLs and sending one request over the Pod's network.

import { ConnectionRefused, type HttpResponse } from '../types.js';
import type { Proc } from '../process/program.js';

export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

export function parseUrl(text: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([/?][^#]*)?/.exec(text);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  return { scheme, host: m[2]!, port, path };
}

/** The address a client prints: what `localhost` resolves to, or the host itself. */
export function addressOf(host: string): string {
  return host === 'localhost' ? '127.0.0.1' : host;
}

export type RequestOutcome = { response: HttpResponse } | { refused: true } | { unresolved: true };

export function sendRequest(proc: Proc, url: Url, method: string, headers: Record<string, string>, body?: string): RequestOutcome {
  try {
    const response = proc.host.context.network.request(url.host, url.port, {
      method,
      path: url.path,
      headers: { host: url.port === 80 ? url.host : `${url.host}:${url.port}`, ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    return { response };
  } catch (error) {
    if (error instanceof ConnectionRefused) return { refused: true };
    return { unresolved: true };
  }
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};
