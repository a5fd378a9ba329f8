// JSON for the objects a ClusterSource hands out. The simulator's store is copy-on-write: a new version of a
// Pod shares its unchanged parts (spec, often status and metadata) with the previous one, and nothing it
// returns is ever mutated. So the JSON of each part is computed once, keyed by the part's identity, and
// reused: a watch of status or label changes, or a list asked for again and again, serialises only what
// changed. A source that returns fresh copies simply never hits the cache.
import type { TableRow } from '../kube/print/table.js';

const cache = new WeakMap<object, string>();

function memberJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text = cache.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    cache.set(value, text);
  }
  return text;
}

/** JSON.stringify(obj) for a Kubernetes object, from its members' cached JSON. */
export function objectJson(obj: object): string {
  let out = '{';
  let first = true;
  for (const key of Object.keys(obj)) {
    const text = memberJson((obj as Record<string, unknown>)[key]);
    if (text === undefined) continue; // undefined members are left out, as JSON.stringify does
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** One Table row: cells afresh, its object (PartialObjectMetadata's metadata, or the whole object) cached. */
export function tableRowJson(row: TableRow): string {
  let out = `{"cells":${JSON.stringify(row.cells)}`;
  if (row.conditions !== undefined) out += `,"conditions":${JSON.stringify(row.conditions)}`;
  const object = row.object;
  if (object !== undefined) {
    out +=
      object.kind === 'PartialObjectMetadata'
        ? `,"object":{"kind":"PartialObjectMetadata","apiVersion":${JSON.stringify(object.apiVersion)},"metadata":${memberJson(object.metadata)}}`
        : `,"object":${objectJson(object)}`;
  }
  return `${out}}`;
}
