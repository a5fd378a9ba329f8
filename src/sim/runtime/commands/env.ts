// env and printenv: the process environment, `NAME=value` one a line.

import type { Program } from '../process/program.js';

export const env: Program = function* (proc, argv) {
  // `env NAME=value command` runs a command with extra variables
  const extra = new Map(proc.env);
  let i = 1;
  for (; i < argv.length && argv[i]!.includes('=') && !argv[i]!.startsWith('='); i++) {
    const eq = argv[i]!.indexOf('=');
    extra.set(argv[i]!.slice(0, eq), argv[i]!.slice(eq + 1));
  }
  if (i < argv.length) {
    const program = proc.host.findProgram(argv[i]!);
    if (!program) {
      proc.stderr(`env: can't execute '${argv[i]}': No such file or directory\n`);
      return 127;
    }
    return yield* proc.host.run(program, { ...proc, env: extra }, argv.slice(i));
  }
  for (const [k, v] of extra) proc.stdout(`${k}=${v}\n`);
  return 0;
};

export const printenv: Program = function* (proc, argv) {
  if (argv.length === 1) return yield* env(proc, ['env']);
  let status = 0;
  for (const name of argv.slice(1)) {
    const value = proc.env.get(name);
    if (value === undefined) status = 1;
    else proc.stdout(`${value}\n`);
  }
  return status;
};
