// The shell's syntax tree: what the parser builds and the interpreter walks.

export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  /** `$NAME`, `${NAME}`, `${NAME:-word}`, `${#NAME}`, and the specials `$?`, `$$`, `$#`, `$@`, `$*`, `$0`…`$9`. */
  | { kind: 'param'; name: string; quoted: boolean; op?: ParamOp; arg?: Word }
  /** `$(...)` and backquotes: the source is parsed when it runs. */
  | { kind: 'command'; source: string; quoted: boolean }
  | { kind: 'arith'; expression: string; quoted: boolean };

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | 'length' | '#' | '##' | '%' | '%%';

export interface Word {
  parts: WordPart[];
  /** The source text, for reserved-word checks and error messages. */
  raw: string;
}

export interface Redirect {
  fd: number;
  /** `<<` is a here-document: `target` is its body. */
  op: '>' | '>>' | '<' | '>&' | '<&' | '&>' | '<<';
  target: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export type Command =
  | { kind: 'simple'; assignments: Assignment[]; words: Word[]; redirects: Redirect[] }
  | { kind: 'if'; branches: { condition: List; body: List }[]; otherwise?: List; redirects: Redirect[] }
  | { kind: 'for'; variable: string; items: Word[] | undefined; body: List; redirects: Redirect[] }
  | { kind: 'while'; until: boolean; condition: List; body: List; redirects: Redirect[] }
  | { kind: 'case'; subject: Word; arms: { patterns: Word[]; body: List }[]; redirects: Redirect[] }
  | { kind: 'group'; body: List; subshell: boolean; redirects: Redirect[] }
  | { kind: 'function'; name: string; body: Command };

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

export type List = AndOr[];
