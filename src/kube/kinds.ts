// The registry of built-in kinds, as a v1.32 API server's discovery documents them (`kubectl api-resources`).
// kubectl resolves `po`, `deploy`, `all` and apply's resource mapping from exactly these names, so resource
// names, short names, categories and verbs must match the real server's.

export interface SubresourceInfo {
  /** `log`, `status`, `scale`, ... */
  name: string;
  /** The response kind, e.g. pods/exec answers `v1 PodExecOptions`, deployments/scale `autoscaling/v1 Scale`. */
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

export interface KindInfo {
  group: string;
  version: string;
  kind: string;
  /** Plural lower-case resource name (`pods`). */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: SubresourceInfo[];
  /** True for the kinds the simulated cluster acts on; others are stored and served but not reconciled. */
  simulated: boolean;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY = ['create'];
const GET_PATCH_UPDATE = ['get', 'patch', 'update'];
const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update'];

const SIMULATED = new Set(['Namespace', 'Node', 'Pod', 'Event', 'ConfigMap', 'Secret', 'ServiceAccount']);

interface KindSpec {
  kind: string;
  resource: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  /** `status` alone is the common case; others name their response kind when it is not the kind itself. */
  subresources?: (string | SubresourceInfo)[];
}

function sub(name: string, apiVersion: string, kind: string, verbs: string[]): SubresourceInfo {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return { name, group: group!, version: version!, kind, verbs };
}

const scale = sub('scale', 'autoscaling/v1', 'Scale', GET_PATCH_UPDATE);

function groupVersion(apiVersion: string, specs: KindSpec[]): KindInfo[] {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return specs.map((s) => ({
    group: group!,
    version: version!,
    kind: s.kind,
    resource: s.resource,
    singular: s.kind.toLowerCase(),
    namespaced: s.namespaced,
    shortNames: s.shortNames ?? [],
    categories: s.categories ?? [],
    verbs: s.verbs ?? ALL_VERBS,
    subresources: (s.subresources ?? []).map((r) =>
      typeof r === 'string' ? { name: r, group: group!, version: version!, kind: s.kind, verbs: GET_PATCH_UPDATE } : r,
    ),
    simulated: group === '' && SIMULATED.has(s.kind),
  }));
}

const EXTENSIONS = ['api-extensions'];

// Order matters: it is discovery order, and the first match wins a name lookup (core `events` before
// events.k8s.io, autoscaling/v2 before v1), as kubectl's preferred-version resolution does.
const KINDS: KindInfo[] = [
  ...groupVersion('v1', [
    { kind: 'Binding', resource: 'bindings', namespaced: true, verbs: CREATE_ONLY },
    { kind: 'ComponentStatus', resource: 'componentstatuses', namespaced: false, shortNames: ['cs'], verbs: ['get', 'list'] },
    { kind: 'ConfigMap', resource: 'configmaps', namespaced: true, shortNames: ['cm'] },
    { kind: 'Endpoints', resource: 'endpoints', namespaced: true, shortNames: ['ep'] },
    { kind: 'Event', resource: 'events', namespaced: true, shortNames: ['ev'] },
    { kind: 'LimitRange', resource: 'limitranges', namespaced: true, shortNames: ['limits'] },
    {
      kind: 'Namespace',
      resource: 'namespaces',
      namespaced: false,
      shortNames: ['ns'],
      verbs: NO_COLLECTION_DELETE,
      subresources: [sub('finalize', 'v1', 'Namespace', ['update']), 'status'],
    },
    {
      kind: 'Node',
      resource: 'nodes',
      namespaced: false,
      shortNames: ['no'],
      subresources: [sub('proxy', 'v1', 'NodeProxyOptions', PROXY_VERBS), 'status'],
    },
    { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims', namespaced: true, shortNames: ['pvc'], subresources: ['status'] },
    { kind: 'PersistentVolume', resource: 'persistentvolumes', namespaced: false, shortNames: ['pv'], subresources: ['status'] },
    {
      kind: 'Pod',
      resource: 'pods',
      namespaced: true,
      shortNames: ['po'],
      categories: ['all'],
      subresources: [
        sub('attach', 'v1', 'PodAttachOptions', ['create', 'get']),
        sub('binding', 'v1', 'Binding', CREATE_ONLY),
        sub('ephemeralcontainers', 'v1', 'Pod', GET_PATCH_UPDATE),
        sub('eviction', 'policy/v1', 'Eviction', CREATE_ONLY),
        sub('exec', 'v1', 'PodExecOptions', ['create', 'get']),
        sub('log', 'v1', 'Pod', ['get']),
        sub('portforward', 'v1', 'PodPortForwardOptions', ['create', 'get']),
        sub('proxy', 'v1', 'PodProxyOptions', PROXY_VERBS),
        'status',
      ],
    },
    { kind: 'PodTemplate', resource: 'podtemplates', namespaced: true },
    {
      kind: 'ReplicationController',
      resource: 'replicationcontrollers',
      namespaced: true,
      shortNames: ['rc'],
      categories: ['all'],
      subresources: [scale, 'status'],
    },
    { kind: 'ResourceQuota', resource: 'resourcequotas', namespaced: true, shortNames: ['quota'], subresources: ['status'] },
    { kind: 'Secret', resource: 'secrets', namespaced: true },
    {
      kind: 'ServiceAccount',
      resource: 'serviceaccounts',
      namespaced: true,
      shortNames: ['sa'],
      subresources: [sub('token', 'authentication.k8s.io/v1', 'TokenRequest', CREATE_ONLY)],
    },
    {
      kind: 'Service',
      resource: 'services',
      namespaced: true,
      shortNames: ['svc'],
      categories: ['all'],
      subresources: [sub('proxy', 'v1', 'ServiceProxyOptions', PROXY_VERBS), 'status'],
    },
  ]),
  ...groupVersion('admissionregistration.k8s.io/v1', [
    { kind: 'MutatingWebhookConfiguration', resource: 'mutatingwebhookconfigurations', namespaced: false, categories: EXTENSIONS },
    { kind: 'ValidatingAdmissionPolicy', resource: 'validatingadmissionpolicies', namespaced: false, categories: EXTENSIONS, subresources: ['status'] },
    { kind: 'ValidatingAdmissionPolicyBinding', resource: 'validatingadmissionpolicybindings', namespaced: false, categories: EXTENSIONS },
    { kind: 'ValidatingWebhookConfiguration', resource: 'validatingwebhookconfigurations', namespaced: false, categories: EXTENSIONS },
  ]),
  ...groupVersion('apiextensions.k8s.io/v1', [
    {
      kind: 'CustomResourceDefinition',
      resource: 'customresourcedefinitions',
      namespaced: false,
      shortNames: ['crd', 'crds'],
      categories: EXTENSIONS,
      subresources: ['status'],
    },
  ]),
  ...groupVersion('apiregistration.k8s.io/v1', [
    { kind: 'APIService', resource: 'apiservices', namespaced: false, categories: EXTENSIONS, subresources: ['status'] },
  ]),
  ...groupVersion('apps/v1', [
    { kind: 'ControllerRevision', resource: 'controllerrevisions', namespaced: true },
    { kind: 'DaemonSet', resource: 'daemonsets', namespaced: true, shortNames: ['ds'], categories: ['all'], subresources: ['status'] },
    { kind: 'Deployment', resource: 'deployments', namespaced: true, shortNames: ['deploy'], categories: ['all'], subresources: [scale, 'status'] },
    { kind: 'ReplicaSet', resource: 'replicasets', namespaced: true, shortNames: ['rs'], categories: ['all'], subresources: [scale, 'status'] },
    { kind: 'StatefulSet', resource: 'statefulsets', namespaced: true, shortNames: ['sts'], categories: ['all'], subresources: [scale, 'status'] },
  ]),
  ...groupVersion('authentication.k8s.io/v1', [
    { kind: 'SelfSubjectReview', resource: 'selfsubjectreviews', namespaced: false, verbs: CREATE_ONLY },
    { kind: 'TokenReview', resource: 'tokenreviews', namespaced: false, verbs: CREATE_ONLY },
  ]),
  ...groupVersion('authorization.k8s.io/v1', [
    { kind: 'LocalSubjectAccessReview', resource: 'localsubjectaccessreviews', namespaced: true, verbs: CREATE_ONLY },
    { kind: 'SelfSubjectAccessReview', resource: 'selfsubjectaccessreviews', namespaced: false, verbs: CREATE_ONLY },
    { kind: 'SelfSubjectRulesReview', resource: 'selfsubjectrulesreviews', namespaced: false, verbs: CREATE_ONLY },
    { kind: 'SubjectAccessReview', resource: 'subjectaccessreviews', namespaced: false, verbs: CREATE_ONLY },
  ]),
  ...groupVersion('autoscaling/v2', [
    { kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers', namespaced: true, shortNames: ['hpa'], categories: ['all'], subresources: ['status'] },
  ]),
  ...groupVersion('autoscaling/v1', [
    { kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers', namespaced: true, shortNames: ['hpa'], categories: ['all'], subresources: ['status'] },
  ]),
  ...groupVersion('batch/v1', [
    { kind: 'CronJob', resource: 'cronjobs', namespaced: true, shortNames: ['cj'], categories: ['all'], subresources: ['status'] },
    { kind: 'Job', resource: 'jobs', namespaced: true, categories: ['all'], subresources: ['status'] },
  ]),
  ...groupVersion('certificates.k8s.io/v1', [
    {
      kind: 'CertificateSigningRequest',
      resource: 'certificatesigningrequests',
      namespaced: false,
      shortNames: ['csr'],
      subresources: ['approval', 'status'],
    },
  ]),
  ...groupVersion('coordination.k8s.io/v1', [{ kind: 'Lease', resource: 'leases', namespaced: true }]),
  ...groupVersion('discovery.k8s.io/v1', [{ kind: 'EndpointSlice', resource: 'endpointslices', namespaced: true }]),
  ...groupVersion('events.k8s.io/v1', [{ kind: 'Event', resource: 'events', namespaced: true, shortNames: ['ev'] }]),
  ...groupVersion('flowcontrol.apiserver.k8s.io/v1', [
    { kind: 'FlowSchema', resource: 'flowschemas', namespaced: false, subresources: ['status'] },
    { kind: 'PriorityLevelConfiguration', resource: 'prioritylevelconfigurations', namespaced: false, subresources: ['status'] },
  ]),
  ...groupVersion('networking.k8s.io/v1', [
    { kind: 'IngressClass', resource: 'ingressclasses', namespaced: false },
    { kind: 'Ingress', resource: 'ingresses', namespaced: true, shortNames: ['ing'], subresources: ['status'] },
    { kind: 'NetworkPolicy', resource: 'networkpolicies', namespaced: true, shortNames: ['netpol'] },
  ]),
  ...groupVersion('node.k8s.io/v1', [{ kind: 'RuntimeClass', resource: 'runtimeclasses', namespaced: false }]),
  ...groupVersion('policy/v1', [
    { kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets', namespaced: true, shortNames: ['pdb'], subresources: ['status'] },
  ]),
  ...groupVersion('rbac.authorization.k8s.io/v1', [
    { kind: 'ClusterRoleBinding', resource: 'clusterrolebindings', namespaced: false },
    { kind: 'ClusterRole', resource: 'clusterroles', namespaced: false },
    { kind: 'RoleBinding', resource: 'rolebindings', namespaced: true },
    { kind: 'Role', resource: 'roles', namespaced: true },
  ]),
  ...groupVersion('scheduling.k8s.io/v1', [{ kind: 'PriorityClass', resource: 'priorityclasses', namespaced: false, shortNames: ['pc'] }]),
  ...groupVersion('storage.k8s.io/v1', [
    { kind: 'CSIDriver', resource: 'csidrivers', namespaced: false },
    { kind: 'CSINode', resource: 'csinodes', namespaced: false },
    { kind: 'CSIStorageCapacity', resource: 'csistoragecapacities', namespaced: true },
    { kind: 'StorageClass', resource: 'storageclasses', namespaced: false, shortNames: ['sc'] },
    { kind: 'VolumeAttachment', resource: 'volumeattachments', namespaced: false, subresources: ['status'] },
  ]),
];

/** Every built-in kind, in discovery order. The array is shared: do not mutate it. */
export function allKinds(): readonly KindInfo[] {
  return KINDS;
}

/** `v1` for the core group, `apps/v1` otherwise. */
export function apiVersionOf(info: Pick<KindInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

// By apiVersion, then kind: every write looks its kind up, and two lookups build no key string.
const byApiVersionKind = new Map<string, Map<string, KindInfo>>();
for (const k of KINDS) {
  const apiVersion = apiVersionOf(k);
  let kinds = byApiVersionKind.get(apiVersion);
  if (!kinds) byApiVersionKind.set(apiVersion, (kinds = new Map()));
  kinds.set(k.kind, k);
}
const byGroupVersionResource = new Map(KINDS.map((k) => [`${k.group}|${k.version}|${k.resource}`, k]));

/** The kind a manifest's `apiVersion` + `kind` names, or undefined (kubectl: `no matches for kind ...`). */
export function findKind(apiVersion: string, kind: string): KindInfo | undefined {
  return byApiVersionKind.get(apiVersion)?.get(kind);
}

/** The kind behind a REST path's group, version and plural resource (`''`, `v1`, `pods`). */
export function findKindByResource(group: string, version: string, resource: string): KindInfo | undefined {
  return byGroupVersionResource.get(`${group}|${version}|${resource}`);
}

/**
 * What `kubectl get <name>` resolves: a plural, singular, short name or kind, case-insensitive, optionally
 * qualified by group (`deployments.apps`, `deploy.apps`, `hpa.v2.autoscaling`). The first match in discovery
 * order wins, which is the preferred version.
 */
export function findKindByName(name: string): KindInfo | undefined {
  const lower = name.toLowerCase();
  const matches = (k: KindInfo, n: string) =>
    k.resource === n || k.singular === n || k.kind.toLowerCase() === n || k.shortNames.includes(n);
  const plain = KINDS.find((k) => matches(k, lower));
  if (plain) return plain;
  const dot = lower.indexOf('.');
  if (dot < 0) return undefined;
  const head = lower.slice(0, dot);
  const rest = lower.slice(dot + 1);
  return KINDS.find((k) => matches(k, head) && (k.group === rest || `${k.version}.${k.group}` === rest));
}
