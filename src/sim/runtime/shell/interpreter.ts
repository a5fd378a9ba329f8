// Runs a parsed script: and-or lists, pipelines (each stage runs to completion and its output becomes the
// next stage's input), redirections into the container's filesystem, compound commands, and the builtins
// in builtins.ts.

import type { AndOr, Command, List, Pipeline, Redirect, Word } from './ast.js';
import { parseScript } from './parser.js';
import { IncompleteInput, ShellSyntaxError } from './tokenizer.js';
import { ExpansionError, expandToString, expandWord, globMatches, type ExpansionScope } from './expand.js';
import type { ShellDialect } from './dialect.js';
import { childProc, type Proc, type ProcessIO } from '../process/program.js';
import { EMPTY_INPUT, TextInput } from '../process/input.js';
import { sleep, type SignalName, type Task } from '../process/task.js';
import { resolvePath } from '../filesystem.js';
import { FunctionReturn, LoopControl, ShellExit } from './control-flow.js';
import { SHELL_BUILTINS } from './builtins.js';

export { ShellExit } from './control-flow.js';

/** What a busy shell loop manages per simulated millisecond (a real one logs some 100k lines a second). */
const COMMANDS_PER_MS = 200;

export class ShellState {
  vars = new Map<string, string>();
  exported = new Set<string>();
  functions = new Map<string, Command>();
  traps = new Map<string, string>();
  pendingTraps: SignalName[] = [];
  positional: string[] = [];
  status = 0;
  lastBackground: number | undefined;
  errexit = false;
  xtrace = false;
  line = 1;
  pacedAt = -1;
  commandsThisInstant = 0;

  constructor(
    public cwd: string,
    readonly pid: number,
    readonly scriptName: string,
  ) {}

  static fromEnv(env: Map<string, string>, cwd: string, pid: number, scriptName: string): ShellState {
    const state = new ShellState(cwd, pid, scriptName);
    for (const [k, v] of env) {
      state.vars.set(k, v);
      state.exported.add(k);
    }
    return state;
  }

  /** A subshell's copy: `( … )` and `$( … )` cannot change their parent. */
  clone(): ShellState {
    const copy = new ShellState(this.cwd, this.pid, this.scriptName);
    copy.vars = new Map(this.vars);
    copy.exported = new Set(this.exported);
    copy.functions = new Map(this.functions);
    copy.positional = [...this.positional];
    copy.status = this.status;
    copy.errexit = this.errexit;
    return copy;
  }

  exportedEnv(): Map<string, string> {
    const env = new Map<string, string>();
    for (const name of this.exported) {
      const value = this.vars.get(name);
      if (value !== undefined) env.set(name, value);
    }
    return env;
  }
}

export class Interpreter {
  /** Inside an if/while condition or a && / || left side, a failure does not trip `set -e`. */
  private conditionDepth = 0;
  /** How many loops enclose the running command: `break` outside any does nothing. */
  loopDepth = 0;
  /** An interactive shell survives errors that end a script. */
  interactive = false;

  constructor(
    readonly proc: Proc,
    readonly state: ShellState,
    readonly dialect: ShellDialect,
    /** `sh -c` reports syntax errors with `-c: line N` in bash. */
    readonly fromCommandString = true,
  ) {}

  /** Parses and runs `source`; syntax errors print the dialect's message and give status 2. */
  *runSource(source: string, io: ProcessIO): Task<number> {
    let list: List;
    try {
      list = parseScript(source);
    } catch (error) {
      if (error instanceof IncompleteInput || error instanceof ShellSyntaxError) {
        const token = error instanceof ShellSyntaxError ? error.token : 'end of file';
        const message =
          error instanceof IncompleteInput && "'\"`".includes(error.expecting)
            ? this.dialect.name === 'bash'
              ? `bash: -c: line 1: unexpected EOF while looking for matching \`${error.expecting}'`
              : `${this.dialect.name}: syntax error: unterminated quoted string`
            : this.dialect.syntaxError(token, this.state.line, this.fromCommandString);
        io.stderr(`${message}\n`);
        this.state.status = 2;
        return 2;
      }
      throw error;
    }
    return yield* this.runList(list, io);
  }

  *runList(list: List, io: ProcessIO): Task<number> {
    for (const andOr of list) {
      if (andOr.background) {
        this.runBackground(andOr, io);
        this.state.status = 0;
      } else {
        yield* this.runAndOr(andOr, io);
      }
      yield* this.runPendingTraps(io);
    }
    return this.state.status;
  }

