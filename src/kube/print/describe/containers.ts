// The Containers / Init Containers section of `kubectl describe pod` (describeContainers in describe.go).

import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from '../../types.js';
import { parseQuantity, quantityString } from '../../quantity.js';
import { metadataFieldValue } from '../../downward-api.js';
import { byteOrder } from '../../byte-order.js';
import { rfc1123z, type TimeZone } from './time-format.js';
import type { DescribeWriter } from './tab-writer.js';

function portsText(container: Container, which: 'containerPort' | 'hostPort'): string {
  return (container.ports ?? []).map((p) => `${p[which] ?? 0}/${p.protocol ?? ''}`).join(', ');
}

function writePorts(w: DescribeWriter, label: string, text: string): void {
  if (text.includes(',')) w.write(2, `${label}s:\t${text}\n`);
  else w.write(2, `${label}:\t${text || '<none>'}\n`);
}

function writeState(w: DescribeWriter, name: string, state: ContainerState | undefined, zone: TimeZone): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt, zone)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt, zone)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt, zone)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

/** Limits then Requests, resource names sorted, values as Quantity.String() prints them. */
export function describeResources(w: DescribeWriter, resources: ResourceRequirements | undefined, level: number): void {
  if (!resources) return;
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = Object.keys(list ?? {}).sort(byteOrder);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityString(list![name])}\n`);
  }
}


/** `DescribeProbe`: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s ` +
    `#success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = String(g.port ?? '');
    const host = g.host ?? '';
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    const path = g.path ?? '';
    const scheme = (g.scheme ?? '').toLowerCase();
    return `http-get ${scheme ? `${scheme}:` : ''}//${hostPort}${path && !path.startsWith('/') ? `/${path}` : path} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/**
 * The value kubectl shows for an env var from a fieldRef (`EnvValueRetriever`). kubectl resolves only
 * metadata fields itself; spec and status paths print empty, as in `NODE:   (v1:spec.nodeName)`.
 */
function fieldRefValue(pod: Pod, fieldPath: string): string {
  return metadataFieldValue(pod, fieldPath) ?? '';
}

/** `ExtractContainerResourceValue`: the container's request or limit in units of the divisor. */
function resourceFieldValue(container: Container, resource: string, divisor: string | number | undefined): string {
  const [kind, name] = resource.split('.');
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  const raw = list?.[name];
  if (raw === undefined) return '0';
  try {
    const value = parseQuantity(raw) / parseQuantity(divisor ?? 1);
    return String(Math.ceil(value));
  } catch {
    return '';
  }
}

function describeEnv(w: DescribeWriter, pod: Pod | undefined, container: Container): void {
  const env: EnvVar[] = container.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      const value = pod ? fieldRefValue(pod, from.fieldRef.fieldPath) : '';
      w.write(3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = resourceFieldValue(container, resource, from.resourceFieldRef.divisor);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

function describeEnvFrom(w: DescribeWriter, container: Container): void {
  w.write(2, 'Environment Variables from:\n');
  for (const e of container.envFrom ?? []) {
    const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
    const optional = ref?.optional === true;
    const source = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(3, `${ref?.name ?? ''}\t${source}\tOptional: ${optional}\n`);
  }
}

function describeMounts(w: DescribeWriter, container: Container): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => byteOrder(a.mountPath, b.mountPath));
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/** `Containers:` (or `Init Containers:`) with each container's image, state, probes, env and mounts. */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  pod: Pod | undefined,
  zone: TimeZone,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = byName.get(container.name);
    w.write(1, `${container.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${container.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    writePorts(w, 'Port', portsText(container, 'containerPort'));
    writePorts(w, 'Host Port', portsText(container, 'hostPort'));
    for (const [title, list] of [['Command', container.command], ['Args', container.args]] as const) {
      if (!list || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of list) for (const s of item.split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      writeState(w, 'State', status.state, zone);
      if (status.lastState?.terminated) writeState(w, 'Last State', status.lastState, zone);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, container.resources, 2);
    if (container.livenessProbe) w.write(2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
    if (container.readinessProbe) w.write(2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
    if (container.startupProbe) w.write(2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
    if ((container.envFrom ?? []).length > 0) describeEnvFrom(w, container);
    describeEnv(w, pod, container);
    describeMounts(w, container);
  }
}
