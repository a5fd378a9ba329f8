// Dispatches one HTTP request: fixed endpoints (version, health, discovery, OpenAPI) and the resource verbs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest } from '../kube/api-error.js';
import type { ClusterSource } from '../kube/cluster-source.js';
import type { KindInfo } from '../kube/kinds.js';
import { parseApiPath, type ApiPath, type ResourcePath } from './api-paths.js';
import { answerAccessReview, isAccessReview } from './access-reviews.js';
import { aggregatedDiscovery, apiGroup, coreVersions, groupList, resourceList } from './discovery.js';
import { sendJson, sendStatus } from './http-responses.js';
import { streamLogs } from './log-stream.js';
import { acceptsJson, discoveryShape, parseAccept, type MediaRange } from './media-types.js';
import { openapiV3Document, openapiV3Root } from './openapi.js';
import { isTrue } from './query-options.js';
import type { ResourceRequest } from './request-context.js';
import { readBody } from './request-body.js';
import { getObject, listObjects } from './resource-reads.js';
import { createObject, deleteCollection, deleteObject, evictPod, patchObject, updateObject } from './resource-writes.js';
import { ServedKinds } from './served-kinds.js';
import { methodNotAllowed, notAcceptable, unknownPath } from './status-errors.js';
import { VERSION_INFO } from './version-info.js';
import { watchObjects } from './watch-stream.js';

export class ApiRouter {
  constructor(
    private readonly source: ClusterSource,
    private readonly serverAddress: () => string,
    private readonly bookmarkIntervalMs?: number,
  ) {}

  /** Handles the request completely; every failure becomes a Status response. Never rejects. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.route(req, res);
    } catch (e) {
      sendStatus(res, e);
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = parseApiPath(url.pathname);
    const accept = parseAccept(req.headers['accept']);
    const isLog = path.type === 'resource' && path.path.subresource === 'log';
    if (!isLog && !acceptsJson(accept)) throw notAcceptable();
    if (path.type !== 'resource') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
      this.fixedEndpoint(path, accept, res);
      return;
    }
    const kinds = ServedKinds.of(this.source);
    const info = kinds.find(path.path.group, path.path.version, path.path.resource);
    if (!info) throw unknownPath();
    const r: ResourceRequest = { req, res, query: url.searchParams, accept, source: this.source, info, path: path.path };
    if (this.bookmarkIntervalMs !== undefined) r.bookmarkIntervalMs = this.bookmarkIntervalMs;
    await this.resource(r);
  }

  private fixedEndpoint(path: ApiPath, accept: MediaRange[], res: ServerResponse): void {
    switch (path.type) {
      case 'version':
        sendJson(res, 200, VERSION_INFO);
        return;
      case 'health':
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
        res.end('ok');
        return;
      case 'coreVersions':
      case 'groups': {
        const kinds = ServedKinds.of(this.source);
        const shape = discoveryShape(accept);
        if (shape.aggregated) {
          sendJson(res, 200, aggregatedDiscovery(kinds, path.type === 'coreVersions', shape.version), shape.contentType);
        } else {
          sendJson(res, 200, path.type === 'coreVersions' ? coreVersions(this.serverAddress()) : groupList(kinds));
        }
        return;
      }
      case 'group':
        sendJson(res, 200, found(apiGroup(ServedKinds.of(this.source), path.group)));
        return;
      case 'resourceList':
        sendJson(res, 200, found(resourceList(ServedKinds.of(this.source), path.group, path.version)));
        return;
      case 'openapiV3Root':
        sendJson(res, 200, openapiV3Root(ServedKinds.of(this.source)));
        return;
      case 'openapiV3Doc':
        sendJson(res, 200, found(openapiV3Document(ServedKinds.of(this.source), path.group, path.version)));
        return;
      case 'openapiV2':
      case 'unknown':
      case 'resource':
        throw unknownPath();
    }
  }

  private async resource(r: ResourceRequest): Promise<void> {
    const { name, subresource, namespace } = r.path;
    const method = r.req.method ?? 'GET';
    checkScope(r.info, r.path);
    if (name === undefined) {
      if (method === 'GET') {
        if (isTrue(r.query.get('watch'))) return allow(r.info, 'watch', () => watchObjects(r));
        return allow(r.info, 'list', () => listObjects(r));
      }
      if (method === 'POST') {
        if (isAccessReview(r.info.group, r.info.resource)) {
          await readBody(r.req);
          return answerAccessReview(r.info.group, r.info.version, r.info.resource, r.res);
        }
        if (r.info.namespaced && namespace === undefined) throw methodNotAllowed();
        return allow(r.info, 'create', () => createObject(r));
      }
      if (method === 'DELETE') return allow(r.info, 'deletecollection', () => deleteCollection(r));
      throw methodNotAllowed();
    }
    if (subresource === undefined) {
      switch (method) {
        case 'GET':
          if (isTrue(r.query.get('watch'))) return allow(r.info, 'watch', () => watchObjects(r, name));
          return allow(r.info, 'get', () => getObject(r, name));
        case 'PUT':
          return allow(r.info, 'update', () => updateObject(r, name));
        case 'PATCH':
          return allow(r.info, 'patch', () => patchObject(r, name));
        case 'DELETE':
          return allow(r.info, 'delete', () => deleteObject(r, name));
        default:
          throw methodNotAllowed();
      }
    }
    const sub = r.info.subresources.find((s) => s.name === subresource);
    if (!sub) throw unknownPath();
    const subVerb = method === 'GET' ? 'get' : method === 'POST' ? 'create' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : '';
    if (!sub.verbs.includes(subVerb)) throw methodNotAllowed();
    const pod = r.info.group === '' && r.info.resource === 'pods';
    if (pod && subresource === 'log') return streamLogs(r, name);
    if (pod && subresource === 'exec') throw badRequest('Upgrade request required');
    if (pod && subresource === 'eviction') return evictPod(r, name);
    if (subresource === 'status') {
      if (method === 'GET') return getObject(r, name);
      if (method === 'PUT') return updateObject(r, name);
      return patchObject(r, name);
    }
    throw new ApiError('NotFound', `the simulator does not serve ${r.info.resource}/${subresource}`, {});
  }
}

function found<T>(value: T | undefined): T {
  if (value === undefined) throw unknownPath();
  return value;
}

function allow(info: KindInfo, verb: string, run: () => Promise<void> | void): Promise<void> | void {
  if (!info.verbs.includes(verb)) throw methodNotAllowed();
  return run();
}

/** A namespaced kind needs `namespaces/{ns}/` to name one object; a cluster-scoped kind never has it. */
function checkScope(info: KindInfo, path: ResourcePath): void {
  if (!info.namespaced && path.namespace !== undefined) throw unknownPath();
  if (info.namespaced && path.namespace === undefined && path.name !== undefined) throw unknownPath();
}
