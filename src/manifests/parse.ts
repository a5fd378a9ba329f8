// Manifest text → Kubernetes objects, each remembering where it came from (file, document, line and column of
// every field), plus the problems kubectl would report before anything reaches the API server: YAML errors,
// documents that are not Kubernetes objects. One bad document never stops the others in the same file.

import { LineCounter, parseAllDocuments, type Document, type Tags } from 'yaml';
import type { KubeObject } from '../kube/types.js';
import { fastParseDocuments } from './fast-yaml.js';
import { lookupPosition, recordPositions, subTable, type LineCol, type PositionTable } from './positions.js';

export interface ManifestObject {
  /** The file as shown to the user (relative to the current directory). */
  file: string;
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
  /** For the items of a `kind: List`: the item's index. */
  itemIndex?: number;
  object: KubeObject;
  /** Where the object (its document or list item) starts. */
  start: LineCol;
  /** The line and column of a field path such as `spec.containers[0].imagee` (or of its nearest ancestor). */
  positionOf(fieldPath: string): LineCol;
}

export interface ManifestIssue extends LineCol {
  file: string;
  message: string;
  documentIndex?: number;
  fieldPath?: string;
}

export interface ParsedManifest {
  file: string;
  objects: ManifestObject[];
  issues: ManifestIssue[];
  /**
   * Some part of the file could not be read as YAML: what it declares is not known for sure, so nothing
   * this file applied before may be pruned on its account.
   */
  incomplete: boolean;
}

/**
 * go-yaml v2 (under kubectl) resolves plain scalars mostly as YAML 1.1 (`yes` is a boolean, `0777` octal), but
 * keeps timestamps as strings when decoding into JSON and knows no base-60 numbers: `date: 2024-01-01` stays
 * "2024-01-01" and `at: 12:30` stays "12:30".
 */
function kubectlTags(tags: Tags): Tags {
  return tags.filter((t) => {
    const tag = t as { tag?: string; format?: string };
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
  });
}

const YAML_OPTIONS = { uniqueKeys: true, version: '1.1', prettyErrors: true, merge: true, customTags: kubectlTags } as const;
const MAX_ALIAS_COUNT = 100;
/**
 * Parsing a megabyte of aliases takes the yaml package seconds before its own alias limit can act, so a file
 * with more alias-like tokens than any hand-written manifest has is refused before parsing. (A `*word` inside
 * a quoted string counts too; no real manifest comes near the limit.)
 */
const MAX_ALIAS_TOKENS = 1000;
const ALIAS_TOKEN = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/gm;

/** The offset of the alias token past the limit, or -1. */
function aliasFlood(text: string): number {
  if (!text.includes('*')) return -1;
  ALIAS_TOKEN.lastIndex = 0;
  let count = 0;
  while (ALIAS_TOKEN.exec(text)) if (++count > MAX_ALIAS_TOKENS) return ALIAS_TOKEN.lastIndex;
  return -1;
}

/** The yaml package's message without its ` at line N, column M:` suffix and code frame (we print file:line:col). */
function parserMessage(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut >= 0 ? message.slice(0, cut) : message.split('\n')[0]!).trim();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** kubectl's decoder error for a document that is not a Kubernetes object. */
function missingField(file: string, field: 'Kind' | 'apiVersion', value: unknown): string {
  return `unable to decode "${file}": Object '${field}' is missing in '${JSON.stringify(value)}'`;
}

/** The document's problems as kubectl reports them, or undefined for a usable object. */
function objectProblem(file: string, value: unknown): string | undefined {
  if (!isPlainObject(value)) return `unable to decode "${file}": json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`;
  if (typeof value.kind !== 'string' || value.kind === '') return missingField(file, 'Kind', value);
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') return missingField(file, 'apiVersion', value);
  return undefined;
}

function isListKind(value: Record<string, unknown>): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function docStart(doc: Document, lines: LineCounter): LineCol {
  const contents = doc.contents as { range?: [number, number, number] } | null;
  return lines.linePos(contents?.range?.[0] ?? doc.range?.[0] ?? 0);
}

function manifestObject(
  file: string,
  documentIndex: number,
  object: KubeObject,
  table: () => PositionTable,
  start: LineCol,
  itemIndex?: number,
): ManifestObject {
  // metadata may be missing; the API's error for it is found by path later.
  if (!isPlainObject(object.metadata)) object.metadata = object.metadata ?? {};
  return {
    file,
    documentIndex,
    ...(itemIndex === undefined ? {} : { itemIndex }),
    object,
    start,
    positionOf: (fieldPath) => lookupPosition(table(), fieldPath, start),
  };
}

/** Parses one file's text. `file` is the name used in messages. */
export function parseManifest(text: string, file: string): ParsedManifest {
  const result: ParsedManifest = { file, objects: [], issues: [], incomplete: false };
  const flood = aliasFlood(text);
  if (flood >= 0) {
    const line = text.slice(0, flood).split('\n').length;
    const col = flood - text.lastIndexOf('\n', flood - 1);
    const message = `more than ${MAX_ALIAS_TOKENS} aliases: refusing what looks like a resource exhaustion attack (billion laughs)`;
    return { ...result, incomplete: true, issues: [{ file, line, col, message }] };
  }
  // Plain block YAML (nearly every manifest) is read without the yaml package's syntax tree.
  const fast = fastParseDocuments(text);
  if (fast) {
    fast.forEach((doc, documentIndex) => {
      if (doc.value !== null) addDocument(result, documentIndex, doc.value, doc.start, doc.positions);
    });
    return result;
  }
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines });
  // A stream that is not even a document list (an empty EmptyStream) has no documents.
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, documentIndex) => {
    if (doc.errors.length > 0) {
      result.incomplete = true;
      for (const err of doc.errors) {
        const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
        result.issues.push({ file, documentIndex, line: pos.line, col: pos.col, message: parserMessage(err.message) });
      }
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // Excessive aliasing (a billion-laughs file) throws here rather than landing in doc.errors.
      result.incomplete = true;
      const pos = docStart(doc, lines);
      result.issues.push({ file, documentIndex, ...pos, message: (e as Error).message });
      return;
    }
    if (value === null || value === undefined) return; // an empty document, as kubectl skips it
    const table: PositionTable = new Map();
    recordPositions(doc.contents, '', lines, table);
    addDocument(result, documentIndex, value, docStart(doc, lines), () => table);
  });
  return result;
}

/** One document's value: an object, the items of a `kind: List`, or kubectl's error for it. */
function addDocument(result: ParsedManifest, documentIndex: number, value: unknown, start: LineCol, positions: () => PositionTable): void {
  const file = result.file;
  const problem = objectProblem(file, value);
  if (problem) {
    result.issues.push({ file, documentIndex, ...start, message: problem });
    return;
  }
  const obj = value as Record<string, unknown>;
  if (!isListKind(obj)) {
    result.objects.push(manifestObject(file, documentIndex, obj as KubeObject, positions, start));
    return;
  }
  const table = positions();
  (obj.items as unknown[]).forEach((item, itemIndex) => {
    const prefix = `items[${itemIndex}]`;
    const itemTable = subTable(table, prefix);
    const itemStart = table.get(prefix) ?? start;
    const itemProblem = objectProblem(file, item);
    if (itemProblem) result.issues.push({ file, documentIndex, ...itemStart, message: itemProblem });
    else result.objects.push(manifestObject(file, documentIndex, item as KubeObject, () => itemTable, itemStart, itemIndex));
  });
}
