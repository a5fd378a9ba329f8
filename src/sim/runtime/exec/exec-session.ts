// A process started by exec: its stdin (through the line discipline when there is a terminal), its output
// (`\r\n` line endings and stderr merged into stdout with a terminal, as a pty does), resize and kill.

import type { ExecIO, ExecProcess } from '../types.js';
import type { RunningContainer } from '../running-container.js';
import { StreamInput } from '../process/input.js';
import type { Proc, Program } from '../process/program.js';
import { exitOf, TaskRunner, type TaskOutcome } from '../process/task-runner.js';
import { LineDiscipline, terminalNewlines } from './line-discipline.js';

export function startExec(container: RunningContainer, program: Program, argv: string[], io: ExecIO): ExecProcess & { end(): void } {
  const stdin = new StreamInput(io.tty);
  const out = io.tty ? (text: string) => io.stdout(terminalNewlines(text)) : io.stdout;
  const err = io.tty ? out : io.stderr;
  const env = container.baseEnv();
  if (io.tty) env.set('TERM', 'xterm');
  env.set('SHLVL', '1');
  const proc: Proc = { host: container, env, cwd: container.workingDir(), pid: 0, stdin, stdout: out, stderr: err, ...(io.tty ? { columns: 80 } : {}) };

  let resolve!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolve = r));
  let finished = false;
  const onDone = (outcome: TaskOutcome<number>) => {
    finished = true;
    container.disown(runner);
    resolve(exitOf(outcome, argv[0] ?? '', err).code);
  };
  const runner = new TaskRunner(container.context.clock, container.run(program, proc, argv), onDone, (signal) => proc.catchSignal?.(signal) ?? false);
  stdin.onData = () => runner.wake();
  const discipline = new LineDiscipline({
    echo: (text) => io.stdout(text),
    line: (text) => stdin.push(text),
    interrupt: () => {
      stdin.discard();
      runner.signal('INT');
    },
    endOfInput: () => stdin.end(),
  });
  container.adopt(runner, proc);
  runner.start();

  return {
    exited,
    // after the process ends nothing reads or echoes what is typed
    write: (data) => {
      if (finished) return;
      if (io.tty) discipline.input(data);
      else stdin.push(data);
    },
    closeStdin: () => stdin.end(),
    resize: (width) => {
      if (io.tty && width > 0) proc.columns = width;
    },
    kill: () => runner.kill(),
    end: () => runner.kill(),
  };
}
