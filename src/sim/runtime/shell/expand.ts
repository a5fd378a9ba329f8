// Word expansion: parameters, command substitution, arithmetic, then field splitting of what was unquoted,
// then pathname expansion (globs) against the container's filesystem.

import type { Word, WordPart } from './ast.js';
import type { Task } from '../process/task.js';
import { resolvePath, type ContainerFilesystem } from '../filesystem.js';
import { evaluateArithmetic } from './arithmetic.js';

export interface ExpansionScope {
  lookup(name: string): string | undefined;
  /** `$@` as separate fields. */
  positional(): string[];
  assign(name: string, value: string): void;
  substitute(source: string): Task<string>;
  readonly fs: ContainerFilesystem;
  readonly cwd: string;
}

/** `${A:?msg}` on an unset A, or a bad `$(( ))`: the shell prints it and the command fails. */
export class ExpansionError extends Error {}

/** A piece of expanded text and whether field splitting and globbing may touch it. */
interface Piece {
  text: string;
  literal: boolean;
  /** Starts a new field ("$@" gives one field per argument). */
  newField?: boolean;
}

function* expandPart(part: WordPart, scope: ExpansionScope): Task<Piece[]> {
  switch (part.kind) {
    case 'text':
      return [{ text: part.text, literal: part.quoted }];
    case 'command': {
      const out = (yield* scope.substitute(part.source)).replace(/\n+$/, '');
      return [{ text: out, literal: part.quoted }];
    }
    case 'arith': {
      const inner = yield* expandToString({ parts: tokenizeArith(part.expression), raw: part.expression }, scope);
      try {
        const value = evaluateArithmetic(inner, (n) => scope.lookup(n), (n, v) => scope.assign(n, v));
        return [{ text: String(value), literal: part.quoted }];
      } catch (error) {
        throw new ExpansionError(`arithmetic syntax error`);
      }
    }
    case 'param': {
      if ((part.name === '@' || part.name === '*') && !part.op) {
        const args = scope.positional();
        if (part.quoted && part.name === '@') return args.map((a, i) => ({ text: a, literal: true, newField: i > 0 }));
        return [{ text: args.join(' '), literal: part.quoted }];
      }
      const value = scope.lookup(part.name);
      return [{ text: yield* applyOp(part, value, scope), literal: part.quoted }];
    }
  }
}

function tokenizeArith(expression: string): WordPart[] {
  // $(( $x + 1 )) and $(( x + 1 )) both work: expand $-parameters inside first
  const parts: WordPart[] = [];
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])\}?/g;
  let last = 0;
  for (const m of expression.matchAll(re)) {
    if (m.index! > last) parts.push({ kind: 'text', text: expression.slice(last, m.index), quoted: true });
    parts.push({ kind: 'param', name: m[1]!, quoted: true });
    last = m.index! + m[0].length;
  }
  if (last < expression.length) parts.push({ kind: 'text', text: expression.slice(last), quoted: true });
  return parts;
}

function* applyOp(part: Extract<WordPart, { kind: 'param' }>, value: string | undefined, scope: ExpansionScope): Task<string> {
  const arg = () => (part.arg ? expandToString(part.arg, scope) : emptyTask());
  switch (part.op) {
    case undefined:
      return value ?? '';
    case 'length':
      return String((value ?? '').length);
    case ':-':
      return value ? value : yield* arg();
    case '-':
      return value !== undefined ? value : yield* arg();
    case ':=':
    case '=': {
      if (part.op === ':=' ? value : value !== undefined) return value!;
      const assigned = yield* arg();
      scope.assign(part.name, assigned);
      return assigned;
    }
    case ':+':
      return value ? yield* arg() : '';
    case '+':
      return value !== undefined ? yield* arg() : '';
    case ':?':
    case '?': {
      if (part.op === ':?' ? value : value !== undefined) return value!;
      const message = yield* arg();
      throw new ExpansionError(`${part.name}: ${message || 'parameter not set'}`);
    }
    default: {
      const pattern = globToRegExpSource(yield* arg());
      const v = value ?? '';
      const greedy = part.op === '##' || part.op === '%%';
      const re = part.op.startsWith('#') ? new RegExp(`^(${pattern})`) : new RegExp(`(${pattern})$`);
      if (!greedy) {
        // shortest match: try growing prefixes/suffixes
        if (part.op === '#') {
          for (let n = 0; n <= v.length; n++) if (new RegExp(`^(?:${pattern})$`).test(v.slice(0, n))) return v.slice(n);
        } else {
          for (let n = v.length; n >= 0; n--) if (new RegExp(`^(?:${pattern})$`).test(v.slice(n))) return v.slice(0, n);
        }
        return v;
      }
      return v.replace(re, '');
    }
  }
}

