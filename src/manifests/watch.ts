// Watching the manifests folder. chokidar drops a second change to the same file within ~50 ms and sends
// nothing later (TUI-NOTES.md), and a trailing debounce would cost ~100 ms on every save. So each event is
// applied at once (a `fast` pass: creates and updates only), and the file is read again once it has been
// quiet for `quietMs` (a `settled` pass: the final content wins, prunes and recreates happen, parse errors
// are reported). A file that vanished is only treated as deleted if it is still gone after the quiet time,
// which covers rename-over and vim-style saves. kubesim never writes into the folder.
// chokidar stats every file before it reports a change, which under load costs tens of milliseconds; a raw
// fs.watch on each watched folder (the ones chokidar reports) nudges the fast pass as soon as the kernel
// says something changed. Both paths lead to the same read, and an unchanged hash costs nothing.

import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { watch as fsWatch, type FSWatcher as RawWatcher, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { PassMode } from './reconciler.js';
import { readManifestFileSync, type ReadResult } from './read-file.js';

/** What the watcher feeds: the Reconciler implements it. */
export interface SaveSink {
  load(files: { id: string; read: ReadResult }[]): Promise<void>;
  fileChanged(id: string, read: ReadResult, mode: PassMode, seenAt: number): Promise<void> | void;
  fileRemoved(id: string): Promise<void> | void;
}

export interface FolderWatchOptions {
  /** The folder to watch (as given on the command line). */
  dir: string;
  sink: SaveSink;
  /** Poll instead of native events (network filesystems). */
  poll?: boolean;
  /** How long a file must be quiet before the settling re-read (ms). */
  quietMs?: number;
  onError?: (error: Error) => void;
}

/** Files read between two turns of the event loop during the first load. */
const READ_BATCH = 50;

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;

/** Editors' temp and backup files (`x.yaml~`, `.x.yaml.swp`, vim's `4913`, emacs' `.#x.yaml`) are not manifests. */
export function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.test(name) && !name.startsWith('.') && !name.endsWith('~');
}

/** Dot-folders, node_modules and dot-files anywhere below the root are never looked at. */
export function isIgnoredSegment(segment: string): boolean {
  return segment.startsWith('.') || segment === 'node_modules';
}

/**
 * `path` relative to `root`. chokidar hands back paths joined onto the root, so a prefix cut does; it runs for
 * every entry of every re-scan chokidar makes of a busy folder (1,000 files, about once a second while saving),
 * where path.relative's two resolves were a good part of the main thread's time.
 */
function relativeTo(root: string, path: string): string {
  if (path === root) return '';
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (path.startsWith(prefix) && !path.endsWith(sep) && !path.includes(`${sep}..`) && !path.includes(`${sep}.${sep}`) && !path.includes(sep + sep)) {
    return path.slice(prefix.length);
  }
  return relative(root, path);
}

