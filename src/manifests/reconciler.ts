// The folder reconciler: `kubectl apply --prune` scoped to one folder, run on every save.
// Each file's objects are applied through ClusterSource.apply (three-way merge, last-applied recorded);
// objects a file no longer declares are pruned, but only by a *settled* pass (the file quiet for a moment),
// never by the fast pass that runs on the first event of a save, because an editor writing in place can
// leave an empty or half-written file for a moment. All passes run one at a time, in order.

import { isApiError } from '../kube/api-error.js';
import type { ClusterSource, ServedKind, Unsubscribe, WatchEvent } from '../kube/cluster-source.js';
import type { ObjectOutcome } from '../kube/reconcile-status.js';
import { refKey, refOf, type KubeObject, type ObjectRef } from '../kube/types.js';
import { declaredFingerprint } from './drift.js';
import { fieldPathOfError, isImmutablePodChange, isNamespaceNotFound, messageOfError, resourceMappingNotFound } from './error-field.js';
import { kubectlName } from './object-name.js';
import { mayPrune, OwnershipTable, withSourceAnnotation } from './ownership.js';
import { parseManifest, type ManifestObject } from './parse.js';
import { ReconcileState, type NewProblem } from './reconcile-state.js';
import { sameJson } from './same-json.js';
import { waitUntilGone } from './wait-until-gone.js';
import type { ReadResult } from './read-file.js';

/** `fast`: first event of a save, creates and updates only. `settled`: the file has been quiet; may prune. */
export type PassMode = 'fast' | 'settled';

export interface ReconcilerOptions {
  source: ClusterSource;
  /** The folder as given on the command line; files are shown as `dir/relative-path`. */
  dir: string;
  /** Reads a file by its path relative to `dir` (for retries that are not triggered by a save). */
  readFile: (id: string) => Promise<ReadResult>;
  /** Delete and create again on an immutable Pod change (default true); false keeps the API error. */
  recreate?: boolean;
  fieldManager?: string;
  /** Epoch ms for the report; defaults to the cluster's clock. */
  now?: () => number;
  /** Joins `dir` and a relative path for display (defaults to `dir/id`). */
  display?: (id: string) => string;
}

interface FileState {
  id: string;
  display: string;
  /** Content hash last looked at by any pass, and by a settled pass. */
  processedHash?: string;
  settledHash?: string;
  /** A fast pass applied this content completely, with nothing left to prune: the settled pass has no work. */
  cleanFastHash?: string;
  /** What the last readable content declared. */
  declared: Map<string, ManifestObject>;
  /** Objects this file applied (so may prune), with their refs. */
  owned: Map<string, ObjectRef>;
  /** What was last applied successfully, per object: unchanged objects cost no write. */
  lastSent: Map<string, KubeObject>;
}

interface AppliedRecord {
  file: string;
  desired: KubeObject;
  fingerprint: string;
  uid?: string;
  /** The resourceVersion our write produced: older watch events are history, not drift. */
  resourceVersion?: string;
}

/** Is `rv` older than or equal to `than`? Only comparable when both are numbers, as in the simulator. */
function notNewer(rv: string | undefined, than: string | undefined): boolean {
  if (!rv || !than || !/^\d+$/.test(rv) || !/^\d+$/.test(than)) return false;
  return BigInt(rv) <= BigInt(than);
}