  private runBackground(andOr: AndOr, io: ProcessIO): void {
    const sub = new Interpreter(this.proc, this.state.clone(), this.dialect);
    const program = (_proc: Proc, _argv: string[]) => sub.runAndOr({ ...andOr, background: false }, { ...io, stdin: EMPTY_INPUT });
    this.state.lastBackground = this.proc.host.spawn(program, childProc(this.proc, io), [this.dialect.name]);
  }

  private *runPendingTraps(io: ProcessIO): Task<void> {
    while (this.state.pendingTraps.length > 0) {
      const signal = this.state.pendingTraps.shift()!;
      const action = this.state.traps.get(signal);
      if (action) {
        const saved = this.state.status;
        yield* this.runSource(action, io);
        this.state.status = saved;
      }
    }
  }

  *runAndOr(andOr: AndOr, io: ProcessIO): Task<number> {
    const steps: { op?: '&&' | '||'; pipeline: Pipeline }[] = [{ pipeline: andOr.first }, ...andOr.rest];
    let status = 0;
    for (const [i, { op, pipeline }] of steps.entries()) {
      if (op && (op === '&&') !== (status === 0)) continue;
      // only the last pipeline of an a && b || c list may trip `set -e`
      const guarded = i < steps.length - 1;
      if (guarded) this.conditionDepth++;
      try {
        status = yield* this.runPipeline(pipeline, io);
      } finally {
        if (guarded) this.conditionDepth--;
      }
    }
    this.state.status = status;
    return status;
  }

  private *runPipeline(pipeline: Pipeline, io: ProcessIO): Task<number> {
    if (pipeline.negated) this.conditionDepth++;
    let status = 0;
    try {
      let stdin = io.stdin;
      for (const [i, command] of pipeline.commands.entries()) {
        const last = i === pipeline.commands.length - 1;
        if (last) {
          status = yield* this.runCommand(command, { ...io, stdin });
        } else {
          let captured = '';
          // every stage but the last runs in a subshell of its own, as in ash and dash
          const sub = pipeline.commands.length > 1 ? new Interpreter(this.proc, this.state.clone(), this.dialect) : this;
          yield* sub.runCommand(command, { stdin, stdout: (t) => (captured += t), stderr: io.stderr, columns: undefined });
          stdin = new TextInput(captured);
        }
      }
    } finally {
      if (pipeline.negated) this.conditionDepth--;
    }
    if (pipeline.negated) status = status === 0 ? 1 : 0;
    this.state.status = status;
    if (status !== 0 && this.state.errexit && this.conditionDepth === 0 && !pipeline.negated) throw new ShellExit(status);
    return status;
  }

  *runCommand(command: Command, io: ProcessIO): Task<number> {
    if (command.kind === 'function') {
      this.state.functions.set(command.name, command.body);
      return 0;
    }
    if (command.kind === 'simple') return yield* this.runSimple(command, io);
    const redirected = yield* this.redirect(command.redirects, io);
    if (!redirected) return (this.state.status = 1);
    switch (command.kind) {
      case 'if':
        for (const branch of command.branches) {
          if ((yield* this.condition(branch.condition, redirected)) === 0) return yield* this.runList(branch.body, redirected);
        }
        if (command.otherwise) return yield* this.runList(command.otherwise, redirected);
        return (this.state.status = 0);
      case 'for': {
        const items: string[] = [];
        if (command.items) for (const word of command.items) items.push(...(yield* this.expand(word)));
        else items.push(...this.state.positional);
        return yield* this.loop(function* (this: Interpreter) {
          let status = 0;
          for (const item of items) {
            this.state.vars.set(command.variable, item);
            const go = yield* this.loopBody(command.body, redirected);
            status = this.state.status;
            if (!go) break;
          }
          return status;
        });
      }
      case 'while':
        return yield* this.loop(function* (this: Interpreter) {
          // the status of the last body run, 0 when the body never ran
          let status = 0;
          for (;;) {
            const test = yield* this.condition(command.condition, redirected);
            if ((test === 0) === command.until) break;
            const go = yield* this.loopBody(command.body, redirected);
            status = this.state.status;
            if (!go) break;
          }
          return status;
        });
      case 'case': {
        const subject = yield* expandToString(command.subject, this.scope());
        for (const arm of command.arms) {
          for (const pattern of arm.patterns) {
            if (globMatches(yield* expandToString(pattern, this.scope()), subject)) return yield* this.runList(arm.body, redirected);
          }
        }
        return (this.state.status = 0);
      }
      case 'group':
        if (!command.subshell) return yield* this.runList(command.body, redirected);
        return yield* this.subshell(command.body, redirected);
    }
  }

