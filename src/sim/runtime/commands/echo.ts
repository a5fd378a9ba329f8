// echo: -n (no newline), -e (backslash escapes), as BusyBox and bash have them.

import type { Program } from '../process/program.js';

export function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0' || n === 'x') {
      const m = (n === '0' ? /^[0-7]{0,3}/ : /^[0-9a-fA-F]{1,2}/).exec(text.slice(i + 1))![0];
      out += String.fromCharCode(Number.parseInt(m || '0', n === '0' ? 8 : 16));
      i += m.length;
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export const echo: Program = function* (proc, argv) {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]!); i++) {
    for (const flag of argv[i]!.slice(1)) {
      if (flag === 'n') newline = false;
      else if (flag === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const result = interpretEscapes(text);
    text = result.text;
    if (result.stop) newline = false;
  }
  proc.stdout(newline ? `${text}\n` : text);
  return 0;
};
