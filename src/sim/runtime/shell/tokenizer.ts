// Splits shell source into words (keeping which parts were quoted, and the expansions inside them) and
// operators. POSIX quoting: '…' is literal, "…" expands $ and ` and knows \ before $ ` " \ and newline,
// a bare \ quotes the next character.

import type { ParamOp, Word, WordPart } from './ast.js';

export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: Operator }
  | { type: 'redirect'; fd: number | undefined; op: '>' | '>>' | '<' | '>&' | '<&' | '&>' }
  /** `<<DELIM` / `<<-DELIM`: the body is read after the end of the line; a quoted delimiter stops expansion. */
  | { type: 'heredoc'; fd: number | undefined; body: Word }
  | { type: 'newline' }
  | { type: 'eof' };

export type Operator = ';' | ';;' | '&' | '&&' | '|' | '||' | '(' | ')';

/** The source ended inside a quote or a construct: an interactive shell asks for more (`> `). */
export class IncompleteInput extends Error {
  constructor(readonly expecting: string) {
    super(`unexpected end of file (expecting ${expecting})`);
  }
}

export class ShellSyntaxError extends Error {
  constructor(readonly token: string) {
    super(`unexpected ${token}`);
  }
}

const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

export function tokenize(source: string): Token[] {
  return new Tokenizer(source).run();
}

interface PendingHeredoc {
  token: Extract<Token, { type: 'heredoc' }>;
  delimiter: string;
  expand: boolean;
  stripTabs: boolean;
}

class Tokenizer {
  private i = 0;
  private readonly tokens: Token[] = [];
  private readonly heredocs: PendingHeredoc[] = [];

  constructor(private readonly s: string) {}

  run(): Token[] {
    for (;;) {
      this.skipBlanks();
      if (this.i >= this.s.length) break;
      const c = this.s[this.i]!;
      if (c === '#') {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '\n') {
        this.i++;
        this.tokens.push({ type: 'newline' });
        this.readHeredocBodies();
        continue;
      }
      if (this.readOperator()) continue;
      this.readWord();
    }
    // a here-document whose body never came (`sh -c 'cat <<EOF'`) is empty, as in ash
    this.readHeredocBodies();
    this.tokens.push({ type: 'eof' });
    return this.tokens;
  }

  private readHeredocBodies(): void {
    for (const pending of this.heredocs.splice(0)) {
      const lines: string[] = [];
      while (this.i < this.s.length) {
        const end = this.s.indexOf('\n', this.i);
        let line = this.s.slice(this.i, end < 0 ? undefined : end);
        this.i = end < 0 ? this.s.length : end + 1;
        if (pending.stripTabs) line = line.replace(/^\t+/, '');
        if (line === pending.delimiter) break;
        lines.push(line);
      }
      const body = lines.map((l) => `${l}\n`).join('');
      if (!pending.expand) {
        pending.token.body = { parts: [{ kind: 'text', text: body, quoted: true }], raw: body };
        continue;
      }
      // an unquoted delimiter: the body expands as inside double quotes, where `"` is just a character
      const inner = new Tokenizer(`"${body.replace(/\\(?=")|"/g, (m) => (m === '"' ? '\\"' : '\\\\'))}"`).run()[0];
      pending.token.body = inner?.type === 'word' ? inner.word : { parts: [], raw: '' };
    }
  }

