// kill [-SIG | -s SIG | -l] pid…: signals a container's processes (`kill 1` stops PID 1 unless it ignores TERM).

import type { Program } from '../process/program.js';
import { SIGNAL_NUMBERS, type SignalName } from '../process/task.js';

function parseSignal(text: string): SignalName | undefined {
  const name = text.toUpperCase().replace(/^SIG/, '');
  if (name in SIGNAL_NUMBERS) return name as SignalName;
  return (Object.entries(SIGNAL_NUMBERS).find(([, n]) => String(n) === name)?.[0] as SignalName | undefined) ?? undefined;
}

export const kill: Program = function* (proc, argv) {
  let signal: SignalName = 'TERM';
  const pids: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-l') {
      proc.stdout(' 1) HUP\n 2) INT\n 3) QUIT\n 9) KILL\n15) TERM\n');
      return 0;
    }
    if (arg === '-s' || arg === '-n') {
      const parsed = parseSignal(argv[++i] ?? '');
      if (!parsed) {
        proc.stderr(`kill: bad signal name '${argv[i] ?? ''}'\n`);
        return 1;
      }
      signal = parsed;
    } else if (arg.startsWith('-') && pids.length === 0) {
      const parsed = parseSignal(arg.slice(1));
      if (!parsed) {
        proc.stderr(`kill: bad signal name '${arg.slice(1)}'\n`);
        return 1;
      }
      signal = parsed;
    } else pids.push(arg);
  }
  if (pids.length === 0) {
    proc.stderr('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 1;
  }
  let status = 0;
  for (const pid of pids) {
    if (!proc.host.signalProcess(Number(pid), signal)) {
      proc.stderr(`sh: can't kill pid ${pid}: No such process\n`);
      status = 1;
    }
  }
  return status;
};
