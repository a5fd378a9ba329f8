// The files a container sees: its mounted volumes (configMap, secret, downwardAPI, projected, emptyDir) and
// the ones the kubelet always writes (/etc/hosts, /etc/hostname, /etc/resolv.conf). A volume whose ConfigMap
// or Secret is missing fails to mount (FailedMount) and holds the Pod in ContainerCreating.

import type { Container, KubeObject, Pod, Volume } from '../kube/types.js';
import type { ContainerContext } from './runtime/types.js';
import { fieldPathValue, type ConfigLookup } from './container-env.js';
import { remember } from './bounded-memo.js';

export class VolumeMountError extends Error {
  constructor(
    readonly volume: string,
    detail: string,
  ) {
    super(`MountVolume.SetUp failed for volume "${volume}" : ${detail}`);
  }
}

interface KeyToPath {
  key: string;
  path: string;
}

function decodedData(obj: KubeObject, isSecret: boolean): Record<string, string> {
  if (!isSecret) return (obj.data ?? {}) as Record<string, string>; // read only: no copy
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, string>)) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return out;
}

// Every container of every Pod gets the same few paths and the same token and resolv.conf per namespace:
// remember them once instead of building (and keeping) a fresh string for each of 10,000 containers.
const MEMO_LIMIT = 4096;
const joinedPaths = new Map<string, Map<string, string>>();
const tokens = new Map<string, string>();
const resolvConfs = new Map<string, string>();

/** `dir/name`, one shared string per pair. */
function filePath(dir: string, name: string): string {
  const names = remember(joinedPaths, dir, () => new Map<string, string>(), MEMO_LIMIT);
  return remember(names, name, () => [dir, name].join('/'), MEMO_LIMIT);
}

function withoutTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

function addKeys(files: Map<string, string>, dir: string, data: Record<string, string>, items: KeyToPath[] | undefined): void {
  if (items?.length) {
    for (const item of items) if (item.key in data) files.set(filePath(dir, item.path), data[item.key]!);
  } else {
    for (const [k, v] of Object.entries(data)) files.set(filePath(dir, k), v);
  }
}

function addSource(files: Map<string, string>, dir: string, volume: string, source: Record<string, unknown>, pod: Pod, lookup: ConfigLookup): void {
  const namespace = pod.metadata.namespace ?? 'default';
  if (source.configMap) {
    const ref = source.configMap as { name: string; items?: KeyToPath[]; optional?: boolean };
    const cm = lookup.configMap(namespace, ref.name);
    if (!cm) {
      if (ref.optional) return;
      throw new VolumeMountError(volume, `configmap "${ref.name}" not found`);
    }
    addKeys(files, dir, decodedData(cm, false), ref.items);
  } else if (source.secret) {
    const ref = source.secret as { secretName?: string; name?: string; items?: KeyToPath[]; optional?: boolean };
    const name = ref.secretName ?? ref.name ?? '';
    const secret = lookup.secret(namespace, name);
    if (!secret) {
      if (ref.optional) return;
      throw new VolumeMountError(volume, `secret "${name}" not found`);
    }
    addKeys(files, dir, decodedData(secret, true), ref.items);
  } else if (source.downwardAPI) {
    const items = (source.downwardAPI as { items?: { path: string; fieldRef?: { fieldPath: string } }[] }).items ?? [];
    for (const item of items) if (item.fieldRef) files.set(filePath(dir, item.path), fieldPathValue(pod, item.fieldRef.fieldPath));
  } else if (source.serviceAccountToken) {
    const path = (source.serviceAccountToken as { path: string }).path;
    const subject = `system:serviceaccount:${namespace}:${pod.spec.serviceAccountName ?? 'default'}`;
    files.set(filePath(dir, path), remember(tokens, subject, () => `eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVzaW0ifQ.${Buffer.from(JSON.stringify({ sub: subject })).toString('base64url')}.c2lt`, MEMO_LIMIT));
  }
}

function volumeFiles(volume: Volume, dir: string, pod: Pod, lookup: ConfigLookup): Map<string, string> {
  const files = new Map<string, string>();
  if (volume.projected) {
    for (const source of volume.projected.sources ?? []) addSource(files, dir, volume.name, source, pod, lookup);
  } else if (volume.configMap || volume.secret || volume.downwardAPI) {
    addSource(files, dir, volume.name, volume as unknown as Record<string, unknown>, pod, lookup);
  }
  return files;
}

const HOSTS_HEADER =
  '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';

/** Every file the container sees, by absolute path. Throws VolumeMountError for a missing source. */
export function containerFiles(pod: Pod, container: Container, lookup: ConfigLookup): Map<string, string> {
  const hostname = pod.spec.hostname ?? pod.metadata.name ?? '';
  const ip = pod.status?.podIP ?? '';
  const namespace = pod.metadata.namespace ?? 'default';
  const files = new Map<string, string>([
    ['/etc/hostname', `${hostname}\n`],
    // Joined, not a template literal: the text lives as long as the container, and a concatenation would
    // stay a tree of pieces.
    ['/etc/hosts', [HOSTS_HEADER, ip, '\t', hostname, '\n'].join('')],
    ['/etc/resolv.conf', remember(resolvConfs, namespace, () => `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`, MEMO_LIMIT)],
  ]);
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    if (!volume) continue;
    const mounted = volumeFiles(volume, withoutTrailingSlash(mount.mountPath), pod, lookup);
    if (mount.subPath) {
      const prefix = `${withoutTrailingSlash(mount.mountPath)}/${mount.subPath}`;
      const single = mounted.get(prefix);
      if (single !== undefined) files.set(mount.mountPath, single);
      continue;
    }
    for (const [path, content] of mounted) files.set(path, content);
  }
  return files;
}

/** Checks every volume of the Pod can be set up (what the kubelet waits for before starting any container). */
export function checkVolumes(pod: Pod, lookup: ConfigLookup): void {
  for (const volume of pod.spec.volumes ?? []) volumeFiles(volume, '/', pod, lookup);
}

export type ContainerMount = NonNullable<ContainerContext['mounts']>[number];

/**
 * Where the container's volumes are mounted, for the runtime's filesystem: an emptyDir is one Map shared by
 * every container of the Pod (`emptyDirs()`, kept by the pod worker); configMap, secret, downwardAPI and
 * projected volumes are read-only, as the kubelet mounts them.
 */
export function containerMounts(pod: Pod, container: Container, emptyDirs: () => Map<string, Map<string, string>>): ContainerMount[] {
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  const mounts: ContainerMount[] = [];
  for (const m of container.volumeMounts ?? []) {
    const volume = volumes.get(m.name);
    if (!volume) continue;
    const path = m.mountPath.replace(/\/$/, '') || '/';
    if (volume.emptyDir) {
      const dirs = emptyDirs();
      let shared = dirs.get(volume.name);
      if (!shared) dirs.set(volume.name, (shared = new Map()));
      mounts.push({ path, ...(m.readOnly ? { readOnly: true } : {}), shared });
    } else {
      const readOnly = m.readOnly || !!(volume.configMap || volume.secret || volume.downwardAPI || volume.projected);
      mounts.push({ path, ...(readOnly ? { readOnly: true } : {}) });
    }
  }
  return mounts;
}
