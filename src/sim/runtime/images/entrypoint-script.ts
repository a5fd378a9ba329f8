// The official images' docker-entrypoint.sh: some set-up of its own (which may end the container), then
// `exec "$@"` — the CMD, or the Pod's args.

import type { Program, Proc } from '../process/program.js';
import { exitWith, type Task } from '../process/task.js';

export interface EntrypointScript {
  /** Where the script lives (its messages name it). */
  path: string;
  /** The line of its `exec "$@"`, for the not-found message. */
  execLine: number;
  /** Runs before the exec; returning a number ends the container with it. */
  prepare?(proc: Proc, args: string[]): Task<number | undefined>;
  /** Set-up that never waits (messages, files), run before `prepare`; returning a number ends the container. */
  announce?(proc: Proc, args: string[]): number | undefined;
}

/** `exec "$@"`: the program takes the script's place in the same process. */
function execArgs(script: EntrypointScript, proc: Proc, args: string[]): Task<number> | number {
  if (args.length === 0) return 0;
  const program = proc.host.findProgram(args[0]!);
  if (!program) {
    proc.stderr(`${script.path}: line ${script.execLine}: exec: ${args[0]}: not found\n`);
    return 127;
  }
  return program(proc, args);
}

export function entrypointScript(script: EntrypointScript): Program {
  const { prepare } = script;
  if (!prepare) {
    // Without set-up that waits, the script is no frame of its own: the exec'd program's task is the
    // process's task, as exec replaces the shell, and nothing of the script stays alive beside it.
    return (proc, argv) => {
      const args = argv.slice(1);
      const early = script.announce?.(proc, args);
      if (early !== undefined) return exitWith(early);
      const next = execArgs(script, proc, args);
      return typeof next === 'number' ? exitWith(next) : next;
    };
  }
  return function* (proc, argv) {
    const args = argv.slice(1);
    const announced = script.announce?.(proc, args);
    if (announced !== undefined) return announced;
    const early = yield* prepare(proc, args);
    if (early !== undefined) return early;
    const next = execArgs(script, proc, args);
    return typeof next === 'number' ? next : yield* next;
  };
}
