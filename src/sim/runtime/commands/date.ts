// date: the simulated wall-clock time in UTC (containers run with TZ unset), `+FORMAT` for the usual fields.

import type { Program } from '../process/program.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  return format.replace(/%([a-zA-Z%])/g, (all, c: string) => {
    switch (c) {
      case 'Y': return String(d.getUTCFullYear());
      case 'm': return pad(d.getUTCMonth() + 1);
      case 'd': return pad(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2);
      case 'H': return pad(d.getUTCHours());
      case 'M': return pad(d.getUTCMinutes());
      case 'S': return pad(d.getUTCSeconds());
      case 's': return String(Math.floor(ms / 1000));
      case 'N': return pad(d.getUTCMilliseconds(), 3) + '000000';
      case 'T': return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case 'F': return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case 'a': return DAYS[d.getUTCDay()]!;
      case 'b': return MONTHS[d.getUTCMonth()]!;
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case '%': return '%';
      default: return all;
    }
  });
}

export const date: Program = function* (proc, argv) {
  const format = argv.slice(1).find((a) => a.startsWith('+'));
  const now = proc.host.context.clock.wallTime();
  proc.stdout(`${formatDate(now, format ? format.slice(1) : '%a %b %e %T %Z %Y')}\n`);
  return 0;
};
