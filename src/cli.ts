// The kubesim command line: `bin/kubesim.js` sets NODE_ENV and calls main(argv). Parsing lives in
// src/cli/program.ts, what each command does in src/cli/commands.ts.

import { cliActions, type CliDeps } from './cli/commands.js';
import { runProgram } from './cli/program.js';

/**
 * Runs the command line and returns its exit code. Called from the launcher (no `deps`), it also sets
 * process.exitCode and makes sure the process ends once the command is done, even if a stray handle lingers.
 */
export async function main(argv: string[], deps?: CliDeps): Promise<number> {
  const stderr = deps?.stderr ?? process.stderr;
  let code: number;
  try {
    code = await runProgram(argv, cliActions(deps), {
      stdout: (s) => void (deps?.stdout ?? process.stdout).write(s),
      stderr: (s) => void stderr.write(s),
    });
  } catch (e) {
    stderr.write(`kubesim: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 1;
  }
  if (!deps) {
    process.exitCode = code;
    setTimeout(() => process.exit(code), 500).unref();
  }
  return code;
}
