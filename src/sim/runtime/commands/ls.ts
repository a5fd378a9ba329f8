// ls [-l] [-a] [-1] [paths]: names in columns on a terminal (like `bin  dev  etc`), one a line otherwise.

import type { Program, Proc } from '../process/program.js';
import { resolvePath } from '../filesystem.js';

/** GNU-style columns: the fewest rows whose columns, each as wide as its longest name plus two, fit. */
export function columnize(names: string[], width: number): string {
  if (names.length === 0) return '';
  for (let rows = 1; rows <= names.length; rows++) {
    const cols = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const column = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...column.map((n) => n.length)) + (c < cols - 1 ? 2 : 0));
    }
    if (widths.reduce((a, b) => a + b, 0) <= width || rows === names.length) {
      const lines: string[] = [];
      for (let r = 0; r < rows; r++) {
        let line = '';
        for (let c = 0; c < cols; c++) {
          const name = names[c * rows + r];
          if (name === undefined) continue;
          line += c < cols - 1 && names[(c + 1) * rows + r] !== undefined ? name.padEnd(widths[c]!) : name;
        }
        lines.push(line);
      }
      return `${lines.join('\n')}\n`;
    }
  }
  return '';
}

function longLine(proc: Proc, path: string, name: string): string {
  const stat = proc.host.fs.stat(path);
  const dir = stat?.kind === 'dir';
  const size = stat?.kind === 'file' ? Buffer.byteLength(stat.content) : 4096;
  const mode = dir ? 'drwxr-xr-x' : path.startsWith('/bin/') || path.startsWith('/usr/bin/') ? '-rwxr-xr-x' : '-rw-r--r--';
  const when = new Date(proc.host.context.clock.wallTime());
  const month = when.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const stamp = `${month} ${String(when.getUTCDate()).padStart(2)} ${String(when.getUTCHours()).padStart(2, '0')}:${String(when.getUTCMinutes()).padStart(2, '0')}`;
  return `${mode}    ${dir ? 2 : 1} root     root     ${String(size).padStart(9)} ${stamp} ${name}`;
}

export const ls: Program = function* (proc, argv) {
  const flags = argv.slice(1).filter((a) => a.startsWith('-') && a !== '-').join('');
  const paths = argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  const long = flags.includes('l');
  const all = flags.includes('a');
  const onePerLine = flags.includes('1') || proc.columns === undefined;
  let status = 0;
  const targets = paths.length > 0 ? paths : ['.'];
  const print = (names: string[], dir: string) => {
    if (long) for (const name of names) proc.stdout(`${longLine(proc, resolvePath(dir, name), name)}\n`);
    else proc.stdout(onePerLine ? names.map((n) => `${n}\n`).join('') : columnize(names, proc.columns!));
  };
  const files: string[] = [];
  for (const target of targets) {
    const path = resolvePath(proc.cwd, target);
    const stat = proc.host.fs.stat(path);
    if (!stat) {
      proc.stderr(`ls: ${proc.host.flavour === 'busybox' || proc.host.flavour === 'alpine' ? '' : 'cannot access '}${proc.host.flavour === 'busybox' || proc.host.flavour === 'alpine' ? target : `'${target}'`}: No such file or directory\n`);
      status = proc.host.flavour === 'busybox' || proc.host.flavour === 'alpine' ? 1 : 2;
    } else if (stat.kind === 'file') files.push(target);
  }
  if (files.length > 0) print(files, proc.cwd);
  const dirs = targets.filter((t) => proc.host.fs.stat(resolvePath(proc.cwd, t))?.kind === 'dir');
  for (const [i, target] of dirs.entries()) {
    const path = resolvePath(proc.cwd, target);
    if (targets.length > 1) proc.stdout(`${i > 0 || files.length > 0 ? '\n' : ''}${target}:\n`);
    let names = proc.host.fs.list(path);
    if (!all) names = names.filter((n) => !n.startsWith('.'));
    else names = ['.', '..', ...names];
    if (long) proc.stdout(`total ${names.length * 4}\n`);
    print(names, path);
  }
  return status;
};
