// The smallest OpenAPI v3 that `kubectl apply`/`create` accept: per group-version, a `patch` operation for
// every kind carrying the `fieldValidation` query parameter. kubectl then sends fieldValidation=Strict and
// leaves validation to the server. No schemas: kubectl computes strategic merge patches from its built-ins
// (and no request body type is listed, so it does not try the schema-based route at all).
import { createHash } from 'node:crypto';
import { apiVersionOf } from '../kube/kinds.js';
import type { ServedKinds } from './served-kinds.js';

function docPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** A hash of what a document lists, so kubectl's HTTP cache never serves a stale one. */
function docHash(kinds: ServedKinds, group: string, version: string): string {
  const names = kinds.inGroupVersion(group, version).map((k) => `${k.kind}:${k.resource}:${k.namespaced}`);
  return createHash('sha256').update(names.join(',')).digest('hex').slice(0, 16).toUpperCase();
}

export function openapiV3Root(kinds: ServedKinds): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const group of kinds.groups()) {
    for (const version of kinds.versions(group)) {
      const path = docPath(group, version);
      paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${docHash(kinds, group, version)}` };
    }
  }
  return { paths };
}

export function openapiV3Document(kinds: ServedKinds, group: string, version: string): Record<string, unknown> | undefined {
  const inVersion = kinds.inGroupVersion(group, version);
  if (inVersion.length === 0) return undefined;
  const prefix = `/${group ? 'apis' : 'api'}/${apiVersionOf({ group, version })}`;
  const paths: Record<string, unknown> = {};
  for (const k of inVersion) {
    const path = k.namespaced ? `${prefix}/namespaces/{namespace}/${k.resource}/{name}` : `${prefix}/${k.resource}/{name}`;
    paths[path] = {
      patch: {
        'x-kubernetes-group-version-kind': { group: k.group, version: k.version, kind: k.kind },
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string' } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string' } },
          { name: 'force', in: 'query', schema: { type: 'boolean' } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.4' },
    paths,
    components: { schemas: {} },
  };
}