/** A manifest's id: its path relative to the folder, with `/` separators on every platform. */
function idOf(root: string, path: string): string {
  const rel = relativeTo(root, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

interface FileWork {
  /** Reads of one file run one after another, so passes see its contents in order. */
  chain: Promise<void>;
  quietTimer?: NodeJS.Timeout;
  seenAt: number;
}

export class FolderWatcher {
  private readonly root: string;
  private readonly quietMs: number;
  private watcher?: FSWatcher;
  private readonly work = new Map<string, FileWork>();
  /** Files known to exist (for a folder moved out or the root deleted). */
  private readonly known = new Set<string>();
  private rootPoll?: NodeJS.Timeout;
  /** Raw fs.watch per folder (not with --poll): the fast path's early trigger. */
  private readonly nudges = new Map<string, RawWatcher>();
  private closed = false;

  constructor(private readonly options: FolderWatchOptions) {
    this.root = resolve(options.dir);
    this.quietMs = options.quietMs ?? 100;
  }

  /** Starts watching; resolves after the first load has been applied. */
  async start(): Promise<void> {
    const initial = await this.startChokidar(true);
    const files: { id: string; read: ReadResult }[] = [];
    // Small files read synchronously cost far less than a thread-pool round trip each (1,000 files: ~50 ms
    // instead of ~250 ms of main-thread time); a turn of the event loop between batches keeps the dashboard live.
    for (const id of [...initial].sort()) {
      if (files.length % READ_BATCH === READ_BATCH - 1) await new Promise((r) => setImmediate(r));
      files.push({ id, read: readManifestFileSync(join(this.root, id), this.displayOf(id)) });
    }
    for (const f of files) if (f.read.kind !== 'missing') this.known.add(f.id);
    await this.options.sink.load(files.filter((f) => f.read.kind !== 'missing'));
  }

  private displayOf(id: string): string {
    return `${this.options.dir.replace(/\/+$/, '')}/${id}`;
  }

  private ignored = (path: string, stats?: Stats): boolean => {
    const rel = relativeTo(this.root, path);
    if (!rel || rel.startsWith('..')) return false;
    if (rel.split(sep).some(isIgnoredSegment)) return true;
    return stats?.isFile() === true && !isManifestName(basename(path));
  };

  /** Starts chokidar; with `collect`, returns the files found before `ready` instead of applying them. */
  private startChokidar(collect: boolean): Promise<Set<string>> {
    const found = new Set<string>();
    const folders = new Set<string>([this.root]);
    let ready = false;
    const watcher = chokidarWatch(this.root, {
      ignoreInitial: false,
      atomic: true,
      usePolling: this.options.poll === true,
      interval: 100,
      binaryInterval: 300,
      ignored: this.ignored,
      persistent: true,
    });
    this.watcher = watcher;
    watcher.on('all', (event, path) => {
      if (this.closed) return;
      const id = idOf(this.root, path);
      if (event === 'addDir' || event === 'unlinkDir') {
        if (event === 'unlinkDir') {
          this.unnudge(path);
          this.folderGone(id);
        } else if (ready) this.nudge(path);
        else folders.add(path);
        return;
      }
      if (!isManifestName(basename(path)) || !id || id.split('/').some(isIgnoredSegment)) return;
      if (collect && !ready && event === 'add') {
        found.add(id);
        return;
      }
      if (event === 'unlink') this.fileMaybeGone(id);
      else this.fileTouched(id);
    });
    watcher.on('error', (e) => this.options.onError?.(e as Error));
    return new Promise((resolveReady) => {
      watcher.once('ready', () => {
        ready = true;
        for (const folder of folders) this.nudge(folder);
        resolveReady(found);
      });
    });
  }

  /** Watches `folder` with raw fs.watch so a save starts the fast pass without waiting for chokidar. */
  private nudge(folder: string): void {
    if (this.options.poll || this.nudges.has(folder) || this.closed) return;
    try {
      const raw = fsWatch(folder, { persistent: false }, (_event, name) => {
        if (this.closed || !name) return;
        const file = name.toString();
        if (!isManifestName(basename(file))) return;
        const id = idOf(this.root, join(folder, file));
        if (id.split('/').some(isIgnoredSegment)) return;
        this.fileTouched(id);
      });
      raw.on('error', () => this.unnudge(folder));
      this.nudges.set(folder, raw);
    } catch {
      // chokidar still watches it; only the early trigger is missing
    }
  }

  private unnudge(folder: string): void {
    this.nudges.get(folder)?.close();
    this.nudges.delete(folder);
  }

  private fileWork(id: string): FileWork {
    let w = this.work.get(id);
    if (!w) {
      w = { chain: Promise.resolve(), seenAt: 0 };
      this.work.set(id, w);
    }
    return w;
  }

  /** Added or changed: apply now, and again once quiet. */
  private fileTouched(id: string): void {
    const w = this.fileWork(id);
    const seenAt = performance.now();
    w.seenAt = seenAt;
    this.known.add(id);
    this.readThen(id, (read) => {
      if (read.kind !== 'missing') return this.options.sink.fileChanged(id, read, 'fast', seenAt);
    });
    this.armQuiet(id);
  }

  /** Unlinked: an editor's rename-over save looks like this too, so only the quiet re-read decides. */
  private fileMaybeGone(id: string): void {
    this.fileWork(id).seenAt = performance.now();
    this.armQuiet(id);
  }

  private folderGone(id: string): void {
    const prefix = id ? `${id}/` : '';
    for (const known of this.known) if (known.startsWith(prefix)) this.fileMaybeGone(known);
    if (!id) this.watchForRootReturn();
  }

  private armQuiet(id: string): void {
    const w = this.fileWork(id);
    if (w.quietTimer) clearTimeout(w.quietTimer);
    w.quietTimer = setTimeout(() => {
      w.quietTimer = undefined;
      const seenAt = w.seenAt;
      this.readThen(id, (read) => {
        if (read.kind === 'missing') {
          this.known.delete(id);
          void stat(this.root).catch(() => this.watchForRootReturn());
          return this.options.sink.fileRemoved(id);
        }
        this.known.add(id);
        return this.options.sink.fileChanged(id, read, 'settled', seenAt);
      });
    }, this.quietMs);
  }

  private readThen(id: string, then: (read: ReadResult) => Promise<void> | void): void {
    const w = this.fileWork(id);
    w.chain = w.chain
      .then(async () => {
        if (this.closed) return;
        const read = readManifestFileSync(join(this.root, id), this.displayOf(id));
        if (!this.closed) await then(read);
      })
      .catch((e) => this.options.onError?.(e as Error));
  }

  /** The watched folder itself was deleted: chokidar stops; look for it to come back, then watch afresh. */
  private watchForRootReturn(): void {
    if (this.rootPoll || this.closed) return;
    this.rootPoll = setInterval(() => {
      void stat(this.root).then(
        async (s) => {
          if (!s.isDirectory() || this.closed || !this.rootPoll) return;
          clearInterval(this.rootPoll);
          this.rootPoll = undefined;
          for (const folder of [...this.nudges.keys()]) this.unnudge(folder);
          await this.watcher?.close();
          if (!this.closed) await this.startChokidar(false);
        },
        () => undefined,
      );
    }, 200);
  }

  /** Every file currently known to be in the folder (ids). */
  files(): string[] {
    return [...this.known].sort();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.rootPoll) clearInterval(this.rootPoll);
    for (const folder of [...this.nudges.keys()]) this.unnudge(folder);
    for (const w of this.work.values()) if (w.quietTimer) clearTimeout(w.quietTimer);
    await this.watcher?.close();
    await Promise.all([...this.work.values()].map((w) => w.chain));
  }
}
