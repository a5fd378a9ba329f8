// What a resource handler gets: the request, the resolved kind and path, and the cluster behind it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterSource } from '../kube/cluster-source.js';
import { apiVersionOf, type KindInfo } from '../kube/kinds.js';
import type { ObjectRef } from '../kube/types.js';
import type { ResourcePath } from './api-paths.js';
import type { MediaRange } from './media-types.js';

export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  accept: MediaRange[];
  source: ClusterSource;
  info: KindInfo;
  path: ResourcePath;
  /** How often a watch that allows bookmarks gets one (default a minute, as the API server). */
  bookmarkIntervalMs?: number;
}

export function refFor(r: ResourceRequest, name: string): ObjectRef {
  const ref: ObjectRef = { apiVersion: apiVersionOf(r.info), kind: r.info.kind, name };
  if (r.info.namespaced && r.path.namespace !== undefined) ref.namespace = r.path.namespace;
  return ref;
}
