// Which file owns which object. The record lives on the object itself (an annotation naming the source file,
// beside the last-applied configuration `apply` keeps), so `kubectl get -o yaml` shows where an object came
// from and the reconciler never prunes what it did not create. In memory, the first file to declare an object
// keeps it; a second file declaring it gets a conflict naming both.

import type { KubeObject, ObjectRef } from '../kube/types.js';
import { refKey } from '../kube/types.js';

export const SOURCE_ANNOTATION = 'kubesim.dev/source';

/** Namespaces whose objects are never pruned, whoever created them. */
const PROTECTED_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** A copy of `object` carrying the source annotation. */
export function withSourceAnnotation(object: KubeObject, sourceFile: string): KubeObject {
  const metadata = object.metadata ?? {};
  return {
    ...object,
    metadata: { ...metadata, annotations: { ...(metadata.annotations ?? {}), [SOURCE_ANNOTATION]: sourceFile } },
  };
}

/** May the folder delete `live` on behalf of `sourceFile`? Only if it still names that file as its source. */
export function mayPrune(live: KubeObject, sourceFile: string): boolean {
  if (live.metadata.namespace && PROTECTED_NAMESPACES.has(live.metadata.namespace)) return false;
  return live.metadata.annotations?.[SOURCE_ANNOTATION] === sourceFile;
}

export interface Claim {
  owner: string;
  /** Other files that declare the same object, in the order they did. */
  contenders: string[];
}

/** Object key → the file that owns it, and any files that also declare it. */
export class OwnershipTable {
  private readonly claims = new Map<string, Claim>();

  /** Claims `ref` for `file`. Returns the owner: `file` itself, or the earlier file that keeps it. */
  claim(ref: ObjectRef, file: string): string {
    const key = refKey(ref);
    const claim = this.claims.get(key);
    if (!claim) {
      this.claims.set(key, { owner: file, contenders: [] });
      return file;
    }
    if (claim.owner !== file && !claim.contenders.includes(file)) claim.contenders.push(file);
    return claim.owner;
  }

  ownerOf(ref: ObjectRef): string | undefined {
    return this.claims.get(refKey(ref))?.owner;
  }

  /**
   * `file` no longer declares `ref`. If it owned it, the earliest contender takes over and is returned
   * (the caller applies that file's version instead of pruning).
   */
  release(ref: ObjectRef, file: string): { next?: string; wasOwner: boolean } {
    const key = refKey(ref);
    const claim = this.claims.get(key);
    if (!claim) return { wasOwner: false };
    if (claim.owner !== file) {
      claim.contenders = claim.contenders.filter((f) => f !== file);
      return { wasOwner: false };
    }
    const next = claim.contenders.shift();
    if (next === undefined) this.claims.delete(key);
    else claim.owner = next;
    return next === undefined ? { wasOwner: true } : { next, wasOwner: true };
  }
}
