// JSON patch (RFC 6902), `application/json-patch+json`, as the API server applies it (through
// evanphx/json-patch v4): add, remove, replace, move, copy and test on JSON pointers, `-` for "after
// the last item", negative indexes counted from the end. A failing operation throws the server's 422
// with the library's message as its cause; the input object is never changed.

import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from './json-value.js';
import { malformedPatch, patchNotApplicable } from './patch-errors.js';

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test' | string;
  path: string;
  from?: string;
  value?: unknown;
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

class PatchFailure extends Error {}

/** `original` with every operation of `ops` applied in order. */
export function applyJsonPatch<T>(original: T, ops: unknown): T {
  if (!Array.isArray(ops)) throw malformedPatch('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const doc = cloneJson(original) as unknown as JsonValue;
  try {
    for (const raw of ops) {
      const op = (isJsonObject(raw) ? raw : {}) as Partial<JsonPatchOperation> & JsonObject;
      applyOne(doc, op);
    }
  } catch (e) {
    if (e instanceof PatchFailure) throw patchNotApplicable(e.message);
    throw e;
  }
  return doc as unknown as T;
}

type Container = JsonObject | JsonValue[];

/** The container the pointer's last token lives in, and that token (evanphx's findObject). */
function locate(doc: JsonValue, pointer: string): [Container, string] | undefined {
  const tokens = pointer.split('/');
  if (tokens.length < 2 || !(isJsonObject(doc) || Array.isArray(doc))) return undefined;
  let at: Container = doc;
  for (const raw of tokens.slice(1, -1)) {
    let next: JsonValue | undefined;
    try {
      next = get(at, unescape(raw));
    } catch {
      return undefined;
    }
    if (!(isJsonObject(next) || Array.isArray(next))) return undefined;
    at = next;
  }
  return [at, unescape(tokens[tokens.length - 1]!)];
}

function unescape(token: string): string {
  return token.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

function parseIndex(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new PatchFailure(`strconv.Atoi: parsing "${key}": invalid syntax`);
  return Number.parseInt(key, 10);
}

function get(c: Container, key: string): JsonValue | undefined {
  if (!Array.isArray(c)) return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined;
  const i = parseIndex(key);
  if (i >= c.length) throw new PatchFailure(`Unable to access invalid index: ${i}: ${INVALID_INDEX}`);
  return c[i < 0 ? i + c.length : i];
}

function add(c: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(c)) {
    c[key] = value;
    return;
  }
  if (key === '-') {
    c.push(value);
    return;
  }
  let i: number;
  try {
    i = parseIndex(key);
  } catch (e) {
    throw new PatchFailure(`value was not a proper array index: '${key}': ${(e as Error).message}`);
  }
  const size = c.length + 1;
  if (i >= size || i < -size) throw new PatchFailure(`Unable to access invalid index: ${i}: ${INVALID_INDEX}`);
  c.splice(i < 0 ? i + size : i, 0, value);
}

function remove(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!Object.prototype.hasOwnProperty.call(c, key)) throw new PatchFailure(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete c[key];
    return;
  }
  const i = parseIndex(key);
  if (i >= c.length || i < -c.length) throw new PatchFailure(`Unable to access invalid index: ${i}: ${INVALID_INDEX}`);
  c.splice(i < 0 ? i + c.length : i, 1);
}

function wrap(prefix: string, e: unknown): PatchFailure {
  return new PatchFailure(`${prefix}: ${(e as Error).message}`);
}

function applyOne(doc: JsonValue, op: Partial<JsonPatchOperation> & JsonObject): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const path = typeof op.path === 'string' ? op.path : undefined;
  const value = op.value === undefined ? null : (cloneJson(op.value) as JsonValue);
  if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(kind)) throw new PatchFailure(`Unexpected kind: ${kind}`);
  if (path === undefined) throw new PatchFailure(`${kind} operation failed to decode path: ${MISSING}`);

  switch (kind) {
    case 'add': {
      const at = locate(doc, path);
      if (!at) throw new PatchFailure(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      try {
        add(at[0], at[1], value);
      } catch (e) {
        throw wrap(`error in add for path: '${path}'`, e);
      }
      return;
    }
    case 'remove': {
      const at = locate(doc, path);
      if (!at) throw new PatchFailure(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      try {
        remove(at[0], at[1]);
      } catch (e) {
        throw wrap(`error in remove for path: '${path}'`, e);
      }
      return;
    }
    case 'replace': {
      const at = locate(doc, path);
      if (!at) throw new PatchFailure(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
      const [c, key] = at;
      if (Array.isArray(c)) {
        let i: number;
        try {
          i = parseIndex(key);
          get(c, key);
        } catch {
          throw new PatchFailure(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
        }
        c[i < 0 ? i + c.length : i] = value;
      } else {
        // evanphx v4 (what the API server uses) lets replace create a missing member.
        c[key] = value;
      }
      return;
    }
    case 'move':
    case 'copy': {
      const from = typeof op.from === 'string' ? op.from : undefined;
      if (from === undefined) throw new PatchFailure(`${kind} operation failed to decode from: operation, missing from field: ${MISSING}`);
      const src = locate(doc, from);
      if (!src) throw new PatchFailure(`${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      let moved: JsonValue | undefined;
      try {
        moved = get(src[0], src[1]);
      } catch (e) {
        throw wrap(kind === 'move' ? `error in move for path: '${src[1]}'` : `error in copy for from: '${from}'`, e);
      }
      if (kind === 'move') {
        try {
          remove(src[0], src[1]);
        } catch (e) {
          throw wrap(`error in move for path: '${src[1]}'`, e);
        }
      } else if (moved === undefined) {
        throw new PatchFailure(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      }
      const dest = locate(doc, path);
      if (!dest) throw new PatchFailure(`${kind} operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      try {
        add(dest[0], dest[1], kind === 'copy' ? cloneJson(moved!) : (moved ?? null));
      } catch (e) {
        throw wrap(kind === 'move' ? `error in move for path: '${path}'` : 'error while adding value during copy', e);
      }
      return;
    }
    case 'test': {
      const at = locate(doc, path);
      if (!at) throw new PatchFailure(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
      let actual: JsonValue | undefined;
      try {
        actual = get(at[0], at[1]);
      } catch (e) {
        throw wrap(`error in test for path: '${path}'`, e);
      }
      const expected = 'value' in op ? op.value : undefined;
      const passes = actual === undefined || actual === null ? expected === null : expected !== undefined && jsonEqual(actual, expected);
      if (!passes) throw new PatchFailure(`testing value ${path} failed: test failed`);
      return;
    }
  }
}
