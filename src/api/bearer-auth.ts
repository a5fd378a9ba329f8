// Loopback needs no credentials. Any other address is reachable from the network, so the server then
// demands the bearer token written into its kubeconfig and answers 401 without it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hasBearerToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers['authorization'] ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!.trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Endpoints a real API server shows anonymous clients (system:public-info-viewer). */
export function isPublicPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0]!;
  return path === '/version' || path === '/healthz' || path === '/livez' || path === '/readyz';
}
