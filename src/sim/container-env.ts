// A container's environment as the kubelet builds it: envFrom sources, then env entries in order (value,
// configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef), `$(VAR)` expanded against what came before,
// plus the service-link variables of the `kubernetes` Service. A missing ConfigMap or Secret is a
// CreateContainerConfigError with the kubelet's message.

import type { Container, KubeObject, Pod } from '../kube/types.js';
import { parseQuantity } from './kube-deps.js';
import { metadataFieldValue } from '../kube/downward-api.js';
import { deepFreeze } from './deep-freeze.js';

export class ContainerConfigError extends Error {}

export interface ConfigLookup {
  configMap(namespace: string, name: string): KubeObject | undefined;
  secret(namespace: string, name: string): KubeObject | undefined;
}

export interface NodeResources {
  cpu: number;
  memory: number;
}

/** The `kubernetes` Service's variables every Pod gets (enableServiceLinks adds other Services' too). */
const KUBERNETES_SERVICE_ENV: [string, string][] = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
];

const KUBERNETES_SERVICE_ENTRIES = KUBERNETES_SERVICE_ENV.map(([name, value]) => deepFreeze({ name, value }));

/** The env of a container that sets none: one frozen list for all of them (the env is never changed once resolved). */
const SERVICE_ENV_ONLY = deepFreeze([...KUBERNETES_SERVICE_ENTRIES]);

/** `$(VAR)` → its value when defined; `$$(VAR)` → the literal `$(VAR)`; an undefined reference stays as written. */
export function expandVars(input: string, vars: ReadonlyMap<string, string>): string {
  return input.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return vars.has(name!) ? vars.get(name!)! : match;
  });
}

function dataOf(obj: KubeObject, isSecret: boolean): Record<string, string> {
  if (!isSecret) return { ...(obj.binaryData ?? {}), ...(obj.data ?? {}) };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, string>)) out[k] = Buffer.from(v, 'base64').toString('utf8');
  for (const [k, v] of Object.entries((obj.stringData ?? {}) as Record<string, string>)) out[k] = v;
  return out;
}

/** The value of a downward-API field path (`metadata.labels['app']`, `status.podIP`, ...). */
export function fieldPathValue(pod: Pod, fieldPath: string): string {
  const metadata = metadataFieldValue(pod, fieldPath);
  if (metadata !== undefined) return metadata;
  switch (fieldPath) {
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((i) => i.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((i) => i.ip).join(',');
    default:
      return '';
  }
}

/** `limits.cpu` etc. for a container; unset limits fall back to the node's allocatable, as the kubelet does. */
export function resourceFieldValue(pod: Pod, container: Container, ref: { resource: string; containerName?: string; divisor?: string | number }, node: NodeResources): string {
  const target = ref.containerName ? (pod.spec.containers.find((c) => c.name === ref.containerName) ?? container) : container;
  const [kind, resource] = ref.resource.split('.') as ['limits' | 'requests', string];
  const raw = target.resources?.[kind]?.[resource] ?? (kind === 'requests' ? target.resources?.limits?.[resource] : undefined);
  const value = raw !== undefined ? parseQuantity(raw) : resource === 'cpu' ? (kind === 'limits' ? node.cpu : 0) : resource === 'memory' ? (kind === 'limits' ? node.memory : 0) : 0;
  const divisor = ref.divisor !== undefined ? parseQuantity(ref.divisor) : 1;
  return String(Math.ceil(value / (divisor || 1)));
}

export function resolveContainerEnv(pod: Pod, container: Container, lookup: ConfigLookup, node: NodeResources): { name: string; value: string }[] {
  if (!container.envFrom?.length && !container.env?.length) return SERVICE_ENV_ONLY;
  const namespace = pod.metadata.namespace ?? 'default';
  const vars = new Map<string, string>();
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    if (!ref) continue;
    const isSecret = !!source.secretRef;
    const obj = isSecret ? lookup.secret(namespace, ref.name) : lookup.configMap(namespace, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      throw new ContainerConfigError(`${isSecret ? 'secret' : 'configmap'} "${ref.name}" not found`);
    }
    for (const [k, v] of Object.entries(dataOf(obj, isSecret))) vars.set(`${source.prefix ?? ''}${k}`, v);
  }
  for (const env of container.env ?? []) {
    const from = env.valueFrom;
    if (!from) {
      vars.set(env.name, expandVars(env.value ?? '', vars));
      continue;
    }
    const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
    if (keyRef) {
      const isSecret = !!from.secretKeyRef;
      const kindName = isSecret ? 'Secret' : 'ConfigMap';
      const obj = isSecret ? lookup.secret(namespace, keyRef.name) : lookup.configMap(namespace, keyRef.name);
      if (!obj) {
        if (keyRef.optional) continue;
        throw new ContainerConfigError(`${isSecret ? 'secret' : 'configmap'} "${keyRef.name}" not found`);
      }
      const data = dataOf(obj, isSecret);
      if (!(keyRef.key in data)) {
        if (keyRef.optional) continue;
        throw new ContainerConfigError(`couldn't find key ${keyRef.key} in ${kindName} ${namespace}/${keyRef.name}`);
      }
      vars.set(env.name, data[keyRef.key]!);
    } else if (from.fieldRef) {
      vars.set(env.name, fieldPathValue(pod, from.fieldRef.fieldPath));
    } else if (from.resourceFieldRef) {
      vars.set(env.name, resourceFieldValue(pod, container, from.resourceFieldRef, node));
    }
  }
  // Sized exactly (it lives as long as the container); the `kubernetes` Service's variables come regardless
  // of enableServiceLinks (shared, never mutated).
  let size = vars.size;
  for (const entry of KUBERNETES_SERVICE_ENTRIES) if (!vars.has(entry.name)) size++;
  const out = new Array<{ name: string; value: string }>(size);
  let at = 0;
  for (const [name, value] of vars) out[at++] = { name, value };
  for (const entry of KUBERNETES_SERVICE_ENTRIES) if (!vars.has(entry.name)) out[at++] = entry;
  return out;
}

/** command/args with `$(VAR)` expanded against the container's env. */
export function expandCommand(argv: string[] | undefined, env: { name: string; value: string }[]): string[] | undefined {
  if (!argv) return undefined;
  const vars = new Map(env.map((e) => [e.name, e.value]));
  return argv.map((a) => expandVars(a, vars));
}
