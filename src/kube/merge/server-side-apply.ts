// `kubectl apply --server-side` (PATCH with application/apply-patch+yaml), simplified: the
// configuration is merged into the live object with strategic-merge semantics, the manager's
// `managedFields` entry records the fields it applied, fields it applied before and no longer does
// are removed (when no one else owns them), and changing a field another manager owns is a 409
// conflict unless forced — in which case the other manager loses that field.

import { ApiError } from '../api-error.js';
import type { KubeObject, ManagedFieldsEntry } from '../types.js';
import { fieldSetOf, hasPath, leafPaths, pathText, removeAt, valueAt, withoutPath, type PathStep } from './fields-v1.js';
import { cloneJson, isJsonObject, jsonEqual, type JsonObject } from './json-value.js';
import { patchMetaFor } from './patch-strategy.js';
import { strategicMergePatch } from './strategic-merge-patch.js';

export interface ServerSideApplyOptions {
  /** The field manager (`?fieldManager=`; kubectl sends `kubectl`). */
  manager: string;
  /** `?force=true`: take over conflicting fields instead of failing. */
  force?: boolean;
  /** RFC 3339 time for the managedFields entry; the clock lives outside src/kube. */
  time: string;
  /** Picks the merge keys; defaults to the configuration's kind. */
  kind?: string;
}

interface Conflict {
  entry: ManagedFieldsEntry;
  path: PathStep[];
}

/** The object after applying `config` server-side (`live` undefined: it is created). */
export function serverSideApply(live: KubeObject | undefined, config: KubeObject, options: ServerSideApplyOptions): KubeObject {
  const meta = patchMetaFor(options.kind ?? config.kind ?? live?.kind);
  const applied = appliedPart(config);
  const fields = fieldSetOf(applied, meta);
  let entries: ManagedFieldsEntry[] = cloneJson(live?.metadata.managedFields ?? []);
  const isMine = (e: ManagedFieldsEntry) => e.manager === options.manager && e.operation === 'Apply' && !e.subresource;

  if (live) {
    const conflicts = findConflicts(live as unknown as JsonObject, applied, fields, entries.filter((e) => !isMine(e)));
    if (conflicts.length > 0 && !options.force) throw conflictError(conflicts);
    for (const c of conflicts) {
      c.entry.fieldsV1 = withoutPath(c.entry.fieldsV1 as JsonObject, c.path);
    }
    entries = entries.filter((e) => isMine(e) || Object.keys((e.fieldsV1 as JsonObject | undefined) ?? {}).length > 0);
  }

  let merged = (live ? strategicMergePatch(live, applied, config.kind) : cloneJson(applied)) as unknown as JsonObject;
  const previous = entries.find(isMine);
  if (live && previous && isJsonObject(previous.fieldsV1)) {
    const others = entries.filter((e) => !isMine(e));
    for (const path of leafPaths(previous.fieldsV1)) {
      if (hasPath(fields, path)) continue;
      if (others.some((e) => isJsonObject(e.fieldsV1) && hasPath(e.fieldsV1, path))) continue;
      merged = removeAt(merged, path) as JsonObject;
    }
  }

  const entry: ManagedFieldsEntry = {
    manager: options.manager,
    operation: 'Apply',
    apiVersion: config.apiVersion,
    time: options.time,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
  };
  const at = entries.findIndex(isMine);
  if (at >= 0) entries[at] = entry;
  else entries.push(entry);

  const result = merged as unknown as KubeObject;
  result.metadata = { ...result.metadata, managedFields: entries };
  return result;
}

/** What of a configuration is applied: no status (the main resource ignores it), no managedFields. */
function appliedPart(config: KubeObject): JsonObject {
  const out = { ...(config as unknown as JsonObject) };
  delete out.status;
  if (isJsonObject(out.metadata)) {
    const metadata = { ...out.metadata };
    delete metadata.managedFields;
    out.metadata = metadata;
  }
  return out;
}

function findConflicts(live: JsonObject, applied: JsonObject, fields: JsonObject, others: ManagedFieldsEntry[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const path of leafPaths(fields)) {
    const last = path[path.length - 1];
    if (last === undefined || last.startsWith('k:')) continue; // an item as a whole is not a value
    const now = valueAt(live, path);
    if (now === undefined || jsonEqual(now, valueAt(applied, path))) continue;
    for (const entry of others) {
      if (isJsonObject(entry.fieldsV1) && hasPath(entry.fieldsV1, path)) conflicts.push({ entry, path });
    }
  }
  return conflicts;
}

/** How the API server names a manager in a conflict (apiserver's printManager). */
function managerText(e: ManagedFieldsEntry): string {
  const name = JSON.stringify(e.manager);
  if (e.operation !== 'Update') return name;
  return e.time ? `${name} using ${e.apiVersion} at ${e.time}` : `${name} using ${e.apiVersion}`;
}

function conflictError(conflicts: Conflict[]): ApiError {
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${managerText(conflicts[0]!.entry)}: ${pathText(conflicts[0]!.path)}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) {
      const who = managerText(c.entry);
      byManager.set(who, [...(byManager.get(who) ?? []), pathText(c.path)]);
    }
    const lines: string[] = [];
    for (const who of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${who}:`, ...byManager.get(who)!.map((p) => `- ${p}`));
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError('Conflict', message, {
    causes: conflicts.map((c) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with ${managerText(c.entry)}`,
      field: pathText(c.path),
    })),
  });
}
