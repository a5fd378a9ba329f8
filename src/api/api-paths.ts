// What a request path names: a fixed endpoint (version, health, discovery, OpenAPI) or a resource path
// `/api/v1/namespaces/{ns}/{resource}/{name}/{subresource}` (`/apis/{group}/{version}/…` for named groups).

export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

export type ApiPath =
  | { type: 'version' }
  | { type: 'health'; check: string }
  | { type: 'coreVersions' } // GET /api
  | { type: 'groups' } // GET /apis
  | { type: 'group'; group: string } // GET /apis/{group}
  | { type: 'resourceList'; group: string; version: string } // GET /api/v1, /apis/{group}/{version}
  | { type: 'openapiV3Root' }
  | { type: 'openapiV3Doc'; group: string; version: string }
  | { type: 'openapiV2' }
  | { type: 'resource'; path: ResourcePath }
  | { type: 'unknown' };

export function parseApiPath(pathname: string): ApiPath {
  const segments = pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => safeDecode(s));
  const [first, second, third] = segments;
  if (first === undefined) return { type: 'unknown' };
  if (segments.length === 1 && first === 'version') return { type: 'version' };
  if (first === 'healthz' || first === 'livez' || first === 'readyz') return { type: 'health', check: first };
  if (first === 'openapi') {
    if (second === 'v2' && segments.length === 2) return { type: 'openapiV2' };
    if (second !== 'v3') return { type: 'unknown' };
    if (segments.length === 2) return { type: 'openapiV3Root' };
    if (third === 'api' && segments.length === 4) return { type: 'openapiV3Doc', group: '', version: segments[3]! };
    if (third === 'apis' && segments.length === 5) return { type: 'openapiV3Doc', group: segments[3]!, version: segments[4]! };
    return { type: 'unknown' };
  }
  if (first === 'api') {
    if (segments.length === 1) return { type: 'coreVersions' };
    if (segments.length === 2) return { type: 'resourceList', group: '', version: second! };
    return resourcePath('', second!, segments.slice(2));
  }
  if (first === 'apis') {
    if (segments.length === 1) return { type: 'groups' };
    if (segments.length === 2) return { type: 'group', group: second! };
    if (segments.length === 3) return { type: 'resourceList', group: second!, version: third! };
    return resourcePath(second!, third!, segments.slice(3));
  }
  return { type: 'unknown' };
}

function resourcePath(group: string, version: string, rest: string[]): ApiPath {
  // `namespaces/{ns}/{resource}…` is a namespaced resource, except the namespace's own subresources
  // (`namespaces/{name}/status`, `/finalize`) and `namespaces/{name}` itself.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    const [, namespace, resource, name, subresource, ...extra] = rest;
    if (extra.length > 0) return { type: 'unknown' };
    return { type: 'resource', path: clean({ group, version, namespace, resource: resource!, name, subresource }) };
  }
  const [resource, name, subresource, ...extra] = rest;
  if (extra.length > 0 || resource === undefined) return { type: 'unknown' };
  return { type: 'resource', path: clean({ group, version, resource, name, subresource }) };
}

function clean(p: ResourcePath): ResourcePath {
  const out: ResourcePath = { group: p.group, version: p.version, resource: p.resource };
  if (p.namespace !== undefined) out.namespace = p.namespace;
  if (p.name !== undefined) out.name = p.name;
  if (p.subresource !== undefined) out.subresource = p.subresource;
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
