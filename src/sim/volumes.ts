// The files a container sees: its mounted volumes (configMap, secret, downwardAPI, projected, emptyDir) and
// the ones the kubelet always writes (/etc/hosts, /etc/hostname, /etc/resolv.conf). A volume whose ConfigMap
// or Secret is missing fails to mount (FailedMount) and holds the Pod in ContainerCreating.

import type { Container, KubeObject, Pod, Volume } from '../kube/types.js';
import type { ContainerContext } from './runtime/types.js';
import { fieldPathValue, type ConfigLookup } from './container-env.js';
import { remember } from './kube-deps.js';
import { deepFreeze } from './deep-freeze.js';

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
// remember them once instead of building (and keeping) a fresh string for each of 10,000 containers. The
// makers are module-level functions of the key, so a hit allocates nothing.
const MEMO_LIMIT = 4096;
const joinedPaths = new Map<string, Map<string, string>>();
const resolvConfs = new Map<string, string>();
const newStringMap = (): Map<string, string> => new Map();

/** `dir/name`, one shared string per pair. */
function filePath(dir: string, name: string): string {
  const names = remember(joinedPaths, dir, newStringMap, MEMO_LIMIT);
  let joined = names.get(name);
  if (joined === undefined) {
    if (names.size >= MEMO_LIMIT) names.clear();
    names.set(name, (joined = [dir, name].join('/')));
  }
  return joined;
}