  private readHeredocOperator(fd: number | undefined): void {
    this.i += 2;
    const stripTabs = this.s[this.i] === '-';
    if (stripTabs) this.i++;
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
    const start = this.i;
    while (this.i < this.s.length && !' \t\r\n;&|()<>'.includes(this.s[this.i]!)) this.i++;
    const raw = this.s.slice(start, this.i);
    if (!raw) throw new ShellSyntaxError('newline');
    const token: Extract<Token, { type: 'heredoc' }> = { type: 'heredoc', fd, body: { parts: [], raw: '' } };
    this.tokens.push(token);
    this.heredocs.push({ token, delimiter: raw.replace(/['"\\]/g, ''), expand: !/['"\\]/.test(raw), stripTabs });
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '\\' && this.s[this.i + 1] === '\n') this.i += 2;
      else return;
    }
  }

  private readOperator(fd?: number): boolean {
    if (this.s.startsWith('<<', this.i)) {
      this.readHeredocOperator(fd);
      return true;
    }
    const rest = this.s.slice(this.i, this.i + 2);
    const redirect = /^(&>|>>|>&|<&|>|<)/.exec(rest);
    if (redirect) {
      const op = redirect[1] as '>' | '>>' | '<' | '>&' | '<&' | '&>';
      this.i += op.length;
      this.tokens.push({ type: 'redirect', fd: undefined, op });
      return true;
    }
    for (const op of ['&&', '||', ';;', ';', '&', '|', '(', ')'] as const) {
      if (this.s.startsWith(op, this.i)) {
        this.i += op.length;
        this.tokens.push({ type: 'op', op });
        return true;
      }
    }
    return false;
  }

  private readWord(): void {
    const start = this.i;
    const parts: WordPart[] = [];
    const text = (t: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text' && last.quoted === quoted) last.text += t;
      else parts.push({ kind: 'text', text: t, quoted });
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (' \t\r\n;&|()<>'.includes(c)) {
        // `2>file`, `2>&1`: an all-digit word right before a redirection is its fd
        if ((c === '>' || c === '<') && parts.length === 1 && parts[0]!.kind === 'text' && !parts[0]!.quoted && /^\d$/.test(parts[0]!.text)) {
          this.readOperator(Number(parts[0]!.text));
          const token = this.tokens[this.tokens.length - 1]!;
          if (token.type === 'redirect') token.fd = Number(parts[0]!.text);
          return;
        }
        break;
      }
      if (c === '\\') {
        if (this.s[this.i + 1] === '\n') {
          this.i += 2;
          continue;
        }
        if (this.i + 1 >= this.s.length) {
          this.i++;
          continue;
        }
        text(this.s[this.i + 1]!, true);
        this.i += 2;
      } else if (c === "'") {
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) throw new IncompleteInput("'");
        text(this.s.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.readDoubleQuoted(parts, text);
      } else if (c === '$') {
        this.readDollar(parts, text, false);
      } else if (c === '`') {
        parts.push({ kind: 'command', source: this.readBackquoted(), quoted: false });
      } else {
        text(c, false);
        this.i++;
      }
    }
    this.tokens.push({ type: 'word', word: { parts, raw: this.s.slice(start, this.i) } });
  }

  private readDoubleQuoted(parts: WordPart[], text: (t: string, quoted: boolean) => void): void {
    let sawAnything = false;
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '"') {
        this.i++;
        if (!sawAnything) text('', true);
        return;
      }
      sawAnything = true;
      if (c === '\\' && '$`"\\\n'.includes(this.s[this.i + 1] ?? '')) {
        if (this.s[this.i + 1] !== '\n') text(this.s[this.i + 1]!, true);
        this.i += 2;
      } else if (c === '$') {
        this.readDollar(parts, text, true);
      } else if (c === '`') {
        parts.push({ kind: 'command', source: this.readBackquoted(), quoted: true });
      } else {
        text(c, true);
        this.i++;
      }
    }
    throw new IncompleteInput('"');
  }

  private readBackquoted(): string {
    const end = this.s.indexOf('`', this.i + 1);
    if (end < 0) throw new IncompleteInput('`');
    const source = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    return source;
  }

  private readDollar(parts: WordPart[], text: (t: string, quoted: boolean) => void, quoted: boolean): void {
    const next = this.s[this.i + 1] ?? '';
    if (this.s.startsWith('$((', this.i)) {
      const end = this.findClosing(this.i + 3, '((', '))');
      parts.push({ kind: 'arith', expression: this.s.slice(this.i + 3, end), quoted });
      this.i = end + 2;
    } else if (next === '(') {
      const end = this.findClosing(this.i + 2, '(', ')');
      parts.push({ kind: 'command', source: this.s.slice(this.i + 2, end), quoted });
      this.i = end + 1;
    } else if (next === '{') {
      const end = this.findClosing(this.i + 2, '{', '}');
      parts.push(parseBraced(this.s.slice(this.i + 2, end), quoted));
      this.i = end + 1;
    } else if (/[A-Za-z_]/.test(next)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i + 1))![0];
      parts.push({ kind: 'param', name, quoted });
      this.i += 1 + name.length;
    } else if (SPECIAL_PARAMS.has(next)) {
      parts.push({ kind: 'param', name: next, quoted });
      this.i += 2;
    } else {
      text('$', quoted);
      this.i++;
    }
  }

  /** Index of the `close` that balances an already-opened `open`, skipping quotes. */
  private findClosing(from: number, open: string, close: string): number {
    let depth = 1;
    for (let j = from; j < this.s.length; j++) {
      const c = this.s[j]!;
      if (c === '\\') {
        j++;
      } else if (c === "'" && open !== '{') {
        const end = this.s.indexOf("'", j + 1);
        if (end < 0) break;
        j = end;
      } else if (this.s.startsWith(close, j)) {
        if (--depth === 0) return j;
        j += close.length - 1;
      } else if (this.s.startsWith(open, j)) {
        depth++;
        j += open.length - 1;
      }
    }
    throw new IncompleteInput(close);
  }
}

/** The inside of `${…}`: a name, maybe `#` before it, maybe an operator and a word after it. */
function parseBraced(inner: string, quoted: boolean): WordPart {
  if (inner.startsWith('#') && inner.length > 1) return { kind: 'param', name: inner.slice(1), quoted, op: 'length' };
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%)?([\s\S]*)$/.exec(inner);
  if (!m) throw new ShellSyntaxError(`\${${inner}}: bad substitution`);
  const [, name, op, rest] = m;
  if (!op) {
    if (rest) throw new ShellSyntaxError(`\${${inner}}: bad substitution`);
    return { kind: 'param', name: name!, quoted };
  }
  // the word after the operator keeps its blanks: `${A:-two words}` is one word
  const parts: WordPart[] = [];
  for (const token of tokenize(rest!)) {
    if (token.type !== 'word') continue;
    if (parts.length > 0) parts.push({ kind: 'text', text: ' ', quoted: true });
    parts.push(...token.word.parts.map((p) => (quoted ? { ...p, quoted: true } : p)));
  }
  return { kind: 'param', name: name!, quoted, op: op as ParamOp, arg: { parts, raw: rest! } };
}
