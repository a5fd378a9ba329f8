// Runs a kind's OpenAPI validator (kubernetes-models) over an object through recording proxies, to learn two
// things the validator does not say outright:
// - which fields the schema does not know. The compiled validators never reject extra properties, but they
//   read every property their schema declares (`void 0===data.name||…`) on every object they visit. A key of
//   a visited object that was never read is unknown. An object whose keys the validator enumerates is a map
//   (labels, resource quantities), and one on which it reads nothing is free-form: both are open.
// - which values have the wrong JSON type (the Go decoder's `cannot unmarshal` errors).
import { findKind } from '../kinds.js';
import { schemaModelFor } from './models.js';

export interface SchemaTypeError {
  /** JSON pointer of the offending value, e.g. `/spec/containers/0/image`. */
  instancePath: string;
  /**
   * The JSON schema type the value should have had: string, integer, boolean, number, object, array; or
   * `quantity` (a resource.Quantity that does not parse) or `int-or-string` (an intstr.IntOrString).
   */
  expected: string;
}

export interface SchemaProbe {
  /** Unknown fields, in document order, as the API server's strict decoder names them. */
  unknownPaths: string[];
  typeErrors: SchemaTypeError[];
}

interface Visit {
  read: Set<string>;
  enumerated: boolean;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: { type?: string; format?: string };
}

/** Undefined when the object's apiVersion/kind is not a built-in kind with a schema. */
export function probeSchema(obj: unknown): SchemaProbe | undefined {
  if (!isPlainObject(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return undefined;
  const info = findKind(obj.apiVersion, obj.kind);
  const model = info && schemaModelFor(info);
  if (!model) return undefined;

  const visits = new WeakMap<object, Visit>();
  let errors: AjvError[] = [];
  try {
    model.prototype.validate.call(recording(obj, visits));
  } catch (e) {
    errors = (e as { errors?: AjvError[] }).errors ?? [];
  }
  return {
    unknownPaths: collectUnknown(obj, '', visits),
    typeErrors: typeErrorsOf(errors).filter((err) => valueAt(obj, err.instancePath) !== null), // Go decodes null into anything
  };
}

// A quantity or int-or-string is a oneOf of string and number; its failures come as one type error per branch
// plus a `oneOf` (and a `format` error for a string that is not a quantity). Fold them into one.
function typeErrorsOf(errors: AjvError[]): SchemaTypeError[] {
  const out: SchemaTypeError[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    if (err.keyword !== 'type' && err.keyword !== 'format') continue;
    if (seen.has(err.instancePath)) continue;
    const here = errors.filter((e) => e.instancePath === err.instancePath);
    const oneOf = here.some((e) => e.keyword === 'oneOf');
    const quantity = here.some((e) => e.params.format === 'quantity') || (oneOf && here.some((e) => e.params.type === 'number'));
    const intOrString = !quantity && oneOf;
    if (err.keyword === 'format' && !quantity) continue;
    seen.add(err.instancePath);
    const expected = quantity ? 'quantity' : intOrString ? 'int-or-string' : (err.params.type ?? 'object');
    out.push({ instancePath: err.instancePath, expected });
  }
  return out;
}

function recording(target: object, visits: WeakMap<object, Visit>): object {
  const visit: Visit = { read: new Set(), enumerated: false };
  visits.set(target, visit);
  const children = new Map<string, object>();
  return new Proxy(target, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver);
      if (typeof key !== 'string') return value;
      visit.read.add(key);
      if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(t, key)) return value;
      let child = children.get(key);
      if (!child) children.set(key, (child = recording(value as object, visits)));
      return child;
    },
    has(t, key) {
      if (typeof key === 'string') visit.read.add(key);
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      visit.enumerated = true;
      return Reflect.ownKeys(t);
    },
  });
}

function collectUnknown(value: unknown, path: string, visits: WeakMap<object, Visit>, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectUnknown(item, `${path}[${i}]`, visits, out));
  } else if (isPlainObject(value)) {
    const visit = visits.get(value);
    if (!visit) return out; // not reached by the validator: below an unknown field or a type error
    const open = visit.enumerated || visit.read.size === 0;
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!open && !visit.read.has(key) && !missingFromSchema(path, key)) out.push(childPath);
      else collectUnknown(child, childPath, visits, out);
    }
  }
  return out;
}

// Fields a real API server knows that the bundled schemas lack: JSONSchemaProps' `description` and
// `x-kubernetes-*` extensions (the generator dropped them), and feature-gated fields newer than the bundle
// (v1.33), which a server with the gate off decodes and then drops rather than rejects.
const fieldsMissingFromSchema: { parent: RegExp; key: RegExp }[] = [
  { parent: /\.openAPIV3Schema(\.|$)/, key: /^(description|x-kubernetes-.*)$/ },
  { parent: /(^|\.)(initContainers|containers|ephemeralContainers)\[\d+\]$/, key: /^restartPolicyRules$/ },
  { parent: /\.projected\.sources\[\d+\]$/, key: /^podCertificate$/ },
  { parent: /\.valueFrom$/, key: /^fileKeyRef$/ },
  { parent: /^spec(\.template\.spec)?$/, key: /^hostnameOverride$/ },
];

function missingFromSchema(parentPath: string, key: string): boolean {
  return fieldsMissingFromSchema.some((f) => f.parent.test(parentPath) && f.key.test(key));
}

function valueAt(obj: unknown, pointer: string): unknown {
  let cur: unknown = obj;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
