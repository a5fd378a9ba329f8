// awk, the one-liners: `{print $1}`, `-F: '{print $1, $3}'`, `/re/ {print}`, `NR==2`, `END {print NR}`.

import type { Program } from '../process/program.js';
import { linesOf, readInputs } from './input-files.js';

interface Rule {
  pattern?: { re?: RegExp; nr?: number; begin?: boolean; end?: boolean };
  print: string[] | undefined;
}

function parseProgram(source: string): Rule[] | undefined {
  const rules: Rule[] = [];
  const re = /\s*(BEGIN|END|\/((?:[^/\\]|\\.)*)\/|NR\s*==\s*(\d+))?\s*(\{([^}]*)\})?/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < source.length && (m = re.exec(source)) && m[0].length > 0) {
    const [, head, regex, nr, block, body] = m;
    const pattern = head === 'BEGIN' ? { begin: true } : head === 'END' ? { end: true } : regex !== undefined ? { re: new RegExp(regex) } : nr ? { nr: Number(nr) } : undefined;
    let print: string[] | undefined;
    if (block !== undefined) {
      const statement = body!.trim();
      if (statement === '' || statement === 'print' || statement === 'print $0') print = ['$0'];
      else if (statement.startsWith('print')) print = statement.slice(5).split(',').map((s) => s.trim());
      else return undefined;
    }
    rules.push({ ...(pattern ? { pattern } : {}), print: print ?? ['$0'] });
  }
  return re.lastIndex >= source.trimEnd().length || rules.length > 0 ? rules : undefined;
}

export const awk: Program = function* (proc, argv) {
  let separator: string | undefined;
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-F') separator = argv[++i];
    else if (arg.startsWith('-F')) separator = arg.slice(2);
    else rest.push(arg);
  }
  const rules = parseProgram(rest[0] ?? '');
  if (!rules) {
    proc.stderr(`awk: cmd. line:1: ${rest[0] ?? ''}\nawk: cmd. line:1: syntax error (kubesim's awk knows only print rules)\n`);
    return 2;
  }
  const { inputs, failed } = yield* readInputs(proc, 'awk', rest.slice(1));
  let nr = 0;
  let lastFields: string[] = [];
  const evaluate = (expr: string, line: string, fields: string[]): string => {
    if (expr === '$0') return line;
    if (/^\$\d+$/.test(expr)) return fields[Number(expr.slice(1)) - 1] ?? '';
    if (expr === '$NF') return fields[fields.length - 1] ?? '';
    if (expr === 'NR') return String(nr);
    if (expr === 'NF') return String(fields.length);
    if (/^".*"$/.test(expr)) return expr.slice(1, -1);
    return expr.split(/\s+/).map((e) => evaluate(e, line, fields)).join('');
  };
  const run = (rule: Rule, line: string, fields: string[]) => proc.stdout(`${(rule.print ?? ['$0']).map((e) => evaluate(e, line, fields)).join(' ')}\n`);
  for (const rule of rules) if (rule.pattern?.begin) run(rule, '', []);
  for (const line of inputs.flatMap((i) => linesOf(i.text))) {
    nr++;
    const fields = separator === undefined ? line.trim().split(/\s+/).filter(Boolean) : line.split(separator);
    lastFields = fields;
    for (const rule of rules) {
      const p = rule.pattern;
      if (p?.begin || p?.end) continue;
      if (p?.re && !p.re.test(line)) continue;
      if (p?.nr !== undefined && p.nr !== nr) continue;
      run(rule, line, fields);
    }
  }
  for (const rule of rules) if (rule.pattern?.end) run(rule, lastFields.join(' '), lastFields);
  return failed ? 2 : 0;
};
