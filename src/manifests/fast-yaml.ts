// A fast reader for the plain block YAML nearly every manifest is written in (`key: value`, `- item`, plain
// words, simple quoted strings, decimal integers), which the yaml package reads about ten times slower
// because it builds a concrete syntax tree, a document model and then plain values. Anything outside that
// small subset (anchors, tags, flow collections, block scalars, escapes, comments after values, words YAML 1.1
// reads as booleans or nulls, numbers other than plain decimals, duplicate keys, odd indentation…) makes it
// give up, and the caller parses the whole file with the yaml package instead: the subset's results are the
// yaml package's, only cheaper. Field positions are found by parsing a document again, only when asked.

import type { LineCol, PositionTable } from './positions.js';

export interface FastDocument {
  value: unknown;
  /** Where the document's content starts. */
  start: LineCol;
  /** Every field path's position (computed on the first call). */
  positions: () => PositionTable;
}

/** Thrown inside the reader when the text leaves the subset; never escapes `fastParseDocuments`. */
class OutsideSubset extends Error {}
const outside = new OutsideSubset();

interface Line {
  /** 0-based line number in the file. */
  n: number;
  indent: number;
  /** The content after the indentation, without trailing spaces. */
  text: string;
}

/** YAML 1.1 (as the yaml package and go-yaml v2 read it) gives these words another type than string. */
const NOT_A_STRING = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
const KEY = /^[A-Za-z_/][\w./-]*$/;
const PLAIN = /^[A-Za-z/_][\w./:@+=,-]*(?: +[\w./:@+=,()-]+)*$/;
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Kubernetes quantities such as `100m` or `128Mi`: strings in every YAML schema. */
const QUANTITY = /^[0-9]+(?:m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)$/;
const DOUBLE_QUOTED = /^"[^"\\]*"$/;
const SINGLE_QUOTED = /^'[^']*'$/;
const MAPPING_ENTRY = /:(?: |$)/;

function scalar(s: string): unknown {
  if (DOUBLE_QUOTED.test(s) || SINGLE_QUOTED.test(s)) return s.slice(1, -1);
  if (INTEGER.test(s)) return Number(s);
  if (QUANTITY.test(s)) return s;
  if (PLAIN.test(s) && !NOT_A_STRING.test(s) && !MAPPING_ENTRY.test(s)) return s;
  throw outside;
}

function isSequenceLine(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** Reads one document's lines (at least one). `table` collects positions when given. */
class DocumentReader {
  private i = 0;
  constructor(
    private readonly lines: Line[],
    private readonly table?: PositionTable,
  ) {}

  read(): unknown {
    const first = this.lines[0]!;
    if (!isSequenceLine(first.text) && !MAPPING_ENTRY.test(first.text)) throw outside; // a bare scalar document
    const value = this.block(first.indent, '');
    if (this.i !== this.lines.length) throw outside;
    return value;
  }

  private at(line: Line, path: string): void {
    this.table?.set(path, { line: line.n + 1, col: line.indent + 1 });
  }

  private block(indent: number, path: string): unknown {
    return isSequenceLine(this.lines[this.i]!.text) ? this.sequence(indent, path) : this.mapping(indent, path);
  }

  private mapping(indent: number, path: string): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const lines = this.lines;
    while (this.i < lines.length && lines[this.i]!.indent === indent) {
      const line = lines[this.i]!;
      const text = line.text;
      const colon = text.indexOf(':');
      if (colon <= 0 || (colon + 1 < text.length && text[colon + 1] !== ' ')) throw outside;
      const key = text.slice(0, colon);
      if (!KEY.test(key) || NOT_A_STRING.test(key) || key === '__proto__' || Object.hasOwn(obj, key)) throw outside;
      const here = path ? `${path}.${key}` : key;
      this.at(line, here);
      const rest = text.slice(colon + 1).trimStart();
      this.i++;
      if (rest !== '') {
        obj[key] = scalar(rest);
      } else {
        const next = lines[this.i];
        if (next && (next.indent > indent || (next.indent === indent && isSequenceLine(next.text)))) {
          if (next.indent > indent && !isSequenceLine(next.text) && !MAPPING_ENTRY.test(next.text)) throw outside;
          obj[key] = this.block(next.indent, here);
        } else {
          obj[key] = null;
        }
      }
      if (this.i < lines.length && lines[this.i]!.indent > indent) throw outside;
    }
    return obj;
  }

  private sequence(indent: number, path: string): unknown[] {
    const items: unknown[] = [];
    const lines = this.lines;
    while (this.i < lines.length && lines[this.i]!.indent === indent && isSequenceLine(lines[this.i]!.text)) {
      const line = lines[this.i]!;
      if (line.text === '-') throw outside; // an item on the next line (or a null item): rare, left to yaml
      const rest = line.text.slice(1);
      const content = rest.trimStart();
      const col = indent + 1 + (rest.length - content.length);
      const here = `${path}[${items.length}]`;
      // The item's content becomes a line of its own at its column, so a mapping continues below it.
      const item: Line = { n: line.n, indent: col, text: content };
      lines[this.i] = item;
      this.at(item, here);
      if (isSequenceLine(content) || MAPPING_ENTRY.test(content)) {
        items.push(this.block(col, here));
      } else {
        items.push(scalar(content));
        this.i++;
      }
      if (this.i < lines.length && lines[this.i]!.indent > indent) throw outside;
    }
    return items;
  }
}

/** One document's content lines, or undefined when a line is outside the subset. */
function contentLine(raw: string, n: number): Line | null | undefined {
  const text = raw.trimEnd();
  if (text === '') return null;
  const content = text.trimStart();
  if (content.startsWith('#')) return null;
  if (content.includes('#') || text.includes('\t')) return undefined;
  return { n, indent: text.length - content.length, text: content };
}

function readLines(lines: Line[], table?: PositionTable): unknown {
  return new DocumentReader(lines, table).read();
}

/**
 * The documents of `text` with their values, or undefined when the text is not entirely in the subset (the
 * caller then uses the yaml package). Empty documents are included with a null value, so indexes match.
 */
export function fastParseDocuments(text: string): FastDocument[] | undefined {
  if (text.includes('\r')) return undefined;
  const raw = text.split('\n');
  const docs: FastDocument[] = [];
  let lines: Line[] = [];
  let marker = false;
  const finish = (): void => {
    if (lines.length === 0) {
      docs.push({ value: null, start: { line: 1, col: 1 }, positions: () => new Map() });
      return;
    }
    const first = lines[0]!;
    const from = first.n;
    const to = lines[lines.length - 1]!.n + 1;
    const value = readLines(lines);
    let table: PositionTable | undefined;
    docs.push({
      value,
      start: { line: first.n + 1, col: first.indent + 1 },
      // Read again from the file's lines (kept by reference) rather than keeping every document's parsed lines.
      positions: () => {
        if (!table) {
          table = new Map();
          const again: Line[] = [];
          for (let n = from; n < to; n++) {
            const line = contentLine(raw[n]!, n);
            if (line) again.push(line);
          }
          readLines(again, table);
        }
        return table;
      },
    });
  };
  try {
    for (let n = 0; n < raw.length; n++) {
      const line = raw[n]!;
      if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) {
        if (line.trimEnd() !== '---') return undefined;
        if (lines.length > 0 || marker) finish();
        lines = [];
        marker = true;
        continue;
      }
      const content = contentLine(line, n);
      if (content === undefined) return undefined;
      if (content) lines.push(content);
    }
    if (lines.length > 0 || marker) finish();
  } catch (e) {
    if (e === outside) return undefined;
    throw e;
  }
  return docs;
}