function servedKey(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

function apiVersionOf(k: ServedKind): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** Namespaces first, as `kubectl apply` orders a folder, so their objects find them. */
function applyOrder(a: [string, ManifestObject], b: [string, ManifestObject]): number {
  const rank = (m: ManifestObject) => (m.object.kind === 'Namespace' ? 0 : 1);
  return rank(a[1]) - rank(b[1]);
}

export class Reconciler {
  readonly status: ReconcileState;
  private readonly source: ClusterSource;
  private readonly options: ReconcilerOptions;
  private readonly fieldManager: string;
  private readonly recreate: boolean;
  private readonly display: (id: string) => string;

  private readonly fileStates = new Map<string, FileState>();
  private readonly ownership = new OwnershipTable();
  private readonly applied = new Map<string, AppliedRecord>();
  private readonly drifted = new Set<string>();
  /** Deletions we made ourselves (prune, recreate): their DELETED events are not drift. */
  private readonly selfDeleting = new Set<string>();
  private readonly recreating = new Set<string>();
  /**
   * Objects the folder itself created. One that existed before the folder declared it (created with kubectl)
   * is updated like kubectl apply would, but never pruned: removing it from the folder just lets go of it.
   */
  private readonly createdHere = new Set<string>();
  private readonly waitingForNamespace = new Map<string, Set<string>>();
  private readonly watches = new Map<string, Unsubscribe>();
  private served = new Map<string, ServedKind>();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;

  constructor(options: ReconcilerOptions) {
    this.options = options;
    this.source = options.source;
    this.fieldManager = options.fieldManager ?? 'kubesim';
    this.recreate = options.recreate ?? true;
    this.display = options.display ?? ((id) => `${options.dir.replace(/\/+$/, '')}/${id}`);
    this.status = new ReconcileState(options.dir, options.now ?? (() => this.source.now()));
    this.refreshKinds();
  }

  private refreshKinds(): void {
    this.served = new Map(this.source.kinds().map((k) => [servedKey(apiVersionOf(k), k.kind), k]));
  }

  // ---- the queue: every pass runs alone, in the order it was asked for ----

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.pending++;
    const run = this.queue.then(async () => {
      try {
        if (!this.closed) await work();
      } catch (e) {
        // A bug in one pass must not stop the next; surface it as a problem of the dir.
        this.status.addProblem(this.options.dir, { file: this.options.dir, line: 1, col: 1, message: `internal error: ${(e as Error).stack ?? e}` });
      } finally {
        this.pending--;
      }
    });
    this.queue = run;
    return run;
  }

  /** Resolves once no pass is queued or running (background recreates may still be waiting). */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  /** The first load: files in sorted path order, so on a clash the first file keeps the object. */
  load(files: { id: string; read: ReadResult }[]): Promise<void> {
    const sorted = [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.enqueue(async () => {
      // Namespaces declared anywhere in the folder go first, so the objects in them find them.
      for (const f of sorted) if (f.read.kind === 'text') await this.applyNamespacesOf(f.id, f.read.text);
      for (const f of sorted) await this.pass(f.id, f.read, 'settled', false, performance.now());
    });
  }

  /** Namespaces applied ahead of the first load; their files' passes do not report them a second time. */
  private readonly namespacesFirst = new Set<string>();

  private async applyNamespacesOf(id: string, text: string): Promise<void> {
    if (!/\bNamespace\b/.test(text)) return;
    const fs = this.fileState(id);
    const parsed = parseManifest(text, fs.display);
    if (parsed.issues.length > 0) return; // the file's own pass reports them
    for (const mo of parsed.objects) {
      if (mo.object.kind !== 'Namespace' || mo.object.apiVersion !== 'v1' || !mo.object.metadata?.name) continue;
      const key = refKey(this.refFor(mo.object));
      // Problems found here are found again, and reported, by the file's pass.
      if (await this.applyObject(fs, key, mo, 'settled', true, [])) this.namespacesFirst.add(key);
    }
  }

  /** A file's content as just read after an event. `seenAt` is performance.now() when the event arrived. */
  fileChanged(id: string, read: ReadResult, mode: PassMode, seenAt = performance.now()): Promise<void> {
    return this.enqueue(() => this.pass(id, read, mode, false, seenAt));
  }

  /** The file is gone (confirmed after the quiet period). */
  fileRemoved(id: string): Promise<void> {
    return this.enqueue(() => this.removeFile(id));
  }

  /** Re-reads a file from disk and applies it regardless of its hash (retries, take-overs). */
  private reapplyFromDisk(id: string): void {
    void this.enqueue(async () => {
      const read = await this.options.readFile(id);
      if (read.kind === 'missing') return this.removeFile(id);
      await this.pass(id, read, 'settled', true, performance.now());
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const unsubscribe of this.watches.values()) unsubscribe();
    this.watches.clear();
    await this.queue;
  }

  // ---- one pass over one file ----

  private fileState(id: string): FileState {
    let fs = this.fileStates.get(id);
    if (!fs) {
      fs = { id, display: this.display(id), declared: new Map(), owned: new Map(), lastSent: new Map() };
      this.fileStates.set(id, fs);
    }
    return fs;
  }

  private async pass(id: string, read: ReadResult, mode: PassMode, force: boolean, seenAt: number): Promise<void> {
    if (read.kind === 'missing') {
      if (mode === 'settled') await this.removeFile(id);
      return;
    }
    const fs = this.fileState(id);
    const hasDrift = [...fs.owned.keys()].some((k) => this.drifted.has(k));
    if (!force && !hasDrift) {
      if (read.hash === fs.settledHash) return;
      if (mode === 'fast' && read.hash === fs.processedHash) return;
      if (mode === 'settled' && read.hash === fs.cleanFastHash) {
        fs.settledHash = read.hash;
        return;
      }
    }
    if (read.kind === 'refused') {
      // Not a manifest at all: say so once the file is quiet; what it applied before stays.
      if (mode === 'settled') {
        this.status.setProblems(fs.display, [{ file: fs.display, line: 1, col: 1, message: read.message }]);
        fs.processedHash = fs.settledHash = read.hash;
      }
      return;
    }
    const parsed = parseManifest(read.text, fs.display);
    // Mid-burst, a parse problem may be an editor's half-written file: only a quiet re-read may report it.
    if (mode === 'fast' && parsed.issues.length > 0) return;
    if (mode === 'fast' && parsed.objects.length === 0 && fs.owned.size > 0) return; // an emptied file: wait

    const problems: NewProblem[] = parsed.issues.map((i) => ({ file: i.file, line: i.line, col: i.col, message: i.message }));
    const declared = new Map<string, ManifestObject>();
    for (const mo of parsed.objects) {
      const ref = this.refFor(mo.object);
      // A nameless object is an error the API will name; it must not collide with another nameless one.
      const key = ref.name ? refKey(ref) : `${refKey(ref)}#${mo.documentIndex}.${mo.itemIndex ?? 0}`;
      const first = declared.get(key);
      if (!first) {
        declared.set(key, mo);
        continue;
      }
      const pos = mo.positionOf('metadata.name');
      problems.push({
        file: fs.display,
        ...pos,
        fieldPath: 'metadata.name',
        ref,
        message: `conflict: ${kubectlName(ref)} is declared twice in ${fs.display} (line ${first.start.line} and line ${mo.start.line}); the first is applied`,
      });
    }

    if (mode === 'fast' && problems.length > 0) return; // a duplicate mid-burst: the quiet re-read reports it

    const firstLook = read.hash !== fs.processedHash;
    fs.processedHash = read.hash;
    if (mode === 'settled') fs.settledHash = read.hash;

    // Anything the file declared before and no longer does waits for the settled pass (prune or release).
    const removedSome = [...fs.declared.keys(), ...fs.owned.keys()].some((k) => !declared.has(k));
    let deferred = false;
    for (const [key, mo] of [...declared].sort(applyOrder)) {
      const ok = await this.applyObject(fs, key, mo, mode, firstLook, problems);
      if (!ok) deferred = true;
    }

    // Only a file read cleanly says for sure what it no longer declares.
    if (!parsed.incomplete && parsed.issues.length === 0) {
      if (mode === 'settled') {
        for (const [key, ref] of [...fs.owned]) if (!declared.has(key)) await this.releaseObject(fs, key, ref);
        for (const key of fs.declared.keys()) {
          if (!declared.has(key) && !fs.owned.has(key)) this.ownership.release(this.refOfKey(fs, key), fs.id);
        }
      }
      fs.declared = mode === 'settled' ? declared : new Map([...fs.declared, ...declared]);
    } else {
      for (const [key, mo] of declared) fs.declared.set(key, mo);
    }

    // The fast pass leaves errors for the settled pass to confirm; a clean fast pass clears old ones at once.
    if (mode === 'settled' || !deferred) {
      this.status.setProblems(fs.display, [...problems, ...this.recreateProblems(fs)]);
    }
    if (mode === 'settled') {
      const keep = new Set([...[...declared.values()].map((mo) => refKey(this.refFor(mo.object))), ...fs.owned.keys()]);
      this.status.retainObjects(fs.display, keep);
    } else if (!deferred && !removedSome) {
      fs.cleanFastHash = read.hash;
    }
    this.status.markApplied(fs.display);
    this.status.pass(fs.display, performance.now() - seenAt);
    if (mode === 'settled') this.wakeOwnerWaiters(fs.id);
  }

  /** Problems of objects still being recreated: they stay until the new object exists. */
  private recreateProblems(fs: FileState): NewProblem[] {
    return this.status
      .problemsOf(fs.display)
      .filter((p) => p.ref && this.recreating.has(refKey(p.ref)))
      .map(({ since: _since, ...p }) => p);
  }

  private refOfKey(fs: FileState, key: string): ObjectRef {
    const mo = fs.declared.get(key);
    if (mo) return this.refFor(mo.object);
    const [kind, namespace, ...rest] = key.split('/');
    return { kind: kind!, ...(namespace ? { namespace } : {}), name: rest.join('/') };
  }

  private servedKind(object: KubeObject): ServedKind | undefined {
    let found = this.served.get(servedKey(object.apiVersion, object.kind));
    if (!found) {
      this.refreshKinds(); // a source can learn kinds (CRDs) while running
      found = this.served.get(servedKey(object.apiVersion, object.kind));
    }
    return found;
  }

  /** The object's ref as the API will see it: namespaced kinds default to `default`. */
  private refFor(object: KubeObject): ObjectRef {
    const ref = refOf(object);
    const served = this.servedKind(object);
    if (served && !served.namespaced) delete ref.namespace;
    else if (!ref.namespace) ref.namespace = 'default';
    return ref;
  }

  /** Applies one declared object. Returns false when the fast pass left an error for the settled pass. */
  private async applyObject(
    fs: FileState,
    key: string,
    mo: ManifestObject,
    mode: PassMode,
    firstLook: boolean,
    problems: NewProblem[],
  ): Promise<boolean> {
    const ref = this.refFor(mo.object);
    const base = { ref, file: fs.display, documentIndex: mo.documentIndex };
    const fail = (message: string, fieldPath?: string): boolean => {
      if (mode === 'fast') return false;
      const pos = fieldPath ? mo.positionOf(fieldPath) : mo.start;
      const position = { file: fs.display, line: pos.line, col: pos.col, ...(fieldPath ? { path: fieldPath } : {}) };
      problems.push({ file: fs.display, line: pos.line, col: pos.col, ...(fieldPath ? { fieldPath } : {}), message, ref });
      this.status.setObject({ ...base, outcome: 'error', message, position });
      return true;
    };

    const served = this.servedKind(mo.object);
    if (!served) {
      const ns = mo.object.metadata?.namespace ?? '';
      return fail(resourceMappingNotFound({ name: ref.name, namespace: ns, file: fs.display, kind: ref.kind, apiVersion: mo.object.apiVersion }), 'kind');
    }
    if (!mo.object.metadata?.name && mo.object.metadata?.generateName) {
      return fail(`from ${fs.display}: cannot use generate name with apply`, 'metadata.generateName');
    }
    const owner = ref.name ? this.ownership.claim(ref, fs.id) : fs.id;
    if (owner !== fs.id) {
      if (mode === 'settled' && (await this.options.readFile(owner)).kind === 'missing') {
        // The owner file is gone or mid-save (a rename): its removal hands the object over to this file,
        // and its return has this file checked again. No conflict to report in between.
        this.waitOnOwner(owner, fs.id);
        return true;
      }
      const ownerDisplay = this.display(owner);
      return fail(`conflict: ${kubectlName(ref)} is declared in both ${ownerDisplay} and ${fs.display}; ${ownerDisplay} keeps it`, 'metadata.name');
    }
    if (this.recreating.has(key)) return true; // the recreate applies the latest content when the old one is gone

    const desired = withSourceAnnotation(mo.object, fs.id);
    if (served.namespaced) desired.metadata.namespace = ref.namespace;
    const report = (outcome: ObjectOutcome, message?: string): void =>
      this.status.setObject({ ...base, outcome, ...(message ? { message } : {}), position: { file: fs.display, ...mo.start } });

    if (sameJson(fs.lastSent.get(key), desired) && !this.drifted.has(key)) {
      fs.owned.set(key, ref);
      if (firstLook && !this.namespacesFirst.delete(key)) report(served.simulated ? 'unchanged' : 'not-simulated', served.simulated ? undefined : 'unchanged');
      return true;
    }
    try {
      const result = await this.source.apply(desired, { fieldManager: this.fieldManager });
      fs.owned.set(key, ref);
      fs.lastSent.set(key, desired);
      this.drifted.delete(key);
      if (result.outcome === 'created') this.createdHere.add(key);
      this.applied.set(key, {
        file: fs.id,
        desired,
        fingerprint: declaredFingerprint(result.object, desired),
        ...(result.object.metadata.uid ? { uid: result.object.metadata.uid } : {}),
        ...(result.object.metadata.resourceVersion ? { resourceVersion: result.object.metadata.resourceVersion } : {}),
      });
      this.watchKind(ref.kind, mo.object.apiVersion);
      if (firstLook || result.outcome !== 'unchanged') {
        report(served.simulated ? result.outcome : 'not-simulated', served.simulated ? undefined : result.outcome);
      }
      return true;
    } catch (e) {
      if (mode === 'fast') return false;
      if (!isApiError(e)) throw e;
      const fieldPath = fieldPathOfError(e);
      const message = messageOfError(e);
      if (isImmutablePodChange(e) && this.recreate) {
        fail(message, fieldPath);
        this.report(fs, mo, 'recreating', 'deleting it to create it again');
        this.startRecreate(fs, key, ref);
        return true;
      }
      const namespace = isNamespaceNotFound(e);
      if (namespace) this.waitForNamespace(namespace, fs.id);
      // A missing namespace names no field; the line to fix is the object's namespace.
      return fail(message, fieldPath ?? (namespace ? 'metadata.namespace' : undefined));
    }
  }

  private report(fs: FileState, mo: ManifestObject, outcome: ObjectOutcome, message?: string): void {
    this.status.setObject({
      ref: this.refFor(mo.object),
      file: fs.display,
      documentIndex: mo.documentIndex,
      outcome,
      ...(message ? { message } : {}),
      position: { file: fs.display, ...mo.start },
    });
  }

  // ---- removal: pruning, handing over to another file ----

  /** `fs` no longer declares `key`: hand it to the next file that declares it, or prune it. */
  private async releaseObject(fs: FileState, key: string, ref: ObjectRef): Promise<void> {
    fs.owned.delete(key);
    fs.lastSent.delete(key);
    const { next, wasOwner } = this.ownership.release(ref, fs.id);
    if (!wasOwner) return;
    const record = this.applied.get(key);
    this.applied.delete(key);
    this.drifted.delete(key);
    if (next) {
      this.reapplyFromDisk(next);
      return;
    }
    let live: KubeObject;
    try {
      live = await this.source.get({ ...ref, ...(record ? { apiVersion: record.desired.apiVersion } : {}) });
    } catch (e) {
      if (isApiError(e) && e.code === 404) return;
      throw e;
    }
    // kubectl created it or took it over, or a protected namespace: never ours to delete.
    if (!this.createdHere.has(key) || !mayPrune(live, fs.id)) return;
    this.createdHere.delete(key);
    // No drift record is left for it, so its DELETED event passes unnoticed.
    try {
      await this.source.delete(ref);
      this.status.setObject({ ref, file: fs.display, documentIndex: -1, outcome: 'deleted' });
    } catch (e) {
      if (!(isApiError(e) && e.code === 404)) {
        this.status.setObject({ ref, file: fs.display, documentIndex: -1, outcome: 'error', message: messageOfError(e) });
      }
    }
  }

  private async removeFile(id: string): Promise<void> {
    const fs = this.fileStates.get(id);
    if (!fs) return;
    for (const [key, ref] of [...fs.owned]) await this.releaseObject(fs, key, ref);
    for (const key of fs.declared.keys()) this.ownership.release(this.refOfKey(fs, key), fs.id);
    for (const files of this.waitingForNamespace.values()) files.delete(id);
    this.fileStates.delete(id);
    this.status.removeFile(fs.display);
    this.wakeOwnerWaiters(id);
  }

  // ---- waiting: owner files mid-rename, namespaces that do not exist yet, Pods being recreated ----

  private readonly ownerWaiters = new Map<string, Set<string>>();

  private waitOnOwner(owner: string, waiter: string): void {
    const waiters = this.ownerWaiters.get(owner) ?? new Set();
    waiters.add(waiter);
    this.ownerWaiters.set(owner, waiters);
  }

  /** The owner file was read again (or is gone for good): files that waited on it are checked again. */
  private wakeOwnerWaiters(owner: string): void {
    const waiters = this.ownerWaiters.get(owner);
    if (!waiters) return;
    this.ownerWaiters.delete(owner);
    for (const id of waiters) this.reapplyFromDisk(id);
  }

  private waitForNamespace(namespace: string, fileId: string): void {
    let files = this.waitingForNamespace.get(namespace);
    if (!files) {
      files = new Set();
      this.waitingForNamespace.set(namespace, files);
    }
    files.add(fileId);
    this.watchKind('Namespace', 'v1');
  }

  private namespaceAppeared(name: string): void {
    const files = this.waitingForNamespace.get(name);
    if (!files) return;
    this.waitingForNamespace.delete(name);
    for (const id of files) this.reapplyFromDisk(id);
  }

  /** Deletes the Pod gracefully, waits until it is gone, then applies the file again (which creates it). */
  private startRecreate(fs: FileState, key: string, ref: ObjectRef): void {
    this.recreating.add(key);
    this.selfDeleting.add(key);
    fs.lastSent.delete(key);
    const gone = waitUntilGone(this.source, ref);
    void (async () => {
      try {
        await this.source.delete(ref);
        await gone;
      } catch (e) {
        if (!(isApiError(e) && e.code === 404)) {
          this.status.addProblem(fs.display, { file: fs.display, line: 1, col: 1, message: messageOfError(e), ref });
        }
      } finally {
        this.recreating.delete(key);
        this.applied.delete(key);
        if (!this.closed) this.reapplyFromDisk(fs.id);
      }
    })();
  }

  // ---- drift: changes made behind the folder's back ----

  private watchKind(kind: string, apiVersion: string): void {
    const key = servedKey(apiVersion, kind);
    if (this.watches.has(key) || this.closed) return;
    this.watches.set(key, this.source.watch(kind, {}, (event) => this.onWatchEvent(event), apiVersion));
  }

  private onWatchEvent(event: WatchEvent): void {
    const object = event.object;
    if (object.kind === 'Namespace' && event.type !== 'DELETED') this.namespaceAppeared(object.metadata.name ?? '');
    const key = refKey(refOf(object));
    const record = this.applied.get(key);
    if (!record) return;
    if (event.type === 'DELETED') {
      if (this.selfDeleting.delete(key)) return;
      this.markDrifted(key, record, 'deleted behind the folder\'s back; re-applied on the next save');
      return;
    }
    if (this.selfDeleting.has(key) || object.metadata.deletionTimestamp) return;
    if (notNewer(object.metadata.resourceVersion, record.resourceVersion)) return;
    if (record.uid && object.metadata.uid && record.uid !== object.metadata.uid) {
      this.markDrifted(key, record, 'replaced behind the folder\'s back; re-applied on the next save');
      return;
    }
    if (declaredFingerprint(object, record.desired) !== record.fingerprint) {
      this.markDrifted(key, record, 'changed behind the folder\'s back; re-applied on the next save');
    }
  }

  private markDrifted(key: string, record: AppliedRecord, message: string): void {
    if (this.drifted.has(key)) return;
    this.drifted.add(key);
    const fs = this.fileStates.get(record.file);
    if (!fs) return;
    const mo = fs.declared.get(key);
    this.status.setObject({
      ref: refOf(record.desired),
      file: fs.display,
      documentIndex: mo?.documentIndex ?? -1,
      outcome: 'drifted',
      message,
      ...(mo ? { position: { file: fs.display, ...mo.start } } : {}),
    });
  }
}
