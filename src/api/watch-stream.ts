// `?watch=true`: a long-lived chunked response of newline-delimited WatchEvents, full objects or one-row
// Tables as Accept asks. It stays open until the client leaves or `timeoutSeconds` passes: kubectl's
// `get -w` exits silently when the server ends the stream.
import { isApiError } from '../kube/api-error.js';
import type { WatchEvent, WatchOptions } from '../kube/cluster-source.js';
import { apiVersionOf } from '../kube/kinds.js';
import { responseShape } from './media-types.js';
import { objectJson, tableRowJson } from './object-json.js';
import { isTrue, listOptions, nonNegativeInt } from './query-options.js';
import type { ResourceRequest } from './request-context.js';
import { toApiError } from './status-errors.js';
import { includeObjectParam, tableColumns, tableRows } from './tables.js';

const MAX_UNREAD_BYTES = 64 * 1024 * 1024;

export function watchObjects(r: ResourceRequest, name?: string): void {
  const options: WatchOptions = listOptions(r.query, r.path.namespace);
  if (name !== undefined) {
    const byName = `metadata.name=${name}`;
    options.fieldSelector = options.fieldSelector ? `${options.fieldSelector},${byName}` : byName;
  }
  const resourceVersion = r.query.get('resourceVersion');
  if (resourceVersion) options.resourceVersion = resourceVersion;
  const timeoutSeconds = nonNegativeInt(r.query, 'timeoutSeconds');
  const bookmarks = isTrue(r.query.get('allowWatchBookmarks'));
  let lastResourceVersion = resourceVersion ?? '';

  const shape = responseShape(r.accept);
  const includeObject = includeObjectParam(r.query.get('includeObject'));
  let columnsSent = false;
  const encode = (event: WatchEvent): string => {
    if (!shape.table) return `{"type":"${event.type}","object":${objectJson(event.object)}}`;
    // A one-row Table; the header is printed once, so later events leave the columns out (kubectl
    // reuses the last ones).
    const columns = columnsSent ? '[]' : JSON.stringify(tableColumns(r.info.kind));
    columnsSent = true;
    const row = tableRowJson(tableRows(r.info.kind, [event.object], r.source.now(), includeObject)[0]!);
    const metadata = JSON.stringify({ resourceVersion: event.object.metadata.resourceVersion ?? '' });
    return `{"type":"${event.type}","object":{"kind":"Table","apiVersion":"${shape.apiVersion}","metadata":${metadata},"columnDefinitions":${columns},"rows":[${row}]}}`;
  };

  const res = r.res;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();

  // Events are batched per event-loop turn: a burst of thousands of changes becomes a few large writes.
  let pending: string[] = [];
  let flushScheduled = false;
  let open = true;
  const flush = () => {
    flushScheduled = false;
    if (!open || pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    res.write(text);
    // A client that stops reading is dropped, as the API server drops a watcher that falls too far
    // behind: it lists again and resumes, instead of our memory growing without end.
    if (res.writableLength > MAX_UNREAD_BYTES) setImmediate(finish);
  };
  const enqueue = (line: string) => {
    if (!open) return;
    pending.push(line + '\n');
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };

  let unsubscribe: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let bookmarkTimer: NodeJS.Timeout | undefined;
  const stopTimers = () => {
    if (timer) clearTimeout(timer);
    if (bookmarkTimer) clearInterval(bookmarkTimer);
  };
  const finish = () => {
    if (!open) return;
    flush();
    open = false;
    stopTimers();
    unsubscribe?.();
    unsubscribe = undefined;
    res.end();
  };
  // Not req.on('close'): since Node 18 that fires once the request body is read, not when the client leaves.
  res.on('close', () => {
    open = false;
    stopTimers();
    unsubscribe?.();
    unsubscribe = undefined;
  });

  try {
    unsubscribe = r.source.watch(
      r.info.kind,
      options,
      (event) => {
        try {
          lastResourceVersion = event.object.metadata.resourceVersion ?? lastResourceVersion;
          enqueue(encode(event));
        } catch (e) {
          enqueue(JSON.stringify({ type: 'ERROR', object: toApiError(e).status }));
          setImmediate(finish);
        }
      },
      apiVersionOf(r.info),
    );
  } catch (e) {
    // A resourceVersion too old (or any failure to start) is reported inside the stream, as the server does.
    const status = isApiError(e) && (e.code === 410 || e.reason === 'Gone') ? { ...e.status, reason: 'Expired', code: 410 } : toApiError(e).status;
    enqueue(JSON.stringify({ type: 'ERROR', object: status }));
    setImmediate(finish);
    return;
  }
  if (!open) {
    unsubscribe?.();
    return;
  }
  if (timeoutSeconds !== undefined && timeoutSeconds > 0) timer = setTimeout(finish, timeoutSeconds * 1000);
  // Like the API server, about once a minute: the resourceVersion a client may resume from.
  if (bookmarks && !shape.table) {
    bookmarkTimer = setInterval(() => {
      if (!lastResourceVersion || lastResourceVersion === '0') return;
      const object = { kind: r.info.kind, apiVersion: apiVersionOf(r.info), metadata: { resourceVersion: lastResourceVersion } };
      enqueue(JSON.stringify({ type: 'BOOKMARK', object }));
    }, r.bookmarkIntervalMs ?? 60_000);
  }
}
