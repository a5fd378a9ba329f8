// Label and field selectors as the API server parses them (apimachinery `labels.Parse`, `fields.ParseSelector`),
// with the same error texts, turned into predicates.

import { badRequest } from './api-error.js';

export type Labels = Record<string, string> | undefined;
export type LabelPredicate = (labels?: Record<string, string>) => boolean;

type Operator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

// ---- lexer -------------------------------------------------------------------------------------

type TokenKind = 'identifier' | '!' | '!=' | '=' | '==' | '(' | ')' | ',' | '>' | '<' | 'in' | 'notin' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
}

const specials = new Set(['!', '=', '(', ')', ',', '>', '<']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (specials.has(ch)) {
      const two = input.slice(i, i + 2);
      if (two === '!=' || two === '==') {
        tokens.push({ kind: two, text: two });
        i += 2;
      } else {
        tokens.push({ kind: ch as TokenKind, text: ch });
        i++;
      }
      continue;
    }
    let j = i;
    while (j < input.length && !specials.has(input[j]) && !/\s/.test(input[j])) j++;
    const word = input.slice(i, j);
    tokens.push({ kind: word === 'in' || word === 'notin' ? word : 'identifier', text: word });
    i = j;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

// ---- parser ------------------------------------------------------------------------------------

class LabelSelectorParser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'end') return requirements;
      if (t.kind !== 'identifier' && t.kind !== '!') {
        throw new Error(`found '${t.text}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.requirement());
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`);
      }
      const after = this.next();
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') throw new Error(`found '${after.text}', expected: ',' or 'end of string'`);
      const following = this.peek();
      if (following.kind !== 'identifier' && following.kind !== '!') {
        throw new Error(`found '${following.text}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): Requirement {
    let negated = false;
    let t = this.next();
    if (t.kind === '!') {
      negated = true;
      t = this.next();
    }
    if (t.kind !== 'identifier') throw new Error(`found '${t.text}', expected: identifier`);
    const key = t.text;
    const ahead = this.peek().kind;
    if (ahead === 'end' || ahead === ',') return { key, operator: negated ? '!' : 'exists', values: [] };
    if (negated) throw new Error(`found '${this.peek().text}', expected: ',' or 'end of string'`);
    const op = this.next();
    switch (op.kind) {
      case 'in':
      case 'notin':
        return { key, operator: op.kind, values: this.valueSet() };
      case '=':
      case '==':
      case '!=':
        return { key, operator: op.kind, values: [this.singleValue()] };
      case '>':
      case '<': {
        const value = this.singleValue();
        if (!/^-?\d+$/.test(value)) throw new Error(`for 'Gt', 'Lt' operators, the value must be an integer`);
        return { key, operator: op.kind === '>' ? 'gt' : 'lt', values: [value] };
      }
      default:
        // Upstream's text, stray quote included.
        throw new Error(`found '${op.text}', expected: '=', '!=', '==', 'in', notin'`);
    }
  }

  private singleValue(): string {
    const t = this.peek();
    if (t.kind === 'end' || t.kind === ',') return '';
    if (t.kind === 'identifier' || t.kind === 'in' || t.kind === 'notin') return this.next().text;
    throw new Error(`found '${t.text}', expected: identifier`);
  }

  private valueSet(): string[] {
    const open = this.next();
    if (open.kind !== '(') throw new Error(`found '${open.text}' expected: '('`);
    const values: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === ')') {
        this.next();
        // `in ()` is an empty set containing only the empty value, as upstream reads it.
        if (values.length === 0) values.push('');
        return values;
      }
      if (t.kind === ',') {
        this.next();
        if (values.length === 0) values.push('');
        if (this.peek().kind === ',' || this.peek().kind === ')') values.push('');
        continue;
      }
      if (t.kind === 'identifier' || t.kind === 'in' || t.kind === 'notin') {
        values.push(this.next().text);
        continue;
      }
      throw new Error(`found '${t.text}', expected: ',', ')' or identifier`);
    }
  }
}

function matches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value);
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value)) return false;
      const n = Number(value);
      return r.operator === 'gt' ? n > Number(r.values[0]) : n < Number(r.values[0]);
    }
  }
}

