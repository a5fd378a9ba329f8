// test / [ / [[: file tests, string and integer comparisons, ! -a -o.

import type { Program } from '../process/program.js';
import { resolvePath } from '../filesystem.js';

export const test: Program = function* (proc, argv) {
  let args = argv.slice(1);
  const name = argv[0]!.split('/').pop()!;
  if (name === '[' || name === '[[') {
    const close = name === '[' ? ']' : ']]';
    if (args[args.length - 1] !== close) {
      proc.stderr(`${name}: missing ${close}\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  const fs = proc.host.fs;
  let error: string | undefined;

  const unary = (op: string, value: string): boolean => {
    const stat = () => fs.stat(resolvePath(proc.cwd, value));
    switch (op) {
      case '-z': return value.length === 0;
      case '-n': return value.length > 0;
      case '-e': case '-r': case '-w': case '-x': return stat() !== undefined;
      case '-f': return stat()?.kind === 'file';
      case '-d': return stat()?.kind === 'dir';
      case '-s': { const s = stat(); return s?.kind === 'file' ? s.content.length > 0 : s !== undefined; }
      case '-L': case '-h': case '-p': case '-S': case '-b': case '-c': return false;
      case '-t': return proc.stdin.isTerminal;
      default: error = `${op}: unknown operand`; return false;
    }
  };

  const int = (v: string): number => {
    if (!/^\s*-?\d+\s*$/.test(v)) {
      error = `${name}: ${v}: bad number`;
      return 0;
    }
    return Number.parseInt(v, 10);
  };

  const binary = (a: string, op: string, b: string): boolean | undefined => {
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return int(a) === int(b);
      case '-ne': return int(a) !== int(b);
      case '-lt': return int(a) < int(b);
      case '-le': return int(a) <= int(b);
      case '-gt': return int(a) > int(b);
      case '-ge': return int(a) >= int(b);
      default: return undefined;
    }
  };

  const primary = (xs: string[]): boolean => {
    if (xs.length === 0) return false;
    if (xs[0] === '!') return !primary(xs.slice(1));
    if (xs.length === 1) return xs[0]!.length > 0;
    if (xs.length === 2) return unary(xs[0]!, xs[1]!);
    if (xs.length === 3) {
      const result = binary(xs[0]!, xs[1]!, xs[2]!);
      if (result !== undefined) return result;
    }
    error = `${name}: syntax error`;
    return false;
  };

  const evaluate = (xs: string[]): boolean => {
    const or = xs.indexOf('-o') >= 0 ? xs.indexOf('-o') : xs.indexOf('||');
    if (or > 0) return evaluate(xs.slice(0, or)) || evaluate(xs.slice(or + 1));
    const and = xs.indexOf('-a') > 0 ? xs.indexOf('-a') : xs.indexOf('&&');
    if (and > 0) return evaluate(xs.slice(0, and)) && evaluate(xs.slice(and + 1));
    return primary(xs);
  };

  const result = evaluate(args);
  if (error) {
    proc.stderr(`sh: ${error}\n`);
    return 2;
  }
  return result ? 0 : 1;
};
