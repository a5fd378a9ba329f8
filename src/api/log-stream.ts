// `GET pods/{name}/log`: plain text, chunked; with follow=true it stays open and ends when the container
// stops. Errors (waiting to start, previous not found, container not valid) come from the source as Status.
import { badRequest } from '../kube/api-error.js';
import type { LogLine, LogOptions } from '../kube/cluster-source.js';
import type { Pod } from '../kube/types.js';
import { sendStatus } from './http-responses.js';
import { isTrue, nonNegativeInt } from './query-options.js';
import { refFor, type ResourceRequest } from './request-context.js';

/** Go's time.RFC3339Nano in UTC: nanoseconds with trailing zeros trimmed (`…05.1234Z`, `…05Z`). */
export function rfc3339Nano(epochMs: number): string {
  const wholeMs = Math.floor(epochMs);
  const iso = new Date(wholeMs).toISOString(); // 2024-01-02T03:04:05.123Z
  const nanos = Math.round((epochMs - Math.floor(epochMs / 1000) * 1000) * 1e6);
  const fraction = String(Math.min(nanos, 999_999_999)).padStart(9, '0').replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

function logOptions(query: URLSearchParams): LogOptions {
  const options: LogOptions = {};
  if (isTrue(query.get('follow'))) options.follow = true;
  if (isTrue(query.get('previous'))) options.previous = true;
  if (isTrue(query.get('timestamps'))) options.timestamps = true;
  const tailLines = nonNegativeInt(query, 'tailLines');
  if (tailLines !== undefined) options.tailLines = tailLines;
  const sinceSeconds = nonNegativeInt(query, 'sinceSeconds');
  if (sinceSeconds !== undefined) {
    if (sinceSeconds < 1) throw badRequest('PodLogOptions "" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0');
    options.sinceSeconds = sinceSeconds;
  }
  const sinceTime = query.get('sinceTime');
  if (sinceTime) {
    if (Number.isNaN(Date.parse(sinceTime))) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
    options.sinceTime = sinceTime;
  }
  const limitBytes = nonNegativeInt(query, 'limitBytes');
  if (limitBytes !== undefined) options.limitBytes = limitBytes;
  return options;
}

/** With no `container=`, a Pod with one container means that one; otherwise the API server's 400. */
async function containerName(r: ResourceRequest, podName: string): Promise<string> {
  const given = r.query.get('container');
  if (given) return given;
  const pod = (await r.source.get(refFor(r, podName))) as Pod;
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  if (names.length === 1) return names[0]!;
  throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]`);
}

export async function streamLogs(r: ResourceRequest, podName: string): Promise<void> {
  const options = logOptions(r.query);
  const container = await containerName(r, podName);
  const res = r.res;
  const limit = options.limitBytes;
  let written = 0;
  let open = true;
  let started = false;
  let backlog: string[] = [];
  let unsubscribe: (() => void) | undefined;

  const stop = () => {
    if (!open) return;
    open = false;
    unsubscribe?.();
    if (started) res.end();
  };
  const emit = (text: string) => {
    if (!open) return;
    let chunk = text;
    if (limit !== undefined && written + Buffer.byteLength(chunk) > limit) {
      chunk = Buffer.from(chunk).subarray(0, limit - written).toString('utf8');
    }
    written += Buffer.byteLength(chunk);
    if (!started) backlog.push(chunk);
    else if (chunk) res.write(chunk);
    if (limit !== undefined && written >= limit) stop();
  };
  res.on('close', () => {
    open = false;
    unsubscribe?.();
  });

  const sink = {
    line: (line: LogLine) => emit(`${options.timestamps ? `${rfc3339Nano(line.time)} ` : ''}${line.text}\n`),
    end: () => stop(),
  };
  try {
    unsubscribe = await r.source.logs({ namespace: r.path.namespace ?? 'default', pod: podName, container }, options, sink);
  } catch (e) {
    open = false;
    sendStatus(res, e);
    return;
  }
  // Lines delivered while the source was starting are held until we know there is no error to report.
  started = true;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const held = backlog.join('');
  backlog = [];
  if (held) res.write(held);
  if (!open) {
    unsubscribe?.();
    res.end();
  }
}
