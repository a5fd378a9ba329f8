// The filters pipes feed: grep, head, tail, wc. `tail -f` keeps reading (the keep-alive `tail -f /dev/null`).

import type { Program } from '../process/program.js';
import { waitForever } from '../process/task.js';
import { linesOf, readInputs } from './input-files.js';

/** A basic (or, with -E, extended) regular expression as a JavaScript one. */
function toRegExp(pattern: string, extended: boolean, ignoreCase: boolean, fixed: boolean): RegExp {
  let source: string;
  if (fixed) source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else if (extended) source = pattern;
  else source = pattern.replace(/\\([(){}|+?])|([(){}|+?])/g, (_m, escaped: string | undefined, plain: string | undefined) => (escaped ? escaped : `\\${plain}`));
  return new RegExp(source, ignoreCase ? 'i' : '');
}

export const grep: Program = function* (proc, argv) {
  let flags = '';
  const rest: string[] = [];
  const patterns: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-e') patterns.push(argv[++i] ?? '');
    else if (/^-[a-zA-Z]+$/.test(arg)) flags += arg.slice(1);
    else rest.push(arg);
  }
  if (patterns.length === 0) {
    if (rest.length === 0) {
      proc.stderr('Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
      return 2;
    }
    patterns.push(rest.shift()!);
  }
  const res = patterns.map((p) => toRegExp(p, flags.includes('E'), flags.includes('i'), flags.includes('F')));
  const { inputs, failed } = yield* readInputs(proc, 'grep', rest);
  const showNames = inputs.length > 1 && !flags.includes('h');
  let matched = 0;
  for (const { name, text } of inputs) {
    let count = 0;
    for (const [i, line] of linesOf(text).entries()) {
      const hit = res.some((re) => re.test(line)) !== flags.includes('v');
      if (!hit) continue;
      count++;
      matched++;
      if (flags.includes('q') || flags.includes('c') || flags.includes('l')) continue;
      proc.stdout(`${showNames ? `${name}:` : ''}${flags.includes('n') ? `${i + 1}:` : ''}${line}\n`);
    }
    if (flags.includes('c')) proc.stdout(`${showNames ? `${name}:` : ''}${count}\n`);
    if (flags.includes('l') && count > 0) proc.stdout(`${name}\n`);
  }
  if (failed && !flags.includes('s')) return 2;
  return matched > 0 ? 0 : 1;
};

function lineCount(argv: string[]): { n: number; files: string[]; follow: boolean; fromStart: boolean } {
  let n = 10;
  let follow = false;
  let fromStart = false;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-n') {
      const value = argv[++i] ?? '10';
      fromStart = value.startsWith('+');
      n = Number.parseInt(value.replace(/^[+-]/, ''), 10);
    } else if (/^-n[+-]?\d+$/.test(arg)) {
      fromStart = arg[2] === '+';
      n = Number.parseInt(arg.slice(2).replace(/^[+-]/, ''), 10);
    } else if (/^-\d+$/.test(arg)) n = Number.parseInt(arg.slice(1), 10);
    else if (arg === '-f' || arg === '-F') follow = true;
    else files.push(arg);
  }
  return { n, files, follow, fromStart };
}

export const head: Program = function* (proc, argv) {
  const { n, files } = lineCount(argv);
  const { inputs, failed } = yield* readInputs(proc, 'head', files);
  for (const { text } of inputs) proc.stdout(linesOf(text).slice(0, n).map((l) => `${l}\n`).join(''));
  return failed ? 1 : 0;
};

export const tail: Program = function* (proc, argv) {
  const { n, files, follow, fromStart } = lineCount(argv);
  const { inputs, failed } = yield* readInputs(proc, 'tail', files.filter((f) => f !== '/dev/null'));
  for (const { text } of inputs) {
    const lines = linesOf(text);
    proc.stdout((fromStart ? lines.slice(Math.max(0, n - 1)) : lines.slice(Math.max(0, lines.length - n))).map((l) => `${l}\n`).join(''));
  }
  // -f: nothing more is ever appended by anyone in this simulation's files; wait like the real one does
  if (follow) yield* waitForever();
  return failed ? 1 : 0;
};

export const wc: Program = function* (proc, argv) {
  const flags = argv.slice(1).filter((a) => a.startsWith('-')).join('');
  const files = argv.slice(1).filter((a) => !a.startsWith('-'));
  const { inputs, failed } = yield* readInputs(proc, 'wc', files);
  const show = { l: flags.includes('l'), w: flags.includes('w'), c: flags.includes('c') || flags.includes('m') };
  if (!show.l && !show.w && !show.c) show.l = show.w = show.c = true;
  const single = show.l !== show.w ? true : show.l !== show.c ? true : false;
  for (const { name, text } of inputs) {
    const counts: number[] = [];
    if (show.l) counts.push((text.match(/\n/g) ?? []).length);
    if (show.w) counts.push(text.split(/\s+/).filter(Boolean).length);
    if (show.c) counts.push(Buffer.byteLength(text));
    const numbers = counts.length === 1 && single ? String(counts[0]) : counts.map((c) => String(c).padStart(7)).join(' ');
    proc.stdout(`${numbers}${files.length > 0 ? ` ${name}` : ''}\n`);
  }
  return failed ? 1 : 0;
};