  private *subshell(body: List, io: ProcessIO): Task<number> {
    const sub = new Interpreter(this.proc, this.state.clone(), this.dialect);
    try {
      return (this.state.status = yield* sub.runList(body, io));
    } catch (error) {
      if (error instanceof ShellExit) return (this.state.status = error.code);
      throw error;
    }
  }

  private *condition(list: List, io: ProcessIO): Task<number> {
    this.conditionDepth++;
    try {
      return yield* this.runList(list, io);
    } finally {
      this.conditionDepth--;
    }
  }

  private *loop(body: (this: Interpreter) => Task<number>): Task<number> {
    this.loopDepth++;
    try {
      // a `break 2` from an inner loop passes through here on its way to the outer loop's body
      return (this.state.status = yield* body.call(this));
    } finally {
      this.loopDepth--;
    }
  }

  /**
   * A loop that never sleeps (`while true; do echo x; done`) must not freeze the simulation: after
   * COMMANDS_PER_MS commands in one simulated instant, the shell waits a simulated millisecond.
   */
  private *pace(): Task<void> {
    const now = this.proc.host.context.clock.now();
    if (now !== this.state.pacedAt) {
      this.state.pacedAt = now;
      this.state.commandsThisInstant = 0;
    } else if (++this.state.commandsThisInstant >= COMMANDS_PER_MS) {
      yield* sleep(1);
    }
  }

  /** Runs one iteration; false when `break` ended the loop. */
  private *loopBody(body: List, io: ProcessIO): Task<boolean> {
    try {
      yield* this.runList(body, io);
      return true;
    } catch (error) {
      if (!(error instanceof LoopControl)) throw error;
      if (error.levels > 1) {
        error.levels--;
        throw error;
      }
      return error.kind === 'continue';
    }
  }

  scope(): ExpansionScope {
    const state = this.state;
    const interpreter = this;
    return {
      lookup: (name) => this.lookup(name),
      positional: () => state.positional,
      assign: (name, value) => void state.vars.set(name, value),
      *substitute(source: string) {
        let out = '';
        const sub = new Interpreter(interpreter.proc, state.clone(), interpreter.dialect);
        try {
          state.status = yield* sub.runSource(source, { stdin: EMPTY_INPUT, stdout: (t) => (out += t), stderr: interpreter.proc.stderr });
        } catch (error) {
          if (!(error instanceof ShellExit)) throw error;
          state.status = error.code;
        }
        return out;
      },
      fs: this.proc.host.fs,
      cwd: state.cwd,
    };
  }

