// POST, PUT, PATCH and DELETE on objects, passing fieldManager / fieldValidation / dryRun to the source and
// its warnings back as `Warning` headers.
import { badRequest, isApiError } from '../kube/api-error.js';
import type { PatchOptions, WriteOptions } from '../kube/cluster-source.js';
import { apiVersionOf } from '../kube/kinds.js';
import type { KubeObject } from '../kube/types.js';
import { sendJson, setWarnings } from './http-responses.js';
import { deleteOptions, dryRun, fieldValidation, isTrue, listOptions } from './query-options.js';
import { refFor, type ResourceRequest } from './request-context.js';
import { decodeJson, decodeObject, decodePatch, mediaTypeOf, patchKindOf, readBody } from './request-body.js';

function writeOptions(r: ResourceRequest): WriteOptions {
  const options: WriteOptions = { fieldValidation: fieldValidation(r.query) };
  const manager = r.query.get('fieldManager');
  if (manager) options.fieldManager = manager;
  if (dryRun(r.query)) options.dryRun = true;
  return options;
}

/** The body's apiVersion, kind and namespace checked against the URL and filled in where absent. */
function objectForPath(r: ResourceRequest, body: Record<string, unknown>, name?: string): KubeObject {
  const apiVersion = apiVersionOf(r.info);
  const object = body as KubeObject;
  if (object.apiVersion === undefined || object.apiVersion === '') object.apiVersion = apiVersion;
  if (object.kind === undefined || object.kind === '') object.kind = r.info.kind;
  if (object.apiVersion !== apiVersion) {
    throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersion})`);
  }
  if (object.kind !== r.info.kind) {
    throw badRequest(`the kind in the data (${object.kind}) does not match the expected kind (${r.info.kind})`);
  }
  if (object.metadata === undefined || object.metadata === null || typeof object.metadata !== 'object') object.metadata = {};
  const meta = object.metadata;
  if (r.info.namespaced && r.path.namespace !== undefined) {
    if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== r.path.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = r.path.namespace;
  }
  if (name !== undefined) {
    if (meta.name !== undefined && meta.name !== '' && meta.name !== name) {
      throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    }
    meta.name = name;
  }
  return object;
}

export async function createObject(r: ResourceRequest): Promise<void> {
  const body = decodeObject(r.req, await readBody(r.req));
  const object = objectForPath(r, body);
  const result = await r.source.create(object, writeOptions(r));
  setWarnings(r.res, result.warnings);
  sendJson(r.res, 201, result.object);
}

export async function updateObject(r: ResourceRequest, name: string): Promise<void> {
  const body = decodeObject(r.req, await readBody(r.req));
  const object = objectForPath(r, body, name);
  const result = r.path.subresource
    ? await r.source.patch(refFor(r, name), 'merge', { status: object['status'] }, { ...writeOptions(r), subresource: r.path.subresource })
    : await r.source.update(object, writeOptions(r));
  setWarnings(r.res, result.warnings);
  sendJson(r.res, 200, result.object);
}

export async function patchObject(r: ResourceRequest, name: string): Promise<void> {
  const type = patchKindOf(r.req);
  const patch = decodePatch(type, await readBody(r.req));
  const options: PatchOptions = writeOptions(r);
  if (r.path.subresource) options.subresource = r.path.subresource;
  const ref = refFor(r, name);
  if (type === 'apply') {
    if (!options.fieldManager) throw badRequest('PATCH, application/apply-patch+yaml requires fieldManager to be set');
    options.force = isTrue(r.query.get('force'));
    // Server-side apply creates what is missing (201); kubectl does not GET first. A source whose apply
    // patch does not create is given a create instead.
    if (!r.path.subresource && !(await exists(r, name))) {
      const object = objectForPath(r, patch as Record<string, unknown>, name);
      let created;
      try {
        created = await r.source.patch(ref, type, object, options);
      } catch (e) {
        if (!(isApiError(e) && e.code === 404)) throw e;
        created = await r.source.create(object, options);
      }
      setWarnings(r.res, created.warnings);
      sendJson(r.res, 201, created.object);
      return;
    }
  }
  const result = await r.source.patch(ref, type, patch, options);
  setWarnings(r.res, result.warnings);
  sendJson(r.res, 200, result.object);
}

async function exists(r: ResourceRequest, name: string): Promise<boolean> {
  try {
    await r.source.get(refFor(r, name));
    return true;
  } catch (e) {
    if (isApiError(e) && e.code === 404) return false;
    throw e;
  }
}

async function optionalJsonBody(r: ResourceRequest): Promise<Record<string, unknown> | undefined> {
  const raw = await readBody(r.req);
  if (raw.length === 0) return undefined;
  const type = mediaTypeOf(r.req);
  const value = type === 'application/yaml' ? decodeObject(r.req, raw) : decodeJson(raw);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export async function deleteObject(r: ResourceRequest, name: string): Promise<void> {
  const options = deleteOptions(r.query, await optionalJsonBody(r));
  const object = await r.source.delete(refFor(r, name), options);
  sendJson(r.res, 200, object);
}

export async function deleteCollection(r: ResourceRequest): Promise<void> {
  const options = deleteOptions(r.query, await optionalJsonBody(r));
  const list = await r.source.list(r.info.kind, listOptions(r.query, r.path.namespace), apiVersionOf(r.info));
  const deleted: KubeObject[] = [];
  for (const item of list.items) {
    try {
      deleted.push(await r.source.delete(refFor({ ...r, path: { ...r.path, namespace: item.metadata.namespace } }, item.metadata.name ?? ''), options));
    } catch (e) {
      if (!(isApiError(e) && e.code === 404)) throw e;
    }
  }
  sendJson(r.res, 200, { kind: `${r.info.kind}List`, apiVersion: apiVersionOf(r.info), metadata: { resourceVersion: list.resourceVersion }, items: deleted });
}

/** `POST pods/{name}/eviction` (kubectl drain): a policy/v1 Eviction carrying DeleteOptions. */
export async function evictPod(r: ResourceRequest, name: string): Promise<void> {
  const body = decodeObject(r.req, await readBody(r.req));
  const meta = body['metadata'] as { name?: string } | undefined;
  if (meta?.name !== undefined && meta.name !== name) {
    throw badRequest(`name in URL does not match name in Eviction object`);
  }
  const options = deleteOptions(r.query, body['deleteOptions'] as Record<string, unknown> | undefined);
  await r.source.evict(refFor(r, name), options);
  sendJson(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
