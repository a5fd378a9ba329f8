// Line-oriented filters: sort, uniq, tr, cut, tee, seq.

import { byteOrder } from '../../kube-deps.js';
import type { Program } from '../process/program.js';
import { resolvePath } from '../filesystem.js';
import { linesOf, readInputs } from './input-files.js';

function flagsAndFiles(argv: string[], valued: string[] = []): { flags: string; values: Record<string, string>; files: string[] } {
  let flags = '';
  const values: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const valuedFlag = valued.find((v) => arg === `-${v}` || (arg.startsWith(`-${v}`) && arg.length > 2));
    if (valuedFlag) values[valuedFlag] = arg.length > 2 ? arg.slice(2) : (argv[++i] ?? '');
    else if (/^-[a-zA-Z]+$/.test(arg)) flags += arg.slice(1);
    else files.push(arg);
  }
  return { flags, values, files };
}

export const sort: Program = function* (proc, argv) {
  const { flags, files } = flagsAndFiles(argv, ['k', 't']);
  const { inputs, failed } = yield* readInputs(proc, 'sort', files);
  let lines = inputs.flatMap((i) => linesOf(i.text));
  lines.sort(flags.includes('n') ? (a, b) => (Number.parseFloat(a) || 0) - (Number.parseFloat(b) || 0) : byteOrder);
  if (flags.includes('r')) lines.reverse();
  if (flags.includes('u')) lines = lines.filter((l, i) => i === 0 || l !== lines[i - 1]);
  proc.stdout(lines.map((l) => `${l}\n`).join(''));
  return failed ? 2 : 0;
};

export const uniq: Program = function* (proc, argv) {
  const { flags, files } = flagsAndFiles(argv);
  const { inputs, failed } = yield* readInputs(proc, 'uniq', files.slice(0, 1));
  const groups: { line: string; count: number }[] = [];
  for (const line of inputs.flatMap((i) => linesOf(i.text))) {
    const last = groups[groups.length - 1];
    if (last && last.line === line) last.count++;
    else groups.push({ line, count: 1 });
  }
  for (const g of groups) {
    if (flags.includes('d') && g.count < 2) continue;
    if (flags.includes('u') && g.count > 1) continue;
    proc.stdout(flags.includes('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  return failed ? 1 : 0;
};

/** `a-z`, `\n`, `[:upper:]` → the characters they stand for. */
function expandSet(set: string): string[] {
  const classes: Record<string, string> = { '[:upper:]': 'A-Z', '[:lower:]': 'a-z', '[:digit:]': '0-9', '[:space:]': ' \t\n\r', '[:alpha:]': 'a-zA-Z', '[:alnum:]': 'a-zA-Z0-9' };
  let s = set;
  for (const [k, v] of Object.entries(classes)) s = s.split(k).join(v);
  s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\0/g, '\0').replace(/\\\\/g, '\\');
  const out: string[] = [];
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      for (let c = chars[i]!.charCodeAt(0); c <= chars[i + 2]!.charCodeAt(0); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(chars[i]!);
  }
  return out;
}

export const tr: Program = function* (proc, argv) {
  const { flags, files: sets } = flagsAndFiles(argv);
  const text = yield* proc.stdin.readAll();
  const from = expandSet(sets[0] ?? '');
  const to = expandSet(sets[1] ?? '');
  let out = '';
  let last = '';
  for (const c of text) {
    const i = from.indexOf(c);
    let mapped = c;
    if (flags.includes('d')) {
      if (i >= 0) continue;
    } else if (i >= 0 && to.length > 0) mapped = to[Math.min(i, to.length - 1)]!;
    if (flags.includes('s') && mapped === last && (to.length ? to : from).includes(mapped)) continue;
    out += mapped;
    last = mapped;
  }
  proc.stdout(out);
  return 0;
};

export const cut: Program = function* (proc, argv) {
  const { values, files } = flagsAndFiles(argv, ['d', 'f', 'c']);
  const { inputs, failed } = yield* readInputs(proc, 'cut', files);
  const ranges = (spec: string) =>
    spec.split(',').map((r) => {
      const [a, b] = r.split('-');
      return [a ? Number(a) : 1, r.includes('-') ? (b ? Number(b) : Infinity) : Number(a)] as const;
    });
  const pick = <T,>(items: T[], spec: string) => items.filter((_, i) => ranges(spec).some(([a, b]) => i + 1 >= a && i + 1 <= b));
  for (const line of inputs.flatMap((i) => linesOf(i.text))) {
    if (values.c !== undefined) proc.stdout(`${pick([...line], values.c).join('')}\n`);
    else if (values.f !== undefined) {
      const delimiter = values.d ?? '\t';
      const fields = line.split(delimiter);
      proc.stdout(`${fields.length === 1 ? line : pick(fields, values.f).join(delimiter)}\n`);
    } else {
      proc.stderr('cut: you must specify a list of bytes, characters, or fields\n');
      return 1;
    }
  }
  return failed ? 1 : 0;
};

export const tee: Program = function* (proc, argv) {
  const { flags, files } = flagsAndFiles(argv);
  const text = yield* proc.stdin.readAll();
  proc.stdout(text);
  let status = 0;
  for (const file of files) {
    const error = proc.host.fs.writeFile(resolvePath(proc.cwd, file), text, flags.includes('a'));
    if (error) {
      proc.stderr(`tee: ${file}: ${error}\n`);
      status = 1;
    }
  }
  return status;
};

export const seq: Program = function* (proc, argv) {
  const nums = argv.slice(1).map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  if ([first, step, last].some(Number.isNaN) || step === 0) {
    proc.stderr(`seq: invalid argument\n`);
    return 1;
  }
  let out = '';
  for (let n = first; step > 0 ? n <= last : n >= last; n += step) out += `${n}\n`;
  proc.stdout(out);
  return 0;
};
