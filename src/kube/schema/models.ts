// The maintained OpenAPI validators (kubernetes-models, generated from the Kubernetes OpenAPI spec), one per
// built-in kind. Loaded lazily and synchronously on first use: importing all of them costs most of a second,
// while a Pod's validator alone loads in a fraction of that and a second kind costs a few milliseconds more.
import { createRequire } from 'node:module';
import type { KindInfo } from '../kinds.js';

/** A kubernetes-models class: its prototype's validate() checks `this` against the kind's schema and throws. */
export interface SchemaModel {
  prototype: { validate(): void };
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, SchemaModel | undefined>();

/** The validator class for a kind, or undefined when the package has none. */
export function schemaModelFor(info: Pick<KindInfo, 'group' | 'version' | 'kind'>): SchemaModel | undefined {
  const module = `kubernetes-models/${info.group === '' ? '' : `${info.group}/`}${info.version}/${info.kind}`;
  if (!loaded.has(module)) {
    let model: SchemaModel | undefined;
    try {
      model = (require(module) as Record<string, SchemaModel>)[info.kind];
    } catch {
      model = undefined;
    }
    loaded.set(module, model);
  }
  return loaded.get(module);
}
