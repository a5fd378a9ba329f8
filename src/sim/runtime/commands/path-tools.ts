// basename, dirname, which, xargs.

import type { Program } from '../process/program.js';

export const basename: Program = function* (proc, argv) {
  const path = argv[1] ?? '';
  let base = path.replace(/\/+$/, '').split('/').pop() || (path.startsWith('/') ? '/' : '');
  if (argv[2] && base.endsWith(argv[2]) && base !== argv[2]) base = base.slice(0, -argv[2].length);
  proc.stdout(`${base}\n`);
  return 0;
};

export const dirname: Program = function* (proc, argv) {
  const path = (argv[1] ?? '').replace(/\/+$/, '');
  const i = path.lastIndexOf('/');
  proc.stdout(`${i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i)}\n`);
  return 0;
};

export const which: Program = function* (proc, argv) {
  let status = 0;
  for (const name of argv.slice(1)) {
    if (proc.host.findProgram(name)) proc.stdout(`${name.includes('/') ? name : `/usr/bin/${name}`}\n`);
    else status = 1;
  }
  return status;
};

export const xargs: Program = function* (proc, argv) {
  const command = argv.length > 1 ? argv.slice(1) : ['echo'];
  const words = (yield* proc.stdin.readAll()).split(/\s+/).filter(Boolean);
  const program = proc.host.findProgram(command[0]!);
  if (!program) {
    proc.stderr(`xargs: ${command[0]}: No such file or directory\n`);
    return 127;
  }
  const status = yield* proc.host.run(program, { ...proc, env: proc.env, pid: 0 }, [...command, ...words]);
  return status === 0 ? 0 : 123;
};
