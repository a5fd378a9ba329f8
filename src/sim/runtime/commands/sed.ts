// sed: the scripts people put in containers — `s/a/b/g`, `Nd`, `/re/d`, `-n '/re/p'`, `-e` several, `-i`.

import type { Program } from '../process/program.js';
import { resolvePath } from '../filesystem.js';
import { linesOf, readInputs } from './input-files.js';

interface Command {
  address?: { line?: number; last?: boolean; re?: RegExp };
  op: 's' | 'd' | 'p';
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
}

function basicToJs(re: string): string {
  return re.replace(/\\([(){}|+?])|([(){}|+?])/g, (_m, escaped: string | undefined, plain: string | undefined) => (escaped ? escaped : `\\${plain}`));
}

function parseScript(script: string, extended: boolean): Command[] | string {
  const commands: Command[] = [];
  for (const part of script.split(/;|\n/).map((p) => p.trim()).filter(Boolean)) {
    let rest = part;
    let address: Command['address'];
    const line = /^(\d+|\$)/.exec(rest);
    if (line) {
      address = line[1] === '$' ? { last: true } : { line: Number(line[1]) };
      rest = rest.slice(line[0].length);
    } else if (rest.startsWith('/')) {
      const end = rest.indexOf('/', 1);
      if (end < 0) return `unterminated address regex`;
      address = { re: new RegExp(extended ? rest.slice(1, end) : basicToJs(rest.slice(1, end))) };
      rest = rest.slice(end + 1);
    }
    if (rest === 'd' || rest === 'p') {
      commands.push({ op: rest, ...(address ? { address } : {}) });
      continue;
    }
    if (rest.startsWith('s') && rest.length > 1) {
      const delimiter = rest[1]!;
      const fields = rest.slice(2).split(delimiter);
      if (fields.length < 3) return `unterminated \`s' command`;
      const [pattern, replacement, flags] = fields as [string, string, string];
      const source = extended ? pattern : basicToJs(pattern);
      commands.push({
        op: 's',
        re: new RegExp(source, flags.includes('I') || flags.includes('i') ? 'i' : ''),
        replacement: replacement.replace(/\\(\d)/g, '$$$1').replace(/(^|[^\\])&/g, '$1$$&').replace(/\\&/g, '&').replace(/\\n/g, '\n'),
        global: flags.includes('g'),
        print: flags.includes('p'),
        ...(address ? { address } : {}),
      });
      continue;
    }
    return `unknown command: \`${rest[0] ?? ''}'`;
  }
  return commands;
}

export const sed: Program = function* (proc, argv) {
  let quiet = false;
  let inPlace = false;
  let extended = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-e') scripts.push(argv[++i] ?? '');
    else if (/^-[niEr]+$/.test(arg)) {
      quiet ||= arg.includes('n');
      inPlace ||= arg.includes('i');
      extended ||= arg.includes('E') || arg.includes('r');
    } else if (scripts.length === 0 && !argv.slice(1, i).includes('-e')) scripts.push(arg);
    else files.push(arg);
  }
  const commands = parseScript(scripts.join('\n'), extended);
  if (typeof commands === 'string') {
    proc.stderr(`sed: -e expression #1, char 0: ${commands}\n`);
    return 1;
  }
  const { inputs, failed } = yield* readInputs(proc, 'sed', files);
  for (const input of inputs) {
    const lines = linesOf(input.text);
    let out = '';
    lines.forEach((original, index) => {
      let line = original;
      let deleted = false;
      for (const c of commands) {
        const a = c.address;
        if (a && !((a.line !== undefined && a.line === index + 1) || (a.last && index === lines.length - 1) || (a.re && a.re.test(line)))) continue;
        if (c.op === 'd') {
          deleted = true;
          break;
        }
        if (c.op === 'p') out += `${line}\n`;
        else {
          const re = new RegExp(c.re!.source, c.re!.flags + (c.global ? 'g' : ''));
          const replaced = line.replace(re, c.replacement!);
          if (c.print && replaced !== line) out += `${replaced}\n`;
          line = replaced;
        }
      }
      if (!deleted && !quiet) out += `${line}\n`;
    });
    if (inPlace && input.name !== '(standard input)') proc.host.fs.writeFile(resolvePath(proc.cwd, input.name), out);
    else proc.stdout(out);
  }
  return failed ? 2 : 0;
};
