// How strategic merge patch treats each field of the built-in kinds: the `patchStrategy` and
// `patchMergeKey` struct tags of k8s.io/api, written down as a tree. A field that is not listed is
// merged if it is a map and replaced if it is a list — exactly what the real tags mean by "no tag".
// Lists that people expect to be keyed but are not in the real types (tolerations, node taints,
// containerStatuses, args, command, envFrom) are therefore replaced whole, as on a real API server.

export interface PatchMeta {
  /** `merge`: the list is merged (by `mergeKey` when its items are maps, as a set when they are
   * scalars). `replace`: the map or list is replaced whole. Absent: maps merge, lists are replaced. */
  strategy?: 'merge' | 'replace';
  mergeKey?: string;
  /** `patchStrategy:"...retainKeys"`: keys missing from `$retainKeys` are cleared. */
  retainKeys?: boolean;
  /** The fields of this map, or of every item when this is a list of maps. */
  fields?: Record<string, PatchMeta>;
}

/** The meta of `key` inside a map (or inside each item of a list) described by `meta`. */
export function childMeta(meta: PatchMeta | undefined, key: string): PatchMeta | undefined {
  return meta?.fields?.[key];
}

const keyed = (mergeKey: string, fields?: Record<string, PatchMeta>): PatchMeta => ({ strategy: 'merge', mergeKey, fields });
const mergedScalars: PatchMeta = { strategy: 'merge' };
const conditions = keyed('type');

const objectMeta: PatchMeta = {
  fields: {
    finalizers: mergedScalars,
    ownerReferences: keyed('uid'),
  },
};

const container: Record<string, PatchMeta> = {
  ports: keyed('containerPort'),
  env: keyed('name'),
  volumeMounts: keyed('mountPath'),
  volumeDevices: keyed('devicePath'),
};

const podSpec: PatchMeta = {
  fields: {
    containers: keyed('name', container),
    initContainers: keyed('name', container),
    ephemeralContainers: keyed('name', container),
    volumes: { strategy: 'merge', mergeKey: 'name', retainKeys: true },
    imagePullSecrets: keyed('name'),
    hostAliases: keyed('ip'),
    topologySpreadConstraints: keyed('topologyKey'),
    schedulingGates: keyed('name'),
    resourceClaims: { strategy: 'merge', mergeKey: 'name', retainKeys: true },
  },
};

const podStatus: PatchMeta = {
  fields: {
    conditions,
    podIPs: keyed('ip'),
    hostIPs: keyed('ip'),
    resourceClaimStatuses: { strategy: 'merge', mergeKey: 'name', retainKeys: true },
  },
};

const podTemplateSpec: PatchMeta = { fields: { metadata: objectMeta, spec: podSpec } };
const statusWithConditions: PatchMeta = { fields: { conditions } };

function kindMeta(spec?: PatchMeta, status?: PatchMeta, extra?: Record<string, PatchMeta>): PatchMeta {
  return {
    fields: {
      metadata: objectMeta,
      ...(spec ? { spec } : {}),
      ...(status ? { status } : {}),
      ...extra,
    },
  };
}

const workloadSpec = (extra?: Record<string, PatchMeta>): PatchMeta => ({ fields: { template: podTemplateSpec, ...extra } });

const byKind: Record<string, PatchMeta> = {
  Pod: kindMeta(podSpec, podStatus),
  PodTemplate: kindMeta(undefined, undefined, { template: podTemplateSpec }),
  ReplicationController: kindMeta(workloadSpec(), statusWithConditions),
  ReplicaSet: kindMeta(workloadSpec(), statusWithConditions),
  Deployment: kindMeta(workloadSpec({ strategy: { retainKeys: true } }), statusWithConditions),
  StatefulSet: kindMeta(workloadSpec(), statusWithConditions),
  DaemonSet: kindMeta(workloadSpec(), statusWithConditions),
  Job: kindMeta(workloadSpec(), statusWithConditions),
  CronJob: kindMeta({ fields: { jobTemplate: { fields: { metadata: objectMeta, spec: workloadSpec() } } } }),
  Service: kindMeta({ fields: { ports: keyed('port') } }, statusWithConditions),
  Node: kindMeta(
    { fields: { podCIDRs: mergedScalars } },
    { fields: { conditions, addresses: keyed('type') } },
  ),
  Namespace: kindMeta(undefined, statusWithConditions),
  PersistentVolumeClaim: kindMeta(undefined, statusWithConditions),
};

/** Any kind we do not know still has ObjectMeta (finalizers, ownerReferences). */
const unknownKind: PatchMeta = kindMeta();

/** The patch strategy tree for a kind (`Pod`, `Deployment`, …); unknown kinds get ObjectMeta only. */
export function patchMetaFor(kind: string | undefined): PatchMeta {
  return (kind && byKind[kind]) || unknownKind;
}

