// BusyBox ps: PID 1 and whatever else runs in the container (exec'd shells, ps itself).

import type { Program } from '../process/program.js';

export const ps: Program = function* (proc) {
  let out = 'PID   USER     TIME  COMMAND\n';
  for (const p of proc.host.processes()) out += `${String(p.pid).padStart(5)} ${(p.user ?? 'root').padEnd(8)}  0:00 ${p.argv.join(' ')}\n`;
  proc.stdout(out);
  return 0;
};
