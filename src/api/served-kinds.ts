// The kinds this server answers for: those the ClusterSource serves, described as a v1.32 API server's
// discovery describes them (short names, categories, verbs, subresources from src/kube/kinds.ts).
import type { ClusterSource, ServedKind } from '../kube/cluster-source.js';
import { findKindByResource, type KindInfo } from '../kube/kinds.js';

const DEFAULT_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export class ServedKinds {
  readonly kinds: readonly KindInfo[];
  private readonly byResource = new Map<string, KindInfo>();

  constructor(served: readonly ServedKind[]) {
    const kinds: KindInfo[] = [];
    for (const s of served) {
      const key = resourceKey(s.group, s.version, s.resource);
      if (this.byResource.has(key)) continue;
      const info = describe(s);
      kinds.push(info);
      this.byResource.set(key, info);
    }
    this.kinds = kinds;
  }

  static of(source: ClusterSource): ServedKinds {
    return new ServedKinds(source.kinds());
  }

  find(group: string, version: string, resource: string): KindInfo | undefined {
    return this.byResource.get(resourceKey(group, version, resource));
  }

  /** Group names in discovery order (the core group, `''`, first when served). */
  groups(): string[] {
    return [...new Set(this.kinds.map((k) => k.group))];
  }

  /** A group's versions, preferred first. */
  versions(group: string): string[] {
    return [...new Set(this.kinds.filter((k) => k.group === group).map((k) => k.version))];
  }

  inGroupVersion(group: string, version: string): KindInfo[] {
    return this.kinds.filter((k) => k.group === group && k.version === version);
  }
}

function resourceKey(group: string, version: string, resource: string): string {
  return `${group}|${version}|${resource}`;
}

function describe(s: ServedKind): KindInfo {
  const known = findKindByResource(s.group, s.version, s.resource);
  if (known) return { ...known, namespaced: s.namespaced, simulated: s.simulated };
  return {
    group: s.group,
    version: s.version,
    kind: s.kind,
    resource: s.resource,
    singular: s.kind.toLowerCase(),
    namespaced: s.namespaced,
    shortNames: [],
    categories: [],
    verbs: DEFAULT_VERBS,
    subresources: [],
    simulated: s.simulated,
  };
}