  lookup(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.state.status);
      case '$':
        return String(this.state.pid);
      case '#':
        return String(this.state.positional.length);
      case '!':
        return this.state.lastBackground === undefined ? '' : String(this.state.lastBackground);
      case '-':
        return `${this.state.errexit ? 'e' : ''}${this.state.xtrace ? 'x' : ''}`;
      case '0':
        return this.state.scriptName;
      case 'PWD':
        return this.state.cwd;
    }
    if (/^[1-9]$/.test(name)) return this.state.positional[Number(name) - 1];
    return this.state.vars.get(name);
  }

  private *expand(word: Word): Task<string[]> {
    return yield* expandWord(word, this.scope());
  }

  /** Applies redirections; undefined (after printing why) when one fails. */
  private *redirect(redirects: Redirect[], io: ProcessIO): Task<ProcessIO | undefined> {
    let result = io;
    const fs = this.proc.host.fs;
    for (const r of redirects) {
      const target = yield* expandToString(r.target, this.scope());
      if (r.op === '>&' || r.op === '<&') {
        if (target === '1' && r.fd === 2) result = { ...result, stderr: result.stdout };
        else if (target === '2' && r.fd === 1) result = { ...result, stdout: result.stderr };
        else if (target === '-') result = r.fd === 2 ? { ...result, stderr: () => {} } : { ...result, stdout: () => {} };
        continue;
      }
      if (r.op === '<<') {
        result = { ...result, stdin: new TextInput(target) };
        continue;
      }
      if (r.op === '<') {
        const path = resolvePath(this.state.cwd, target);
        const content = path === '/dev/null' ? '' : fs.readFile(path);
        if (content === 'No such file or directory' || content === 'Is a directory') {
          io.stderr(`${this.dialect.cannotOpen(target, content)}\n`);
          return undefined;
        }
        result = { ...result, stdin: new TextInput(content) };
        continue;
      }
      const writer = this.fileWriter(target, r.op === '>>', io);
      if (!writer) return undefined;
      if (r.op === '&>') result = { ...result, stdout: writer, stderr: writer, columns: undefined };
      else if (r.fd === 2) result = { ...result, stderr: writer };
      else result = { ...result, stdout: writer, columns: undefined };
    }
    return result;
  }

  private fileWriter(target: string, append: boolean, io: ProcessIO): ((text: string) => void) | undefined {
    const path = resolvePath(this.state.cwd, target);
    if (path === '/dev/null') return () => {};
    if (path === '/dev/stdout' || path === '/proc/self/fd/1') return io.stdout;
    if (path === '/dev/stderr' || path === '/proc/self/fd/2') return io.stderr;
    if (path === '/proc/1/fd/1' || path === '/proc/1/fd/2') {
      const stream = path.endsWith('1') ? 'stdout' : 'stderr';
      return (text) => this.proc.host.writeToPid1(stream, text);
    }
    const fs = this.proc.host.fs;
    const error = fs.writeFile(path, '', append);
    if (error) {
      io.stderr(`${this.dialect.cannotCreate(target, error)}\n`);
      return undefined;
    }
    return (text) => void fs.writeFile(path, text, true);
  }

  private *runSimple(command: Extract<Command, { kind: 'simple' }>, io: ProcessIO): Task<number> {
    yield* this.pace();
    let argv: string[];
    const assignments: [string, string][] = [];
    try {
      for (const a of command.assignments) assignments.push([a.name, yield* expandToString(a.value, this.scope())]);
      argv = [];
      for (const word of command.words) argv.push(...(yield* this.expand(word)));
    } catch (error) {
      if (!(error instanceof ExpansionError)) throw error;
      io.stderr(`${this.dialect.name}: ${error.message}\n`);
      if (!this.interactive) throw new ShellExit(this.dialect.name === 'bash' ? 1 : 2);
      return (this.state.status = 1);
    }
    const redirected = yield* this.redirect(command.redirects, io);
    if (!redirected) return (this.state.status = 1);
    if (argv.length === 0) {
      for (const [name, value] of assignments) this.state.vars.set(name, value);
      // a bare assignment's status is that of its last command substitution, else 0
      if (!command.assignments.some((a) => a.value.parts.some((p) => p.kind === 'command'))) this.state.status = 0;
      return this.state.status;
    }
    if (this.state.xtrace) io.stderr(`+ ${argv.join(' ')}\n`);
    const status = yield* this.invoke(argv, assignments, redirected);
    this.state.status = status;
    return status;
  }

  private *invoke(argv: string[], assignments: [string, string][], io: ProcessIO): Task<number> {
    const name = argv[0]!;
    const builtin = SHELL_BUILTINS[name];
    if (builtin) return yield* builtin.call(this, argv, io);
    const fn = this.state.functions.get(name);
    if (fn) return yield* this.callFunction(fn, argv, io);
    const program = this.proc.host.findProgram(name);
    if (!program) {
      io.stderr(`${this.dialect.notFound(name, this.state.line)}\n`);
      return 127;
    }
    const env = this.state.exportedEnv();
    for (const [k, v] of assignments) env.set(k, v);
    const child = childProc(this.proc, io, env, this.state.cwd);
    return yield* this.proc.host.run(program, child, argv);
  }

  private *callFunction(body: Command, argv: string[], io: ProcessIO): Task<number> {
    const saved = this.state.positional;
    this.state.positional = argv.slice(1);
    try {
      return yield* this.runCommand(body, io);
    } catch (error) {
      if (error instanceof FunctionReturn) return error.code;
      throw error;
    } finally {
      this.state.positional = saved;
    }
  }

  /** `cd`'s job, shared with the interactive prompt. */
  changeDirectory(dir: string, io: ProcessIO): number {
    const path = resolvePath(this.state.cwd, dir);
    const stat = this.proc.host.fs.stat(path);
    if (!stat || stat.kind !== 'dir') {
      io.stderr(`${this.dialect.cannotCd(dir, stat ? 'Not a directory' : 'No such file or directory')}\n`);
      return this.dialect.name === 'bash' ? 1 : 2;
    }
    this.state.vars.set('OLDPWD', this.state.cwd);
    this.state.cwd = path;
    this.state.vars.set('PWD', path);
    return 0;
  }
}
