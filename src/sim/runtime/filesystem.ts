// A container's in-memory filesystem: the image's files (shared, read-only, by every container of that
// image), the files the kubelet mounts (volumes, /etc/hosts, ... — read live, so a ConfigMap update shows),
// and a private writable layer created on the first write. Directories are explicit in the image or implied
// by the paths below them. Paths are absolute and normalised before they get here.

export interface ImageFiles {
  readonly files: ReadonlyMap<string, string>;
  readonly dirs: ReadonlySet<string>;
}

export type FileStat = { kind: 'file'; content: string } | { kind: 'dir' };

export type FsError = 'No such file or directory' | 'Is a directory' | 'Not a directory' | 'File exists' | 'Directory not empty' | 'Read-only file system';

/** Files that exist only when read, computed from the running container (/proc). */
export interface DynamicFiles {
  procFile(path: string): string | undefined;
}

/** A volume's mount point (see ContainerContext.mounts). */
export interface MountPoint {
  path: string;
  readOnly?: boolean;
  /** The volume's own files, relative to the mount (`dir/` marks a directory); shared by the containers that mount it. */
  shared?: Map<string, string>;
}

interface MountHit {
  mount: MountPoint;
  /** The path relative to the mount point, '' for the mount point itself. */
  rel: string;
}