function* emptyTask(): Task<string> {
  return '';
}

/** A word as one string, no splitting or globbing (assignments, redirection targets, case subjects). */
export function* expandToString(word: Word, scope: ExpansionScope): Task<string> {
  let out = '';
  for (const part of word.parts) {
    const pieces = yield* expandPart(part, scope);
    out += pieces.map((p) => p.text).join(part.kind === 'param' && part.name === '@' ? ' ' : '');
  }
  if (word.parts[0]?.kind === 'text' && !word.parts[0].quoted) out = expandTilde(out, scope);
  return out;
}

function expandTilde(text: string, scope: ExpansionScope): string {
  if (text === '~' || text.startsWith('~/')) return (scope.lookup('HOME') ?? '/root') + text.slice(1);
  return text;
}

/** A word as fields: the argv entries it becomes. */
export function* expandWord(word: Word, scope: ExpansionScope): Task<string[]> {
  const fields: { text: string; glob: boolean }[] = [];
  let current = '';
  let glob = false;
  let open = false;
  const flush = () => {
    if (open) fields.push({ text: current, glob });
    current = '';
    glob = false;
    open = false;
  };
  for (const [index, part] of word.parts.entries()) {
    const pieces = yield* expandPart(part, scope);
    for (const piece of pieces) {
      if (piece.newField) flush();
      let text = piece.text;
      if (index === 0 && part.kind === 'text' && !part.quoted) text = expandTilde(text, scope);
      if (piece.literal || part.kind === 'text') {
        current += text;
        open = true;
        if (!piece.literal && /[*?[]/.test(text)) glob = true;
        continue;
      }
      // an unquoted expansion: split on blanks
      const chunks = text.split(/[ \t\n]+/);
      for (const [i, chunk] of chunks.entries()) {
        if (i > 0) flush();
        if (chunk) {
          current += chunk;
          open = true;
          if (/[*?[]/.test(chunk)) glob = true;
        }
      }
    }
  }
  flush();
  const result: string[] = [];
  for (const field of fields) result.push(...(field.glob ? globExpand(field.text, scope) : [field.text]));
  return result;
}

export function globToRegExpSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else out += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return out;
}

export function globMatches(pattern: string, text: string): boolean {
  return new RegExp(`^(?:${globToRegExpSource(pattern)})$`, 's').test(text);
}

/** Pathname expansion, one directory level per component; no match leaves the pattern as it is. */
function globExpand(pattern: string, scope: ExpansionScope): string[] {
  const absolute = pattern.startsWith('/');
  let candidates = [absolute ? '/' : ''];
  for (const component of pattern.split('/').filter((c) => c !== '')) {
    const next: string[] = [];
    for (const base of candidates) {
      const dir = resolvePath(scope.cwd, base || '.');
      if (!/[*?[]/.test(component)) {
        const path = base === '' ? component : base === '/' ? `/${component}` : `${base}/${component}`;
        if (scope.fs.stat(resolvePath(scope.cwd, path))) next.push(path);
        continue;
      }
      for (const name of scope.fs.list(dir)) {
        if (name.startsWith('.') && !component.startsWith('.')) continue;
        if (globMatches(component, name)) next.push(base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
      }
    }
    candidates = next;
    if (candidates.length === 0) break;
  }
  return candidates.length > 0 ? candidates.sort() : [pattern];
}
