// The commands that change the filesystem: mkdir [-p], touch, rm [-r] [-f], cp, mv.

import type { Program, Proc } from '../process/program.js';
import { resolvePath } from '../filesystem.js';

function split(argv: string[]): { flags: string; paths: string[] } {
  return { flags: argv.slice(1).filter((a) => a.startsWith('-')).join(''), paths: argv.slice(1).filter((a) => !a.startsWith('-')) };
}

function missingOperand(proc: Proc, command: string): number {
  proc.stderr(`${command}: missing operand\n`);
  return 1;
}

export const mkdir: Program = function* (proc, argv) {
  const { flags, paths } = split(argv);
  if (paths.length === 0) return missingOperand(proc, 'mkdir');
  let status = 0;
  for (const path of paths) {
    const error = proc.host.fs.mkdir(resolvePath(proc.cwd, path), flags.includes('p'));
    if (error) {
      proc.stderr(`mkdir: can't create directory '${path}': ${error}\n`);
      status = 1;
    }
  }
  return status;
};

export const touch: Program = function* (proc, argv) {
  const { paths } = split(argv);
  if (paths.length === 0) return missingOperand(proc, 'touch');
  let status = 0;
  for (const path of paths) {
    const error = proc.host.fs.writeFile(resolvePath(proc.cwd, path), '', true);
    if (error) {
      proc.stderr(`touch: ${path}: ${error}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: Program = function* (proc, argv) {
  const { flags, paths } = split(argv);
  if (paths.length === 0) return flags.includes('f') ? 0 : missingOperand(proc, 'rm');
  let status = 0;
  for (const path of paths) {
    const full = resolvePath(proc.cwd, path);
    const stat = proc.host.fs.stat(full);
    if (!stat) {
      if (!flags.includes('f')) {
        proc.stderr(`rm: can't remove '${path}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (stat.kind === 'dir' && !/[rR]/.test(flags)) {
      proc.stderr(`rm: '${path}' is a directory\n`);
      status = 1;
      continue;
    }
    proc.host.fs.remove(full, true);
  }
  return status;
};

function copy(proc: Proc, argv: string[], command: 'cp' | 'mv'): number {
  const { paths } = split(argv);
  if (paths.length < 2) return missingOperand(proc, command);
  const fs = proc.host.fs;
  const dest = resolvePath(proc.cwd, paths[paths.length - 1]!);
  const destIsDir = fs.stat(dest)?.kind === 'dir';
  let status = 0;
  for (const source of paths.slice(0, -1)) {
    const from = resolvePath(proc.cwd, source);
    const content = fs.readFile(from);
    if (content === 'No such file or directory' || content === 'Is a directory') {
      proc.stderr(`${command}: can't stat '${source}': ${content}\n`);
      status = 1;
      continue;
    }
    const to = destIsDir ? `${dest === '/' ? '' : dest}/${from.split('/').pop()}` : dest;
    const error = fs.writeFile(to, content);
    if (error) {
      proc.stderr(`${command}: can't create '${paths[paths.length - 1]}': ${error}\n`);
      status = 1;
    } else if (command === 'mv') fs.remove(from);
  }
  return status;
}

export const cp: Program = function* (proc, argv) {
  return copy(proc, argv, 'cp');
};

export const mv: Program = function* (proc, argv) {
  return copy(proc, argv, 'mv');
};
