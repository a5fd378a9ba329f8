// Large lists (10,000 Pods) are serialised in batches, yielding to the event loop between them, so one big
// `kubectl get pods -A` never freezes the dashboard or other requests. The bytes are the same JSON a single
// JSON.stringify would give.
import type { ServerResponse } from 'node:http';

const BATCH = 500;

/**
 * Writes `{...head, [arrayKey]: [...items]}` with each batch of items turned into JSON texts by `render`
 * (which may do the expensive per-item work, e.g. printing table rows) just before it is written.
 */
export async function writeJsonWithArray<T>(
  res: ServerResponse,
  head: Record<string, unknown>,
  arrayKey: string,
  items: readonly T[],
  render: (batch: readonly T[]) => string[],
): Promise<void> {
  const headText = JSON.stringify(head);
  const open = headText === '{}' ? `{"${arrayKey}":[` : `${headText.slice(0, -1)},"${arrayKey}":[`;
  if (items.length <= BATCH) {
    const text = `${open}${render(items).join(',')}]}`;
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
    return;
  }
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.write(open);
  let wroteAny = false;
  for (let i = 0; i < items.length; i += BATCH) {
    if (closed) return;
    const rendered = render(items.slice(i, i + BATCH));
    if (rendered.length === 0) continue;
    const text = (wroteAny ? ',' : '') + rendered.join(',');
    wroteAny = true;
    if (!res.write(text)) await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!closed) res.end(']}');
}
