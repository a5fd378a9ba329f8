// What cat, grep, head, tail and wc read: the named files, or stdin when there are none (or for `-`).

import type { Proc } from '../process/program.js';
import type { Task } from '../process/task.js';
import { resolvePath } from '../filesystem.js';

export interface NamedText {
  name: string;
  text: string;
}

/** The texts of `files` (stdin when empty); a missing file is reported on stderr and skipped. */
export function* readInputs(proc: Proc, command: string, files: string[]): Task<{ inputs: NamedText[]; failed: boolean }> {
  if (files.length === 0) files = ['-'];
  const inputs: NamedText[] = [];
  let failed = false;
  for (const file of files) {
    if (file === '-') {
      inputs.push({ name: '(standard input)', text: yield* proc.stdin.readAll() });
      continue;
    }
    const content = proc.host.fs.readFile(resolvePath(proc.cwd, file));
    if (content === 'No such file or directory' || content === 'Is a directory') {
      proc.stderr(`${fileError(proc, command, file, content)}\n`);
      failed = true;
      continue;
    }
    inputs.push({ name: file, text: content });
  }
  return { inputs, failed };
}

/** BusyBox says `can't open 'x'`, coreutils just names the file. */
export function fileError(proc: Proc, command: string, file: string, why: string): string {
  const busybox = proc.host.flavour === 'busybox' || proc.host.flavour === 'alpine';
  if (why === 'Is a directory') return `${command}: read error: Is a directory`;
  return busybox ? `${command}: can't open '${file}': ${why}` : `${command}: ${file}: ${why}`;
}

/** Lines of a text, without the empty string after a final newline. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
