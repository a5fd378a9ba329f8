// The official images' docker-entrypoint.sh: some set-up of its own (which may end the container), then
// `exec "$@"` — the CMD, or the Pod's args.

import type { Program, Proc } from '../process/program.js';
import type { Task } from '../process/task.js';

export interface EntrypointScript {
  /** Where the script lives (its messages name it). */
  path: string;
  /** The line of its `exec "$@"`, for the not-found message. */
  execLine: number;
  /** Runs before the exec; returning a number ends the container with it. */
  prepare?(proc: Proc, args: string[]): Task<number | undefined>;
}

export function entrypointScript(script: EntrypointScript): Program {
  return function* (proc, argv) {
    const args = argv.slice(1);
    if (script.prepare) {
      const early = yield* script.prepare(proc, args);
      if (early !== undefined) return early;
    }
    if (args.length === 0) return 0;
    const program = proc.host.findProgram(args[0]!);
    if (!program) {
      proc.stderr(`${script.path}: line ${script.execLine}: exec: ${args[0]}: not found\n`);
      return 127;
    }
    return yield* program(proc, args);
  };
}