function resolvConfFor(namespace: string): string {
  return `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;
}

function withoutTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * The files a container's volumes put at their paths, in the order they are mounted; a later mount of the
 * same path wins, keeping the earlier one's place (as Map.set does). Reused for every container: only a
 * set of files no container had before is copied into one of its own (see sharedFiles).
 */
class FileList {
  // The first `size` slots are in use; the arrays keep their length, so reuse allocates nothing.
  readonly paths: string[] = [];
  readonly contents: string[] = [];
  size = 0;
  /** Made when the list grows long (a ConfigMap of many keys): an index instead of a linear search. */
  private index: Map<string, number> | undefined;

  clear(): void {
    // no file's text kept alive by the list once it is done with
    for (let i = 0; i < this.size; i++) this.paths[i] = this.contents[i] = '';
    this.size = 0;
    this.index = undefined;
  }

  indexOf(path: string): number {
    if (this.index) return this.index.get(path) ?? -1;
    for (let i = 0; i < this.size; i++) if (this.paths[i] === path) return i;
    return -1;
  }

  set(path: string, content: string): void {
    const at = this.indexOf(path);
    if (at >= 0) {
      this.contents[at] = content;
      return;
    }
    const end = this.size++;
    this.paths[end] = path;
    this.contents[end] = content;
    if (this.index) this.index.set(path, end);
    else if (this.size > 16) this.index = new Map(this.paths.slice(0, this.size).map((p, i) => [p, i]));
  }
}

function addKeys(files: FileList, dir: string, data: Record<string, string>, items: KeyToPath[] | undefined): void {
  if (items?.length) {
    for (const item of items) if (item.key in data) files.set(filePath(dir, item.path), data[item.key]!);
  } else {
    for (const key in data) files.set(filePath(dir, key), data[key]!);
  }
}

/** The ConfigMap or Secret a source names; undefined for an optional one that is missing. Throws for a required one. */
function sourceObject(source: Record<string, unknown>, volume: string, namespace: string, lookup: ConfigLookup): KubeObject | undefined {
  if (source.configMap) {
    const ref = source.configMap as { name: string; optional?: boolean };
    const cm = lookup.configMap(namespace, ref.name);
    if (!cm && !ref.optional) throw new VolumeMountError(volume, `configmap "${ref.name}" not found`);
    return cm;
  }
  const ref = source.secret as { secretName?: string; name?: string; optional?: boolean };
  const name = ref.secretName ?? ref.name ?? '';
  const secret = lookup.secret(namespace, name);
  if (!secret && !ref.optional) throw new VolumeMountError(volume, `secret "${name}" not found`);
  return secret;
}

const tokensByNamespace = new Map<string, Map<string, string>>();

/** The projected token of `account`: one string per account, found without building its subject each time. */
function serviceAccountToken(namespace: string, account: string): string {
  const accounts = remember(tokensByNamespace, namespace, newStringMap, MEMO_LIMIT);
  return remember(accounts, account, (name) => tokenFor(namespace, name), MEMO_LIMIT);
}

function tokenFor(namespace: string, account: string): string {
  const subject = `system:serviceaccount:${namespace}:${account}`;
  return `eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVzaW0ifQ.${Buffer.from(JSON.stringify({ sub: subject })).toString('base64url')}.c2lt`;
}

function addSource(files: FileList, dir: string, volume: string, source: Record<string, unknown>, pod: Pod, lookup: ConfigLookup): void {
  const namespace = pod.metadata.namespace ?? 'default';
  if (source.configMap || source.secret) {
    const obj = sourceObject(source, volume, namespace, lookup);
    if (!obj) return;
    const items = ((source.configMap ?? source.secret) as { items?: KeyToPath[] }).items;
    addKeys(files, dir, decodedData(obj, !source.configMap), items);
  } else if (source.downwardAPI) {
    const items = (source.downwardAPI as { items?: { path: string; fieldRef?: { fieldPath: string } }[] }).items ?? [];
    for (const item of items) if (item.fieldRef) files.set(filePath(dir, item.path), fieldPathValue(pod, item.fieldRef.fieldPath));
  } else if (source.serviceAccountToken) {
    const path = (source.serviceAccountToken as { path: string }).path;
    files.set(filePath(dir, path), serviceAccountToken(namespace, pod.spec.serviceAccountName ?? 'default'));
  }
}

/** Adds what `volume` holds, below `dir`. */
function addVolume(files: FileList, volume: Volume, dir: string, pod: Pod, lookup: ConfigLookup): void {
  if (volume.projected) {
    for (const source of volume.projected.sources ?? []) addSource(files, dir, volume.name, source, pod, lookup);
  } else if (volume.configMap || volume.secret || volume.downwardAPI) {
    addSource(files, dir, volume.name, volume as unknown as Record<string, unknown>, pod, lookup);
  }
}

function volumeNamed(pod: Pod, name: string): Volume | undefined {
  // a Pod has a handful of volumes: a search, not a Map per container
  for (const v of pod.spec.volumes ?? []) if (v.name === name) return v;
  return undefined;
}

const HOSTS_HEADER =
  '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';

/** The files the kubelet writes into every container, before its volumes (which may mount over them). */
const KUBELET_PATHS = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];

/** Volume files that some container already had: the same ConfigMap, token and namespace, at the same paths. */
class SharedFiles {
  readonly files: ReadonlyMap<string, string>;
  /** Every path the container sees, the kubelet's first, in the order a Map of them all would list them. */
  readonly paths: readonly string[];

  constructor(
    readonly volumePaths: readonly string[],
    readonly volumeContents: readonly string[],
  ) {
    this.files = new Map(volumePaths.map((p, i) => [p, volumeContents[i]!]));
    this.paths = [...KUBELET_PATHS, ...volumePaths.filter((p) => !KUBELET_PATHS.includes(p))];
  }

  holds(list: FileList): boolean {
    const { paths, contents, size } = list;
    if (size !== this.volumePaths.length) return false;
    for (let i = 0; i < size; i++) if (paths[i] !== this.volumePaths[i] || contents[i] !== this.volumeContents[i]) return false;
    return true;
  }
}

/** The last few distinct sets of volume files; a cluster's Pods mostly mount the same few. */
const RECENT_LIMIT = 8;
const recent: SharedFiles[] = [];

function sharedFiles(list: FileList): SharedFiles {
  for (let i = 0; i < recent.length; i++) {
    const shared = recent[i]!;
    if (!shared.holds(list)) continue;
    if (i > 0) {
      recent.splice(i, 1);
      recent.unshift(shared);
    }
    return shared;
  }
  const shared = new SharedFiles(list.paths.slice(0, list.size), list.contents.slice(0, list.size));
  recent.unshift(shared);
  if (recent.length > RECENT_LIMIT) recent.pop();
  return shared;
}

/**
 * What a container sees of the kubelet's files, as a read-only Map: /etc/hostname and /etc/hosts written
 * from the Pod's name and IP when read, /etc/resolv.conf and the volume files shared with every container
 * that has the same. Ten thousand containers would otherwise keep ten thousand Maps of the same token,
 * ca.crt and namespace, and a hosts file each that hardly anyone reads.
 */
class KubeletFiles implements Map<string, string> {
  constructor(
    private readonly hostname: string,
    private readonly ip: string,
    private readonly resolvConf: string,
    private readonly shared: SharedFiles,
  ) {}

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get size(): number {
    return this.shared.paths.length;
  }

  get(path: string): string | undefined {
    const mounted = this.shared.files.get(path);
    if (mounted !== undefined) return mounted;
    switch (path) {
      case '/etc/hostname':
        return `${this.hostname}\n`;
      case '/etc/hosts':
        return [HOSTS_HEADER, this.ip, '\t', this.hostname, '\n'].join('');
      case '/etc/resolv.conf':
        return this.resolvConf;
    }
    return undefined;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  keys(): MapIterator<string> {
    return this.shared.paths.values();
  }

  values(): MapIterator<string> {
    return this.shared.paths.map((p) => this.get(p)!).values();
  }

  entries(): MapIterator<[string, string]> {
    return this.shared.paths.map((p): [string, string] => [p, this.get(p)!]).values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: Map<string, string>) => void, thisArg?: unknown): void {
    for (const p of this.shared.paths) callback.call(thisArg, this.get(p)!, p, this);
  }

  set(): this {
    throw new TypeError('the kubelet\'s files are read-only');
  }

  delete(): boolean {
    throw new TypeError('the kubelet\'s files are read-only');
  }

  clear(): void {
    throw new TypeError('the kubelet\'s files are read-only');
  }
}

const containerVolumes = new FileList();
const subPathVolume = new FileList();

/** Every file the container sees, by absolute path (read-only). Throws VolumeMountError for a missing source. */
export function containerFiles(pod: Pod, container: Container, lookup: ConfigLookup): Map<string, string> {
  const hostname = pod.spec.hostname ?? pod.metadata.name ?? '';
  const ip = pod.status?.podIP ?? '';
  const namespace = pod.metadata.namespace ?? 'default';
  const resolvConf = remember(resolvConfs, namespace, resolvConfFor, MEMO_LIMIT);
  // Scratch lists, emptied after each use (the finally below).
  const files = containerVolumes;
  try {
    for (const mount of container.volumeMounts ?? []) {
      const volume = volumeNamed(pod, mount.name);
      if (!volume) continue;
      const dir = withoutTrailingSlash(mount.mountPath);
      if (!mount.subPath) {
        addVolume(files, volume, dir, pod, lookup);
        continue;
      }
      subPathVolume.clear();
      addVolume(subPathVolume, volume, dir, pod, lookup);
      const single = subPathVolume.indexOf(`${dir}/${mount.subPath}`);
      if (single >= 0) files.set(mount.mountPath, subPathVolume.contents[single]!);
    }
    return new KubeletFiles(hostname, ip, resolvConf, sharedFiles(files));
  } finally {
    files.clear();
    subPathVolume.clear();
  }
}

/** Checks every volume of the Pod can be set up (what the kubelet waits for before starting any container). */
export function checkVolumes(pod: Pod, lookup: ConfigLookup): void {
  const namespace = pod.metadata.namespace ?? 'default';
  for (const volume of pod.spec.volumes ?? []) {
    if (volume.projected) {
      for (const source of volume.projected.sources ?? []) if (source.configMap || source.secret) sourceObject(source as Record<string, unknown>, volume.name, namespace, lookup);
    } else if (volume.configMap || volume.secret) {
      sourceObject(volume as unknown as Record<string, unknown>, volume.name, namespace, lookup);
    }
  }
}

export type ContainerMount = NonNullable<ContainerContext['mounts']>[number];

/**
 * Where the container's volumes are mounted, for the runtime's filesystem: an emptyDir is one Map shared by
 * every container of the Pod (`emptyDirs()`, kept by the pod worker); configMap, secret, downwardAPI and
 * projected volumes are read-only, as the kubelet mounts them.
 */
export function containerMounts(pod: Pod, container: Container, emptyDirs: () => Map<string, Map<string, string>>): ContainerMount[] {
  const volumeMounts = container.volumeMounts ?? [];
  if (volumeMounts.length === 1) {
    // The common case (the service-account token alone): one frozen list per mount point, for every container.
    const only = readOnlyMount(pod, volumeMounts[0]!);
    if (only) return only;
  }
  const mounts: ContainerMount[] = [];
  for (const m of volumeMounts) {
    const volume = volumeNamed(pod, m.name);
    if (!volume) continue;
    const path = mountPoint(m.mountPath);
    if (volume.emptyDir) {
      const dirs = emptyDirs();
      let shared = dirs.get(volume.name);
      if (!shared) dirs.set(volume.name, (shared = new Map()));
      mounts.push(m.readOnly ? { path, readOnly: true, shared } : { path, shared });
    } else {
      const readOnly = m.readOnly || !!(volume.configMap || volume.secret || volume.downwardAPI || volume.projected);
      mounts.push(readOnly ? { path, readOnly: true } : { path });
    }
  }
  return mounts;
}

function mountPoint(mountPath: string): string {
  return withoutTrailingSlash(mountPath) || '/';
}

const readOnlyMounts = new Map<string, ContainerMount[]>();
const readOnlyMountList = (path: string): ContainerMount[] => deepFreeze([{ path, readOnly: true }]);

/** The mount list of a container whose one mount is a read-only volume; undefined for any other. */
function readOnlyMount(pod: Pod, mount: NonNullable<Container['volumeMounts']>[number]): ContainerMount[] | undefined {
  const volume = volumeNamed(pod, mount.name);
  if (!volume || !(volume.configMap || volume.secret || volume.downwardAPI || volume.projected)) return undefined;
  const path = mountPoint(mount.mountPath);
  return remember(readOnlyMounts, path, readOnlyMountList, MEMO_LIMIT);
}
