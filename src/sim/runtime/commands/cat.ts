// cat [-n] [files]: concatenates files (or stdin) to stdout.

import type { Program } from '../process/program.js';
import { linesOf, readInputs } from './input-files.js';

export const cat: Program = function* (proc, argv) {
  const number = argv.includes('-n');
  const { inputs, failed } = yield* readInputs(proc, 'cat', argv.slice(1).filter((a) => a === '-' || !a.startsWith('-')));
  let n = 0;
  for (const { text } of inputs) {
    if (!number) proc.stdout(text);
    else proc.stdout(linesOf(text).map((line) => `${String(++n).padStart(6)}\t${line}\n`).join(''));
  }
  return failed ? 1 : 0;
};
