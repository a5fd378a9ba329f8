// Reading and decoding request bodies as the API server does: at most 3 MiB, JSON or YAML by Content-Type,
// decode failures as 400 BadRequest with Go's wording, unknown content types as 415.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest } from '../kube/api-error.js';
import { decodeProtobufObject } from './protobuf-body.js';
import { bodyTooLarge, unsupportedBodyType } from './status-errors.js';

export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(bodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(bodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
      failed = true;
    });
  });
}

export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** JS's JSON.parse message turned into what Go's encoding/json says for the same input. */
function goJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const token = /Unexpected token '?(.)'?/.exec(message) ?? /Unexpected (?:non-whitespace )?character.*?'(.)'/.exec(message);
  if (token && text.trim().length > 0) return `invalid character '${token[1]}' looking for beginning of value`;
  return 'unexpected end of JSON input';
}

export function decodeJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${goJsonError(text, e)}`);
  }
}

export function decodeYaml(body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    return parseYaml(text, { uniqueKeys: false });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw badRequest(`error converting YAML to JSON: yaml: ${message}`);
  }
}

/** The object of a POST or PUT. */
export function decodeObject(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = mediaTypeOf(req);
  let value: unknown;
  if (type === 'application/json' || type === '') value = decodeJson(body);
  else if (type === 'application/yaml') value = decodeYaml(body);
  else if (type === 'application/vnd.kubernetes.protobuf') value = decodeProtobufObject(body);
  else throw unsupportedBodyType(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  return value as Record<string, unknown>;
}

export type PatchKind = 'strategic' | 'merge' | 'json' | 'apply';

const PATCH_TYPES: Record<string, PatchKind> = {
  'application/strategic-merge-patch+json': 'strategic',
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
  'application/apply-patch+yaml': 'apply',
};

export function patchKindOf(req: IncomingMessage): PatchKind {
  const kind = PATCH_TYPES[mediaTypeOf(req)];
  if (!kind) throw unsupportedBodyType(Object.keys(PATCH_TYPES).sort());
  return kind;
}

export function decodePatch(kind: PatchKind, body: Buffer): unknown {
  if (kind === 'apply') {
    const value = decodeYaml(body);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw badRequest('error decoding YAML: the body of an apply patch must be an object');
    }
    return value;
  }
  const text = body.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ApiError('BadRequest', `error decoding patch: ${goJsonError(text, e)}`);
  }
  if (kind === 'json' ? !Array.isArray(value) : value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(
      kind === 'json'
        ? 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'
        : `error decoding patch: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`,
    );
  }
  return value;
}