function predicateOf(requirements: Requirement[]): LabelPredicate {
  return (labels) => requirements.every((r) => matches(r, labels ?? {}));
}

/**
 * `app=web,tier!=db`, `env in (prod, staging)`, `!canary`… → a predicate over an object's labels.
 * An empty selector matches everything. Bad syntax throws a 400 BadRequest with the parser's message.
 */
export function parseLabelSelector(selector: string): LabelPredicate {
  try {
    return predicateOf(new LabelSelectorParser(tokenize(selector)).parse());
  } catch (e) {
    throw badRequest((e as Error).message);
  }
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/**
 * A metav1.LabelSelector (Deployment, Service…). As in `LabelSelectorAsSelector`, an empty selector matches
 * everything; a missing one (undefined/null) matches nothing.
 */
export function matchLabelSelectorObject(selector: LabelSelectorObject | null | undefined, labels?: Record<string, string>): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (l[key] !== value) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** `metav1.FormatLabelSelector`: `app=web,tier in (a,b)`, `<none>` for an empty one. */
export function formatLabelSelectorObject(selector: LabelSelectorObject | null | undefined): string {
  if (!selector) return '<none>';
  // Like labels.Selector.String(): requirements sorted by key, set values sorted.
  const parts: [string, string][] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) parts.push([key, `${key}=${value}`]);
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push([e.key, `${e.key} in (${values})`]);
    else if (e.operator === 'NotIn') parts.push([e.key, `${e.key} notin (${values})`]);
    else if (e.operator === 'Exists') parts.push([e.key, e.key]);
    else parts.push([e.key, `!${e.key}`]);
  }
  const text = parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
  return text === '' ? '<none>' : text;
}

/** `labels.FormatLabels`: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

// ---- field selectors ---------------------------------------------------------------------------

export type ObjectPredicate = (obj: unknown) => boolean;

interface FieldTerm {
  path: string;
  negated: boolean;
  value: string;
}

/** Splits on unescaped commas; a backslash escapes `\`, `,` and `=` in values. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (ch === '\\' && i + 1 < selector.length) {
      current += ch + selector[i + 1];
      i++;
    } else if (ch === ',') {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms;
}

function unescapeValue(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

function parseFieldTerm(term: string, selector: string): FieldTerm {
  for (const op of ['!=', '==', '=']) {
    const at = term.indexOf(op);
    if (at > 0 || (at === 0 && op !== '=')) {
      const path = term.slice(0, at).trim();
      return { path, negated: op === '!=', value: unescapeValue(term.slice(at + op.length)) };
    }
  }
  throw new Error(`invalid selector: '${selector}'; can't understand '${term}'`);
}

/** Reads a dotted field path as the API server's field-label conversion does: absent → "", booleans as text. */
export function fieldValue(obj: unknown, path: string): string {
  // Events select on `source`, which means the component that reported them.
  const steps = path === 'source' ? ['source', 'component'] : path.split('.');
  let value: unknown = obj;
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[step];
  }
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return '';
  return String(value);
}

/**
 * `metadata.name=x`, `spec.nodeName!=n1,status.phase==Running`, `involvedObject.uid=…` → a predicate over
 * whole objects. Terms AND together; an empty selector matches everything.
 */
export function parseFieldSelector(selector: string): ObjectPredicate {
  const trimmed = selector.trim();
  if (trimmed === '') return () => true;
  let terms: FieldTerm[];
  try {
    terms = splitTerms(trimmed).map((t) => parseFieldTerm(t, trimmed));
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  return (obj) => terms.every((t) => (fieldValue(obj, t.path) === t.value) !== t.negated);
}

/** The field paths a field selector names, for servers that check them against a kind's supported labels. */
export function fieldSelectorPaths(selector: string): string[] {
  const trimmed = selector.trim();
  if (trimmed === '') return [];
  try {
    return splitTerms(trimmed).map((t) => parseFieldTerm(t, trimmed).path);
  } catch (e) {
    throw badRequest((e as Error).message);
  }
}
