// GET of one object or a list, as a plain object/list or as a Table for `kubectl get`.
import { apiVersionOf } from '../kube/kinds.js';
import type { KubeObject } from '../kube/types.js';
import { sendJson } from './http-responses.js';
import { objectJson, tableRowJson } from './object-json.js';
import { responseShape } from './media-types.js';
import { listOptions } from './query-options.js';
import { refFor, type ResourceRequest } from './request-context.js';
import { writeJsonWithArray } from './streamed-json.js';
import { includeObjectParam, tableColumns, tableOf, tableRows } from './tables.js';

export async function getObject(r: ResourceRequest, name: string): Promise<void> {
  const object = await r.source.get(refFor(r, name));
  const shape = responseShape(r.accept);
  if (!shape.table) {
    sendJson(r.res, 200, object);
    return;
  }
  const includeObject = includeObjectParam(r.query.get('includeObject'));
  sendJson(r.res, 200, tableOf(r.info.kind, [object], r.source.now(), includeObject, shape.apiVersion, object.metadata.resourceVersion ?? ''));
}

export async function listObjects(r: ResourceRequest): Promise<void> {
  const result = await r.source.list(r.info.kind, listOptions(r.query, r.path.namespace), apiVersionOf(r.info));
  // `limit` is not honoured: the whole list is one page without a `continue` token, which kubectl accepts
  // (it stops paging), and one response is much faster for it than twenty pages of 500.
  const items: readonly KubeObject[] = result.items;
  const metadata = { resourceVersion: result.resourceVersion };
  const shape = responseShape(r.accept);
  r.res.statusCode = 200;
  r.res.setHeader('Content-Type', 'application/json');
  r.res.setHeader('Cache-Control', 'no-cache, private');
  if (!shape.table) {
    const head = { kind: `${r.info.kind}List`, apiVersion: apiVersionOf(r.info), metadata };
    await writeJsonWithArray(r.res, head, 'items', items, (batch) => batch.map(objectJson));
    return;
  }
  const now = r.source.now();
  const includeObject = includeObjectParam(r.query.get('includeObject'));
  const head = { kind: 'Table', apiVersion: shape.apiVersion, metadata, columnDefinitions: tableColumns(r.info.kind) };
  await writeJsonWithArray(r.res, head, 'rows', items, (batch) => tableRows(r.info.kind, batch, now, includeObject).map(tableRowJson));
}
