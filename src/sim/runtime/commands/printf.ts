// printf FORMAT ARGS…: the format is reused while arguments remain, as POSIX says.

import type { Program } from '../process/program.js';
import { interpretEscapes } from './echo.js';

export const printf: Program = function* (proc, argv) {
  const format = argv[1];
  if (format === undefined) {
    proc.stderr('printf: usage: printf format [arguments]\n');
    return 1;
  }
  const args = argv.slice(2);
  let out = '';
  let used = 0;
  let status = 0;
  do {
    const before = used;
    out += format.replace(/%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdiouxXcfeEgG%b])|\\[0-7]{1,3}|\\./g, (match, flags: string, width: string, precision: string, conv: string) => {
      if (match.startsWith('\\')) return interpretEscapes(match).text;
      if (conv === '%') return '%';
      const arg = args[used++] ?? '';
      let text: string;
      switch (conv) {
        case 's':
          text = precision !== undefined ? arg.slice(0, Number(precision)) : arg;
          break;
        case 'b':
          text = interpretEscapes(arg).text;
          break;
        case 'c':
          text = arg.slice(0, 1);
          break;
        case 'f':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = Number(arg || 0);
          text = conv === 'f' ? n.toFixed(precision !== undefined ? Number(precision) : 6) : conv.toLowerCase() === 'e' ? n.toExponential(6) : String(n);
          break;
        }
        default: {
          const n = arg === '' ? 0 : Number.parseInt(arg.replace(/^'(.)/, (_, c: string) => String(c.charCodeAt(0))), 10);
          if (Number.isNaN(n)) {
            proc.stderr(`printf: invalid number '${arg}'\n`);
            status = 1;
          }
          const v = Number.isNaN(n) ? 0 : n;
          text = conv === 'x' ? v.toString(16) : conv === 'X' ? v.toString(16).toUpperCase() : conv === 'o' ? v.toString(8) : String(v);
        }
      }
      const w = width === '*' ? 0 : Number(width ?? 0);
      if (text.length < w) text = flags.includes('-') ? text.padEnd(w) : text.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
      return text;
    });
    if (used === before) break;
  } while (used < args.length);
  proc.stdout(out);
  return status;
};
