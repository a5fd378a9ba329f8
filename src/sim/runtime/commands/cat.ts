// cat [-n] [files]: concatenates files (or stdin) to stdout.

import type { Program } from '../process/program.js';
import { linesOf, readInputs } from './input-files.js';

export const cat: Program = function* (proc, argv) {
  const number = argv.includes('-n');
  const files = argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
  if (files.length === 0 && proc.stdin.isTerminal) {
    // from a terminal, each line as it is typed
    let n = 0;
    for (let line = yield* proc.stdin.readLine(); line !== undefined; line = yield* proc.stdin.readLine()) {
      proc.stdout(number ? `${String(++n).padStart(6)}\t${line}\n` : `${line}\n`);
    }
    return 0;
  }
  const { inputs, failed } = yield* readInputs(proc, 'cat', files);
  let n = 0;
  for (const { text } of inputs) {
    if (!number) proc.stdout(text);
    else proc.stdout(linesOf(text).map((line) => `${String(++n).padStart(6)}\t${line}\n`).join(''));
  }
  return failed ? 1 : 0;
};
