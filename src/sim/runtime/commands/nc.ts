// nc -z [-v] host port (BusyBox): is anything listening there?

import type { Program } from '../process/program.js';
import { addressOf } from './http-request.js';

export const nc: Program = function* (proc, argv) {
  let flags = '';
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-w' || arg === '-W' || arg === '-i') i++;
    else if (arg.startsWith('-')) flags += arg.slice(1);
    else positional.push(arg);
  }
  const [host, port] = positional;
  if (!host || !port) {
    proc.stderr('BusyBox v1.36.1 (2023-11-07 18:53:09 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
    return 1;
  }
  let open = false;
  try {
    open = proc.host.context.network.connect(host, Number(port));
  } catch {
    proc.stderr(`nc: bad address '${host}'\n`);
    return 1;
  }
  if (flags.includes('v')) proc.stderr(open ? `${host} (${addressOf(host)}:${port}) open\n` : `nc: ${host} (${addressOf(host)}:${port}): Connection refused\n`);
  else if (!open) proc.stderr(`nc: can't connect to remote host (${addressOf(host)}): Connection refused\n`);
  return open ? 0 : 1;
};