/** `/a/b/../c/./d` relative to `cwd` → `/a/c/d`. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** A mount point without trailing slashes ('/' stays '/'); most come without one and need no new string. */
function mountRoot(path: string): string {
  return path.length > 1 && path.charCodeAt(path.length - 1) === 47 ? path.replace(/\/+$/, '') || '/' : path;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function isBelow(path: string, dir: string): boolean {
  if (dir === '/') return path !== '/';
  // no `${dir}/` string made per test: this runs for every mounted file on every stat and list
  return path.length > dir.length && path.charCodeAt(dir.length) === 47 && path.startsWith(dir);
}

const imageIndexes = new WeakMap<ImageFiles, Map<string, Set<string>>>();

/** Directory → names directly inside it, for an image's layer; built once and shared like the layer. */
function imageIndex(image: ImageFiles): Map<string, Set<string>> {
  let index = imageIndexes.get(image);
  if (index) return index;
  index = new Map();
  for (const path of [...image.files.keys(), ...image.dirs]) addToIndex(index, path);
  imageIndexes.set(image, index);
  return index;
}

function addToIndex(index: Map<string, Set<string>>, path: string): void {
  for (let child = path; child !== '/'; ) {
    const parent = parentOf(child);
    let names = index.get(parent);
    if (!names) index.set(parent, (names = new Set()));
    names.add(child.slice(parent === '/' ? 1 : parent.length + 1));
    child = parent;
  }
}

export class ContainerFilesystem {
  private written: Map<string, string> | undefined;
  private madeDirs: Set<string> | undefined;
  private removed: Set<string> | undefined;

  constructor(
    private readonly image: ImageFiles,
    private readonly mounted: ReadonlyMap<string, string>,
    /** Files computed when read (/proc): an object with a method, not a closure kept per container. */
    private readonly dynamic?: DynamicFiles,
    private readonly mounts: readonly MountPoint[] = [],
  ) {}

  private mountAt(path: string): MountHit | undefined {
    let best: MountHit | undefined;
    let bestLength = -1;
    for (const mount of this.mounts) {
      const root = mountRoot(mount.path);
      if (path !== root && !isBelow(path, root)) continue;
      // The deepest mount point holding the path wins (roots compared as normalised).
      if (root.length > bestLength) {
        best = { mount, rel: path === root ? '' : path.slice(root === '/' ? 1 : root.length + 1) };
        bestLength = root.length;
      }
    }
    return best;
  }

  stat(path: string): FileStat | undefined {
    const hit = this.mountAt(path);
    if (hit?.mount.shared) return sharedStat(hit.mount.shared, hit.rel);
    if (hit && hit.rel === '') return { kind: 'dir' };
    if (this.isRemoved(path)) return undefined;
    if (hit) {
      // a mount hides what the image had below it
      const own = this.written?.get(path) ?? this.mounted.get(path);
      if (own !== undefined) return { kind: 'file', content: own };
      if (this.madeDirs?.has(path)) return { kind: 'dir' };
      if (this.someOwnPath((candidate) => isBelow(candidate, path) && !this.isRemoved(candidate))) return { kind: 'dir' };
      return undefined;
    }
    const content = this.written?.get(path) ?? this.mounted.get(path) ?? this.image.files.get(path) ?? this.dynamic?.procFile(path);
    if (content !== undefined) return { kind: 'file', content };
    if (path === '/' || this.madeDirs?.has(path)) return { kind: 'dir' };
    if (imageIndex(this.image).has(path) || this.image.dirs.has(path)) return { kind: 'dir' };
    if (this.someOwnPath((candidate) => isBelow(candidate, path) && !this.isRemoved(candidate))) return { kind: 'dir' };
    return undefined;
  }

  readFile(path: string): string | FsError {
    const stat = this.stat(path);
    if (!stat) return 'No such file or directory';
    return stat.kind === 'dir' ? 'Is a directory' : stat.content;
  }

  writeFile(path: string, content: string, append = false): FsError | undefined {
    const parent = this.stat(parentOf(path));
    if (!parent) return 'No such file or directory';
    if (parent.kind !== 'dir') return 'Not a directory';
    const existing = this.stat(path);
    if (existing?.kind === 'dir') return 'Is a directory';
    const hit = this.mountAt(path);
    if (hit?.mount.readOnly) return 'Read-only file system';
    if (hit?.mount.shared) {
      hit.mount.shared.set(hit.rel, append && existing ? existing.content + content : content);
      return undefined;
    }
    this.unremove(path);
    this.written ??= new Map();
    this.written.set(path, append && existing ? existing.content + content : content);
    return undefined;
  }

  mkdir(path: string, parents = false): FsError | undefined {
    const existing = this.stat(path);
    if (existing) return parents && existing.kind === 'dir' ? undefined : 'File exists';
    const parent = parentOf(path);
    if (!this.stat(parent)) {
      if (!parents) return 'No such file or directory';
      const error = this.mkdir(parent, true);
      if (error) return error;
    }
    const hit = this.mountAt(path);
    if (hit?.mount.readOnly) return 'Read-only file system';
    if (hit?.mount.shared) {
      hit.mount.shared.set(`${hit.rel}/`, '');
      return undefined;
    }
    this.unremove(path);
    this.madeDirs ??= new Set();
    this.madeDirs.add(path);
    return undefined;
  }

  remove(path: string, recursive = false): FsError | undefined {
    const stat = this.stat(path);
    if (!stat) return 'No such file or directory';
    const hit = this.mountAt(path);
    if (hit?.mount.readOnly || (hit && hit.rel === '')) return hit.mount.readOnly ? 'Read-only file system' : 'Directory not empty';
    if (hit?.mount.shared) {
      if (stat.kind === 'dir' && !recursive && this.list(path).length > 0) return 'Directory not empty';
      for (const key of [...hit.mount.shared.keys()]) if (key === hit.rel || key.startsWith(`${hit.rel}/`)) hit.mount.shared.delete(key);
      return undefined;
    }
    if (stat.kind === 'dir') {
      if (!recursive && this.list(path).length > 0) return 'Directory not empty';
      for (const p of [...(this.written?.keys() ?? [])]) if (isBelow(p, path)) this.written!.delete(p);
      for (const p of [...(this.madeDirs ?? [])]) if (p === path || isBelow(p, path)) this.madeDirs!.delete(p);
    }
    this.written?.delete(path);
    this.removed ??= new Set();
    this.removed.add(path);
    return undefined;
  }

  /** Names directly inside `dir`, sorted; [] for a file or a missing directory. */
  list(dir: string): string[] {
    const hit = this.mountAt(dir);
    if (hit?.mount.shared) return sharedList(hit.mount.shared, hit.rel);
    const names = new Set<string>();
    for (const mount of this.mounts) {
      const root = mount.path.replace(/\/+$/, '');
      if (isBelow(root, dir)) names.add(root.slice(dir === '/' ? 1 : dir.length + 1).split('/')[0]!);
    }
    for (const name of hit ? [] : (imageIndex(this.image).get(dir) ?? [])) {
      if (!this.isRemoved(dir === '/' ? `/${name}` : `${dir}/${name}`)) names.add(name);
    }
    this.someOwnPath((path) => {
      if (isBelow(path, dir) && !this.isRemoved(path)) names.add(path.slice(dir === '/' ? 1 : dir.length + 1).split('/')[0]!);
      return false;
    });
    return [...names].sort();
  }

  /** Whether `test` holds for one of the paths beyond the image's: mounted and written (the image's are indexed). */
  private someOwnPath(test: (path: string) => boolean): boolean {
    for (const path of this.mounted.keys()) if (test(path)) return true;
    if (this.written) for (const path of this.written.keys()) if (test(path)) return true;
    if (this.madeDirs) for (const path of this.madeDirs) if (test(path)) return true;
    return false;
  }

  private isRemoved(path: string): boolean {
    if (!this.removed) return false;
    for (let p = path; ; p = parentOf(p)) {
      if (this.removed.has(p)) return !this.written?.has(path) && !this.madeDirs?.has(path);
      if (p === '/') return false;
    }
  }

  private unremove(path: string): void {
    // an ancestor stays removed: what the image had below it stays gone, only `path` itself is back
    this.removed?.delete(path);
  }
}

function sharedStat(files: Map<string, string>, rel: string): FileStat | undefined {
  if (rel === '') return { kind: 'dir' };
  const content = files.get(rel);
  if (content !== undefined) return { kind: 'file', content };
  for (const key of files.keys()) if (key.startsWith(`${rel}/`)) return { kind: 'dir' };
  return undefined;
}

function sharedList(files: Map<string, string>, rel: string): string[] {
  const names = new Set<string>();
  const prefix = rel === '' ? '' : `${rel}/`;
  for (const key of files.keys()) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length).split('/')[0];
    if (name) names.add(name);
  }
  return [...names].sort();
}
