// ReconcileStatus: what the folder reconciler (src/manifests) reports, per file and per object. The dashboard's
// problems pane and the headless printer read it; neither knows how the reconciler works. Types only.

import type { ObjectRef } from './types.js';

/** 1-based, as editors and the yaml package count. `path` is the field path (`spec.containers[0].imagee`). */
export interface SourcePosition {
  file: string;
  line: number;
  col: number;
  path?: string;
}

export type ObjectOutcome =
  | 'created'
  | 'configured'
  | 'unchanged'
  | 'deleted'
  /** Stored and served, but no controller simulates this kind yet. */
  | 'not-simulated'
  /** Changed or deleted behind the folder's back; re-applied on the next save of its file. */
  | 'drifted'
  /** An immutable change: being deleted so it can be created again. */
  | 'recreating'
  | 'error';

export interface ManifestProblem {
  /** Path as the user would type it, relative to the current directory. */
  file: string;
  line: number;
  col: number;
  fieldPath?: string;
  message: string;
  /** The object the problem belongs to, when one could be identified. */
  ref?: ObjectRef;
  /** When the problem was first seen (epoch ms). */
  since: number;
}

export interface ObjectStatus {
  ref: ObjectRef;
  file: string;
  documentIndex: number;
  outcome: ObjectOutcome;
  /** For errors: the API's message; for others, optional detail. */
  message?: string;
  position?: SourcePosition;
  /** When this outcome was reached (epoch ms). */
  at: number;
}

export interface FileStatus {
  file: string;
  objects: ObjectStatus[];
  /** Parse, validation, conflict and apply errors; they stay until the file is fixed or deleted. */
  problems: ManifestProblem[];
  /** When the file's content was last applied (epoch ms). */
  appliedAt?: number;
}

export type ReconcileEvent =
  | { type: 'object'; status: ObjectStatus }
  | { type: 'problem'; problem: ManifestProblem }
  /** A file's problems are all gone (fixed or deleted). */
  | { type: 'resolved'; file: string }
  /** One pass over a changed file finished (`ms` from the save being seen to the store written). */
  | { type: 'pass'; file: string; ms: number };

export interface ReconcileStatus {
  /** The watched folder, as given on the command line. */
  readonly dir: string;
  files(): FileStatus[];
  /** Every current problem, oldest first. */
  problems(): ManifestProblem[];
  subscribe(listener: (event: ReconcileEvent) => void): () => void;
}
