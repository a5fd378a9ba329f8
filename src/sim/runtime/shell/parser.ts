// Recursive descent over the tokens: lists of and-or lists of pipelines of commands, with the compound
// commands a container's `sh -c` meets (if, for, while/until, case, { }, ( ), functions). Reserved words
// count only as a command's first word, as in POSIX.

import type { AndOr, Assignment, Command, List, Pipeline, Redirect, Word } from './ast.js';
import { IncompleteInput, ShellSyntaxError, tokenize, type Token } from './tokenizer.js';

export function parseScript(source: string): List {
  return new Parser(tokenize(source)).script();
}

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}', '!']);

function literal(word: Word): string | undefined {
  return word.parts.length === 1 && word.parts[0]!.kind === 'text' && !word.parts[0]!.quoted ? word.parts[0]!.text : undefined;
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  script(): List {
    const list = this.list([]);
    const token = this.peek();
    if (token.type !== 'eof') throw new ShellSyntaxError(describe(token));
    return list;
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private reservedAhead(): string | undefined {
    const token = this.peek();
    if (token.type !== 'word') return undefined;
    const text = literal(token.word);
    return text !== undefined && RESERVED.has(text) ? text : undefined;
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.i++;
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token.type === 'op' && token.op === op;
  }

  /** And-or lists up to one of the `terminators` (reserved words), `)`, `;;` or the end. */
  private list(terminators: string[]): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.type === 'eof' || this.isOp(')') || this.isOp(';;')) break;
      const reserved = this.reservedAhead();
      if (reserved && terminators.includes(reserved)) break;
      const andOr = this.andOr();
      list.push(andOr);
      const after = this.peek();
      if (after.type === 'op' && (after.op === ';' || after.op === '&')) {
        this.i++;
        andOr.background = after.op === '&';
      } else if (after.type !== 'newline') {
        break;
      }
    }
    return list;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const token = this.peek();
      if (token.type !== 'op' || (token.op !== '&&' && token.op !== '||')) break;
      this.i++;
      this.skipNewlines();
      rest.push({ op: token.op, pipeline: this.pipeline() });
    }
    return { first, rest, background: false };
  }

  private pipeline(): Pipeline {
    let negated = false;
    if (this.reservedAhead() === '!') {
      this.i++;
      negated = true;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negated, commands };
  }

  private command(): Command {
    const token = this.peek();
    if (token.type === 'eof') throw new IncompleteInput('command');
    if (token.type === 'op') {
      if (token.op !== '(') throw new ShellSyntaxError(describe(token));
      this.i++;
      const body = this.list([]);
      this.expectOp(')');
      return { kind: 'group', body, subshell: true, redirects: this.redirects() };
    }
    switch (this.reservedAhead()) {
      case 'if':
        return this.ifCommand();
      case 'for':
        return this.forCommand();
      case 'while':
      case 'until':
        return this.whileCommand();
      case 'case':
        return this.caseCommand();
      case '{': {
        this.i++;
        const body = this.list(['}']);
        this.expectReserved('}');
        return { kind: 'group', body, subshell: false, redirects: this.redirects() };
      }
      case undefined:
      case 'in':
        return this.simpleCommand();
      default:
        throw new ShellSyntaxError(describe(token));
    }
  }

  private expectReserved(word: string): void {
    this.skipNewlines();
    const token = this.peek();
    if (token.type === 'eof') throw new IncompleteInput(`"${word}"`);
    if (this.reservedAhead() !== word) throw new ShellSyntaxError(describe(token));
    this.i++;
  }

  private expectOp(op: string): void {
    this.skipNewlines();
    const token = this.peek();
    if (token.type === 'eof') throw new IncompleteInput(`"${op}"`);
    if (!this.isOp(op)) throw new ShellSyntaxError(describe(token));
    this.i++;
  }

  private nonEmptyList(terminators: string[]): List {
    const list = this.list(terminators);
    if (list.length === 0) {
      const token = this.peek();
      if (token.type === 'eof') throw new IncompleteInput(`"${terminators[0]}"`);
      throw new ShellSyntaxError(describe(token));
    }
    return list;
  }

  private ifCommand(): Command {
    this.i++;
    const branches: { condition: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const condition = this.nonEmptyList(['then']);
      this.expectReserved('then');
      const body = this.nonEmptyList(['elif', 'else', 'fi']);
      branches.push({ condition, body });
      const word = this.reservedAhead();
      if (word === 'elif') {
        this.i++;
        continue;
      }
      if (word === 'else') {
        this.i++;
        otherwise = this.nonEmptyList(['fi']);
      }
      this.expectReserved('fi');
      return { kind: 'if', branches, otherwise, redirects: this.redirects() };
    }
  }

  private forCommand(): Command {
    this.i++;
    const nameToken = this.next();
    if (nameToken.type === 'eof') throw new IncompleteInput('name');
    const variable = nameToken.type === 'word' ? literal(nameToken.word) : undefined;
    if (!variable || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new ShellSyntaxError(describe(nameToken));
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.reservedAhead() === 'in') {
      this.i++;
      items = [];
      while (this.peek().type === 'word') items.push((this.next() as { word: Word }).word);
    }
    if (this.isOp(';')) this.i++;
    this.expectReserved('do');
    const body = this.nonEmptyList(['done']);
    this.expectReserved('done');
    return { kind: 'for', variable, items, body, redirects: this.redirects() };
  }

  private whileCommand(): Command {
    const until = this.reservedAhead() === 'until';
    this.i++;
    const condition = this.nonEmptyList(['do']);
    this.expectReserved('do');
    const body = this.nonEmptyList(['done']);
    this.expectReserved('done');
    return { kind: 'while', until, condition, body, redirects: this.redirects() };
  }

  private caseCommand(): Command {
    this.i++;
    const subjectToken = this.next();
    if (subjectToken.type !== 'word') throw subjectToken.type === 'eof' ? new IncompleteInput('word') : new ShellSyntaxError(describe(subjectToken));
    this.expectReserved('in');
    const arms: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.reservedAhead() === 'esac') break;
      if (this.peek().type === 'eof') throw new IncompleteInput('"esac"');
      if (this.isOp('(')) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        const token = this.next();
        if (token.type !== 'word') throw token.type === 'eof' ? new IncompleteInput(')') : new ShellSyntaxError(describe(token));
        patterns.push(token.word);
        if (this.isOp('|')) {
          this.i++;
          continue;
        }
        this.expectOp(')');
        break;
      }
      const body = this.list(['esac']);
      arms.push({ patterns, body });
      if (this.isOp(';;')) this.i++;
    }
    this.expectReserved('esac');
    return { kind: 'case', subject: subjectToken.word, arms, redirects: this.redirects() };
  }

  private redirects(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.peek().type === 'redirect' || this.peek().type === 'heredoc') redirects.push(this.redirect());
    return redirects;
  }

  private redirect(): Redirect {
    const next = this.next();
    if (next.type === 'heredoc') return { fd: next.fd ?? 0, op: '<<', target: next.body };
    const token = next as Extract<Token, { type: 'redirect' }>;
    const target = this.next();
    if (target.type === 'eof') throw new IncompleteInput('word');
    if (target.type !== 'word') throw new ShellSyntaxError(describe(target));
    const fd = token.fd ?? (token.op === '<' || token.op === '<&' ? 0 : 1);
    return { fd, op: token.op, target: target.word };
  }

  private simpleCommand(): Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === 'redirect' || token.type === 'heredoc') {
        redirects.push(this.redirect());
        continue;
      }
      if (token.type !== 'word') break;
      const first = token.word.parts[0];
      const assignment = words.length === 0 && first?.kind === 'text' && !first.quoted ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text) : null;
      this.i++;
      if (assignment) {
        const rest = first!.kind === 'text' ? first!.text.slice(assignment[0].length) : '';
        const parts = [...(rest ? [{ kind: 'text' as const, text: rest, quoted: false }] : []), ...token.word.parts.slice(1)];
        assignments.push({ name: assignment[1]!, value: { parts, raw: token.word.raw.slice(assignment[0].length) } });
        continue;
      }
      words.push(token.word);
      // `name() compound`: a function definition
      if (words.length === 1 && this.isOp('(') && this.tokens[this.i + 1]?.type === 'op' && (this.tokens[this.i + 1] as { op: string }).op === ')') {
        const name = literal(token.word);
        if (name) {
          this.i += 2;
          this.skipNewlines();
          return { kind: 'function', name, body: this.command() };
        }
      }
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) throw new ShellSyntaxError(describe(this.peek()));
    return { kind: 'simple', assignments, words, redirects };
  }
}

/** How a token appears in `syntax error: unexpected …`. */
function describe(token: Token): string {
  switch (token.type) {
    case 'word':
      return token.word.raw;
    case 'op':
      return token.op;
    case 'redirect':
      return `${token.fd ?? ''}${token.op}`;
    case 'heredoc':
      return '<<';
    case 'newline':
      return 'newline';
    case 'eof':
      return 'end of file';
  }
}
