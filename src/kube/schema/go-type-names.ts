// Go type names for decode error texts (`Go struct field Container.spec.containers.image of type string`).
// The schemas we validate with do not carry Go names, so this knows the common ones by the JSON field that
// holds them and falls back to a capitalised field name elsewhere.

/** Go struct type held by a JSON field, by field name; `spec` and `status` depend on their owner. */
const structByField: Record<string, string> = {
  metadata: 'ObjectMeta',
  template: 'PodTemplateSpec',
  jobTemplate: 'JobTemplateSpec',
  containers: 'Container',
  initContainers: 'Container',
  ephemeralContainers: 'EphemeralContainer',
  env: 'EnvVar',
  envFrom: 'EnvFromSource',
  valueFrom: 'EnvVarSource',
  configMapKeyRef: 'ConfigMapKeySelector',
  secretKeyRef: 'SecretKeySelector',
  fieldRef: 'ObjectFieldSelector',
  resourceFieldRef: 'ResourceFieldSelector',
  configMapRef: 'ConfigMapEnvSource',
  secretRef: 'SecretEnvSource',
  volumeMounts: 'VolumeMount',
  volumes: 'Volume',
  resources: 'ResourceRequirements',
  livenessProbe: 'Probe',
  readinessProbe: 'Probe',
  startupProbe: 'Probe',
  httpGet: 'HTTPGetAction',
  httpHeaders: 'HTTPHeader',
  tcpSocket: 'TCPSocketAction',
  exec: 'ExecAction',
  grpc: 'GRPCAction',
  lifecycle: 'Lifecycle',
  postStart: 'LifecycleHandler',
  preStop: 'LifecycleHandler',
  tolerations: 'Toleration',
  affinity: 'Affinity',
  nodeAffinity: 'NodeAffinity',
  podAffinity: 'PodAffinity',
  podAntiAffinity: 'PodAntiAffinity',
  emptyDir: 'EmptyDirVolumeSource',
  hostPath: 'HostPathVolumeSource',
  configMap: 'ConfigMapVolumeSource',
  secret: 'SecretVolumeSource',
  persistentVolumeClaim: 'PersistentVolumeClaimVolumeSource',
  projected: 'ProjectedVolumeSource',
  downwardAPI: 'DownwardAPIVolumeSource',
  items: 'KeyToPath',
  capabilities: 'Capabilities',
  seccompProfile: 'SeccompProfile',
  strategy: 'DeploymentStrategy',
  updateStrategy: 'StatefulSetUpdateStrategy',
  rollingUpdate: 'RollingUpdateDeployment',
  selector: 'LabelSelector',
  matchExpressions: 'LabelSelectorRequirement',
  ownerReferences: 'OwnerReference',
  volumeClaimTemplates: 'PersistentVolumeClaim',
  imagePullSecrets: 'LocalObjectReference',
  topologySpreadConstraints: 'TopologySpreadConstraint',
  dnsConfig: 'PodDNSConfig',
  hostAliases: 'HostAlias',
  readinessGates: 'PodReadinessGate',
  rules: 'PolicyRule',
  subjects: 'Subject',
  roleRef: 'RoleRef',
};

const mapFields = new Set(['labels', 'annotations', 'nodeSelector', 'data', 'stringData', 'binaryData', 'matchLabels', 'limits', 'requests']);
const stringListFields = new Set(['command', 'args', 'finalizers', 'values', 'add', 'drop', 'hostnames']);
const int64Fields = new Set([
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'deletionGracePeriodSeconds',
  'generation',
  'observedGeneration',
  'priority',
  'expirationSeconds',
]);

/** Fields that are Go maps: Go names a bad map value by the map field, without the key. */
export function isMapField(field: string): boolean {
  return mapFields.has(field);
}

/** Fields that hold a list of strings in Go (`[]string`). */
export function isStringListField(field: string): boolean {
  return stringListFields.has(field);
}

/** The Go struct a JSON path of field names (array indices dropped) lands in; `Pod` for the root. */
export function goStructName(kind: string, fields: string[]): string {
  if (fields.length === 0) return kind;
  const last = fields[fields.length - 1]!;
  if (last === 'spec' || last === 'status') {
    const owner = goStructName(kind, fields.slice(0, -1));
    const base = owner === 'PodTemplateSpec' ? 'Pod' : owner === 'JobTemplateSpec' ? 'Job' : owner;
    return `${base}${last === 'spec' ? 'Spec' : 'Status'}`;
  }
  if (last === 'ports') return fields.includes('containers') || fields.includes('initContainers') ? 'ContainerPort' : 'ServicePort';
  if (last === 'securityContext') return fields.some((f) => f.endsWith('ontainers')) ? 'SecurityContext' : 'PodSecurityContext';
  return structByField[last] ?? last.charAt(0).toUpperCase() + last.slice(1).replace(/s$/, '');
}

/** The Go type of the field at `fields` that should have held a JSON value of schema type `expected`. */
export function goFieldType(kind: string, fields: string[], expected: string): string {
  const last = fields[fields.length - 1] ?? '';
  switch (expected) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'integer':
      return int64Fields.has(last) ? 'int64' : 'int32';
    case 'number':
      return 'float64';
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'array':
      return stringListFields.has(last) ? '[]string' : `[]v1.${goStructName(kind, fields)}`;
    default:
      return mapFields.has(last) ? 'map[string]string' : `v1.${goStructName(kind, fields)}`;
  }
}
