// The API server's decoding errors: unknown fields under `fieldValidation=Strict` (kubectl's default) and
// values of the wrong JSON type, with the texts a real server sends back (400 BadRequest).
import { badRequest, type ApiError } from '../api-error.js';
import { QuantityFormatError } from '../quantity.js';
import { probeSchema, type SchemaTypeError } from './schema-probe.js';
import { goFieldType, goStructName, isMapField } from './go-type-names.js';

/** Paths like `spec.containers[0].imagee` of every field the kind's schema does not know ([] for unknown kinds). */
export function unknownFields(obj: unknown): string[] {
  return probeSchema(obj)?.unknownPaths ?? [];
}

/** `Pod in version "v1" cannot be handled as a Pod: ` — the prefix of every decoding error. */
function cannotBeHandled(obj: unknown): string {
  const o = (obj ?? {}) as { apiVersion?: unknown; kind?: unknown };
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  return `${kind} in version "${version}" cannot be handled as a ${kind}: `;
}

/** 400 `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.x", unknown field "y"`. */
export function strictDecodingError(obj: unknown, paths: string[]): ApiError {
  const fields = paths.map((p) => `unknown field "${p}"`).join(', ');
  return badRequest(`${cannotBeHandled(obj)}strict decoding error: ${fields}`);
}

/**
 * The decode error a real API server gives for the first value of the wrong JSON type, e.g.
 * `Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field
 * Container.spec.containers.image of type string`; undefined when every value has a decodable type.
 */
export function decodingError(obj: unknown): ApiError | undefined {
  const first = probeSchema(obj)?.typeErrors[0];
  if (!first) return undefined;
  return badRequest(`${cannotBeHandled(obj)}${unmarshalMessage(obj, first)}`);
}

function unmarshalMessage(obj: unknown, err: SchemaTypeError): string {
  if (err.expected === 'quantity') return new QuantityFormatError().message;
  const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const value = segments.reduce<unknown>((cur, key) => (cur as Record<string, unknown>)?.[key], obj);
  const fields = segments.filter((s) => !/^\d+$/.test(s));
  if (fields.length > 1 && isMapField(fields[fields.length - 2]!)) fields.pop();
  const kind = String((obj as { kind?: unknown }).kind ?? '');
  const field = fields.join('.');
  const struct = goStructName(kind, fields.slice(0, -1));
  const goType = goFieldType(kind, fields, err.expected);
  // Go names the literal when a fraction does not fit an integer field: `number 1.5`.
  const what = typeof value === 'number' && err.expected === 'integer' ? `number ${value}` : jsonValueName(value);
  return `json: cannot unmarshal ${what} into Go struct field ${struct}.${field} of type ${goType}`;
}

/** How Go's encoding/json names the JSON value it could not store. */
function jsonValueName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}
