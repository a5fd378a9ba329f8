// `sh`, `ash`, `bash` as programs: `-c 'script' [name args…]`, a script file, a script read from stdin
// line by line (kubectl exec -i), or an interactive prompt when stdin is a terminal (kubectl exec -it).

import type { Program, Proc } from '../process/program.js';
import { Signalled, type SignalName, type Task } from '../process/task.js';
import type { ShellDialect } from './dialect.js';
import { Interpreter, ShellExit, ShellState } from './interpreter.js';
import { parseScript } from './parser.js';
import { IncompleteInput } from './tokenizer.js';
import { resolvePath } from '../filesystem.js';

export function shellProgram(dialect: ShellDialect): Program {
  return (proc, argv) => runShell(proc, argv, dialect);
}

interface Invocation {
  command?: string;
  script?: string;
  args: string[];
  name: string;
  errexit: boolean;
  xtrace: boolean;
}

function parseArguments(argv: string[], dialect: ShellDialect): Invocation | string {
  const inv: Invocation = { args: [], name: dialect.name, errexit: false, xtrace: false };
  let wantsCommand = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!/^[-+][a-zA-Z]+$/.test(arg)) break;
    for (const flag of arg.slice(1)) {
      if (flag === 'c') wantsCommand = true;
      else if (flag === 'e') inv.errexit = true;
      else if (flag === 'x') inv.xtrace = true;
    }
  }
  const rest = argv.slice(i);
  if (wantsCommand) {
    if (rest.length === 0) return `${dialect.name}: -c: option requires an argument`;
    inv.command = rest[0];
    inv.name = rest[1] ?? dialect.name;
    inv.args = rest.slice(2);
  } else if (rest.length > 0) {
    inv.script = rest[0];
    inv.name = rest[0]!;
    inv.args = rest.slice(1);
  }
  return inv;
}

function* runShell(proc: Proc, argv: string[], dialect: ShellDialect): Task<number> {
  const inv = parseArguments(argv, dialect);
  if (typeof inv === 'string') {
    proc.stderr(`${inv}\n`);
    return 2;
  }
  const state = ShellState.fromEnv(proc.env, proc.cwd, proc.pid, inv.name);
  state.positional = inv.args;
  state.errexit = inv.errexit;
  state.xtrace = inv.xtrace;
  state.vars.set('PPID', '0');
  const interpreter = new Interpreter(proc, state, dialect, inv.command !== undefined);
  proc.catchSignal = (signal: SignalName) => {
    if (state.traps.has(signal)) {
      state.pendingTraps.push(signal);
      return true;
    }
    // PID 1 has no default action for signals it does not handle: `docker stop` waits for the KILL
    return proc.pid === 1;
  };
  let status: number;
  try {
    if (inv.command !== undefined) status = yield* interpreter.runSource(inv.command, proc);
    else if (inv.script !== undefined) status = yield* runScriptFile(interpreter, inv.script, proc, dialect);
    else if (proc.stdin.isTerminal) status = yield* interactive(interpreter, proc, dialect);
    else status = yield* scriptFromStdin(interpreter, proc);
  } catch (error) {
    if (error instanceof ShellExit) status = error.code;
    else throw error;
  }
  const onExit = state.traps.get('EXIT');
  if (onExit) {
    state.traps.delete('EXIT');
    try {
      yield* interpreter.runSource(onExit, proc);
    } catch (error) {
      if (error instanceof ShellExit) status = error.code;
      else throw error;
    }
  }
  return status;
}

function* runScriptFile(interpreter: Interpreter, script: string, proc: Proc, dialect: ShellDialect): Task<number> {
  const content = proc.host.fs.readFile(resolvePath(proc.cwd, script));
  if (content === 'No such file or directory' || content === 'Is a directory') {
    proc.stderr(`${dialect.cannotOpen(script, content)}\n`);
    return 127;
  }
  return yield* interpreter.runSource(content, proc);
}

/** Reads complete commands (a command can span lines) and runs each as soon as it is complete. */
function isComplete(source: string): boolean {
  try {
    parseScript(source);
    return true;
  } catch (error) {
    return !(error instanceof IncompleteInput);
  }
}

function* scriptFromStdin(interpreter: Interpreter, proc: Proc): Task<number> {
  let pending = '';
  for (;;) {
    const line = yield* proc.stdin.readLine();
    if (line === undefined) {
      if (pending.trim()) yield* interpreter.runSource(pending, proc);
      return interpreter.state.status;
    }
    pending += `${line}\n`;
    if (!isComplete(pending)) continue;
    yield* interpreter.runSource(pending, proc);
    interpreter.state.line++;
    pending = '';
  }
}

function* interactive(interpreter: Interpreter, proc: Proc, dialect: ShellDialect): Task<number> {
  interpreter.interactive = true;
  const state = interpreter.state;
  const home = state.vars.get('HOME') ?? '/root';
  let pending = '';
  for (;;) {
    proc.stdout(pending ? '> ' : dialect.prompt('root', proc.host.context.hostname, state.cwd, home));
    let line: string | undefined;
    try {
      line = yield* proc.stdin.readLine();
    } catch (error) {
      // Ctrl-C at the prompt: the terminal printed ^C; start a fresh line
      if (error instanceof Signalled && error.signal === 'INT') {
        pending = '';
        state.status = 130;
        continue;
      }
      throw error;
    }
    if (line === undefined) {
      proc.stdout(dialect.onEndOfInput);
      return state.status;
    }
    pending += `${line}\n`;
    if (!isComplete(pending)) continue;
    const source = pending;
    pending = '';
    try {
      yield* interpreter.runSource(source, proc);
    } catch (error) {
      if (error instanceof Signalled && error.signal === 'INT') {
        state.status = 130;
      } else if (error instanceof ShellExit) {
        if (dialect.name === 'bash') proc.stderr('exit\n');
        throw error;
      } else {
        throw error;
      }
    }
    state.line++;
  }
}
