// The builtins that must live inside the shell because they change it or its control flow: cd, export,
// exit, set, read, trap, break, return, eval, exec, …

import type { Word } from './ast.js';
import type { Interpreter } from './interpreter.js';
import { FunctionReturn, LoopControl, ShellExit } from './control-flow.js';
import { childProc, type ProcessIO } from '../process/program.js';
import type { Task } from '../process/task.js';
import { resolvePath } from '../filesystem.js';

type Builtin = (this: Interpreter, argv: string[], io: ProcessIO) => Task<number>;

function parseCount(value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number.parseInt(value, 10);
  return Number.isNaN(n) ? fallback : n;
}

export const SHELL_BUILTINS: Record<string, Builtin> = {
  *':'() {
    return 0;
  },
  *exit(argv) {
    throw new ShellExit(parseCount(argv[1], this.state.status) & 255);
  },
  *cd(argv, io) {
    const dir = argv[1] === '-' ? (this.state.vars.get('OLDPWD') ?? this.state.cwd) : (argv[1] ?? this.state.vars.get('HOME') ?? '/');
    return this.changeDirectory(dir, io);
  },
  *export(argv, io) {
    if (argv.length === 1 || argv[1] === '-p') {
      for (const name of [...this.state.exported].sort()) {
        const value = this.state.vars.get(name);
        if (value !== undefined) io.stdout(`export ${name}='${value.replace(/'/g, `'"'"'`)}'\n`);
      }
      return 0;
    }
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (eq >= 0) this.state.vars.set(name, arg.slice(eq + 1));
      this.state.exported.add(name);
    }
    return 0;
  },
  *unset(argv) {
    for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
      this.state.vars.delete(name);
      this.state.exported.delete(name);
      this.state.functions.delete(name);
    }
    return 0;
  },
  *set(argv, io) {
    if (argv.length === 1) {
      for (const [k, v] of [...this.state.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout(`${k}='${v}'\n`);
      return 0;
    }
    let i = 1;
    for (; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--') {
        i++;
        break;
      }
      if (!/^[-+][a-z]+$/.test(arg)) break;
      const on = arg[0] === '-';
      if (arg.includes('e')) this.state.errexit = on;
      if (arg.includes('x')) this.state.xtrace = on;
    }
    if (i < argv.length || argv.includes('--')) this.state.positional = argv.slice(i);
    return 0;
  },
  *shift(argv) {
    const n = parseCount(argv[1], 1);
    if (n > this.state.positional.length) return 1;
    this.state.positional = this.state.positional.slice(n);
    return 0;
  },
  *break(argv) {
    if (this.loopDepth === 0) return 0;
    throw new LoopControl('break', Math.min(parseCount(argv[1], 1), this.loopDepth));
  },
  *continue(argv) {
    if (this.loopDepth === 0) return 0;
    throw new LoopControl('continue', Math.min(parseCount(argv[1], 1), this.loopDepth));
  },
  *return(argv) {
    throw new FunctionReturn(parseCount(argv[1], this.state.status));
  },
  *eval(argv, io) {
    return yield* this.runSource(argv.slice(1).join(' '), io);
  },
  *'.'(argv, io) {
    const path = resolvePath(this.state.cwd, argv[1] ?? '');
    const content = this.proc.host.fs.readFile(path);
    if (content === 'No such file or directory' || content === 'Is a directory') {
      io.stderr(`${this.dialect.cannotOpen(argv[1] ?? '', content)}\n`);
      return 2;
    }
    return yield* this.runSource(content, io);
  },
  *source(argv, io) {
    return yield* SHELL_BUILTINS['.']!.call(this, argv, io);
  },
  *exec(argv, io) {
    if (argv.length === 1) return 0;
    // the shell is replaced: whatever the command returns is the shell's exit status
    const program = this.proc.host.findProgram(argv[1]!);
    if (!program) {
      io.stderr(`${this.dialect.notFound(argv[1]!, this.state.line)}\n`);
      throw new ShellExit(127);
    }
    const child = childProc(this.proc, io, this.state.exportedEnv(), this.state.cwd);
    // the new program takes the shell's place: its signal handlers are the process's now
    const pid1 = this.proc.pid === 1;
    this.proc.catchSignal = (signal) => (child.catchSignal ? child.catchSignal(signal) : pid1);
    throw new ShellExit(yield* this.proc.host.run(program, child, argv.slice(1)));
  },
  *trap(argv) {
    if (argv.length < 3) return 0;
    const action = argv[1]!;
    for (const raw of argv.slice(2)) {
      const signal = raw.replace(/^SIG/, '').replace(/^15$/, 'TERM').replace(/^2$/, 'INT').replace(/^0$/, 'EXIT');
      if (action === '-' || action === '') this.state.traps.delete(signal);
      else this.state.traps.set(signal, action);
    }
    return 0;
  },
  *wait() {
    return 0;
  },
  *read(argv, io) {
    const names = argv.slice(1).filter((a) => !a.startsWith('-'));
    const line = yield* io.stdin.readLine();
    if (line === undefined) return 1;
    const fields = line.trim().split(/[ \t]+/);
    if (names.length === 0) names.push('REPLY');
    names.forEach((name, i) => this.state.vars.set(name, i === names.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')));
    return 0;
  },
  *local(argv) {
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      if (eq >= 0) this.state.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    }
    return 0;
  },
  *type(argv, io) {
    let status = 0;
    for (const name of argv.slice(1)) {
      if (SHELL_BUILTINS[name]) io.stdout(`${name} is a shell builtin\n`);
      else if (this.state.functions.has(name)) io.stdout(`${name} is a function\n`);
      else if (this.proc.host.findProgram(name)) io.stdout(`${name} is /bin/${name}\n`);
      else {
        io.stdout(`${name}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  *command(argv, io) {
    if (argv[1] === '-v') {
      const name = argv[2] ?? '';
      if (SHELL_BUILTINS[name]) io.stdout(`${name}\n`);
      else if (this.proc.host.findProgram(name)) io.stdout(`/bin/${name}\n`);
      else return 1;
      return 0;
    }
    return yield* this.runCommand({ kind: 'simple', assignments: [], words: argv.slice(1).map(literalWord), redirects: [] }, io);
  },
};

function literalWord(text: string): Word {
  return { parts: [{ kind: 'text', text, quoted: true }], raw: text };
}
