// Discovery documents: aggregated (apidiscovery.k8s.io v2 / v2beta1, two requests and kubectl is done) and
// the legacy APIVersions / APIGroupList / APIGroup / APIResourceList for older or plain clients.
import { apiVersionOf, type KindInfo } from '../kube/kinds.js';
import type { ServedKinds } from './served-kinds.js';

function aggregatedResource(k: KindInfo): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    resource: k.resource,
    responseKind: { group: k.group, version: k.version, kind: k.kind },
    scope: k.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: k.singular,
    verbs: k.verbs,
  };
  if (k.shortNames.length > 0) entry['shortNames'] = k.shortNames;
  if (k.categories.length > 0) entry['categories'] = k.categories;
  if (k.subresources.length > 0) {
    entry['subresources'] = k.subresources.map((s) => ({
      subresource: s.name,
      responseKind: { group: s.group, version: s.version, kind: s.kind },
      verbs: s.verbs,
    }));
  }
  return entry;
}

function aggregatedGroup(kinds: ServedKinds, group: string): Record<string, unknown> {
  return {
    metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
    versions: kinds.versions(group).map((version) => ({
      version,
      resources: kinds.inGroupVersion(group, version).map(aggregatedResource),
      freshness: 'Current',
    })),
  };
}

/** `GET /api` (core) or `GET /apis` (every named group) as an APIGroupDiscoveryList. */
export function aggregatedDiscovery(kinds: ServedKinds, core: boolean, version: 'v2' | 'v2beta1'): Record<string, unknown> {
  const groups = kinds.groups().filter((g) => (core ? g === '' : g !== ''));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((g) => aggregatedGroup(kinds, g)),
  };
}

export function coreVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(kinds: ServedKinds, group: string): Record<string, unknown> {
  const versions = kinds.versions(group).map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions, preferredVersion: versions[0] };
}

export function groupList(kinds: ServedKinds): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: kinds
      .groups()
      .filter((g) => g !== '')
      .map((g) => groupEntry(kinds, g)),
  };
}

/** `GET /apis/{group}`, or undefined when the group is not served. */
export function apiGroup(kinds: ServedKinds, group: string): Record<string, unknown> | undefined {
  if (group === '' || kinds.versions(group).length === 0) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(kinds, group) };
}

/**
 * `GET /api/v1` or `/apis/{group}/{version}`. Subresources are listed as `pods/log`; one served from another
 * group (pods/eviction → policy/v1) names that group, which is how `kubectl drain` finds the eviction API.
 */
export function resourceList(kinds: ServedKinds, group: string, version: string): Record<string, unknown> | undefined {
  const inVersion = kinds.inGroupVersion(group, version);
  if (inVersion.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const k of inVersion) {
    const entry: Record<string, unknown> = {
      name: k.resource,
      singularName: k.singular,
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: k.verbs,
    };
    if (k.shortNames.length > 0) entry['shortNames'] = k.shortNames;
    if (k.categories.length > 0) entry['categories'] = k.categories;
    resources.push(entry);
    for (const s of k.subresources) {
      const sub: Record<string, unknown> = {
        name: `${k.resource}/${s.name}`,
        singularName: '',
        namespaced: k.namespaced,
        kind: s.kind,
        verbs: s.verbs,
      };
      if (s.group !== k.group || s.version !== k.version) {
        sub['group'] = s.group;
        sub['version'] = s.version;
      }
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}
