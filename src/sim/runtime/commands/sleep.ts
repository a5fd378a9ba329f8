// sleep N[smhd] | infinity: waits on the simulated clock; true and false.

import type { Program } from '../process/program.js';
import { sleep as wait, waitForever } from '../process/task.js';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep: Program = function* (proc, argv) {
  const args = argv.slice(1);
  if (args.length === 0) {
    proc.stderr('sleep: missing operand\n');
    return 1;
  }
  let seconds = 0;
  for (const arg of args) {
    if (arg === 'infinity' || arg === 'inf') yield* waitForever();
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!m) {
      proc.stderr(`sleep: invalid number '${arg}'\n`);
      return 1;
    }
    seconds += Number(m[1]) * UNITS[m[2]!]!;
  }
  yield* wait(Math.round(seconds * 1000));
  return 0;
};

export const trueCommand: Program = function* () {
  return 0;
};

export const falseCommand: Program = function* () {
  return 1;
};
