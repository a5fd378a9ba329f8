// Drives one Task on the Clock: steps it synchronously, arms a timer for each sleep, parks it until wake(),
// throws signals into it at its current wait. Everything happens inside the caller's stack or a timer
// callback, never in a promise continuation, so simulated time stays exact.

import type { Clock, TimerId } from '../../clock.js';
import { Signalled, SIGNAL_NUMBERS, type SignalName, type Task, type Wait } from './task.js';
import type { ProcessExit } from '../types.js';

export type TaskOutcome<T> = { value: T } | { error: unknown } | { killed: true };

/**
 * A task's end as a process exit: its status (the low 8 bits), 137 when killed, 128 + n when a signal ended it.
 * Any other error is a bug of a program: written to `stderr` as `kubesim: <who>: …`, and the exit is 1.
 */
export function exitOf(outcome: TaskOutcome<number>, who: string, stderr: (text: string) => void): ProcessExit {
  if ('value' in outcome) return { code: outcome.value & 255 };
  if ('killed' in outcome) return { code: 137, signal: 9 };
  if (outcome.error instanceof Signalled) return { code: outcome.error.exitCode, signal: SIGNAL_NUMBERS[outcome.error.signal] };
  stderr(`kubesim: ${who}: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}\n`);
  return { code: 1 };
}

/**
 * Who hears of a task's end and decides which signals it ignores, as one object: a container's main
 * process is one, where two closures and their context would live as long as the container.
 */
export interface TaskOwner<T> {
  taskDone(outcome: TaskOutcome<T>): void;
  ignoresSignal(signal: SignalName): boolean;
}

/** Shared by every runner whose process ignores nothing. */
const IGNORES_NOTHING = (): boolean => false;

export class TaskRunner<T> {
  private timer: TimerId | undefined;
  private parked = false;
  private running = false;
  private wakeRequested = false;
  private killRequested = false;
  /** Made by the first signal that arrives mid-step: most tasks never get one. */
  private pendingSignals: SignalName[] | undefined;
  private finished = false;

  constructor(
    private readonly clock: Clock,
    private readonly task: Task<T>,
    private readonly onDone: ((outcome: TaskOutcome<T>) => void) | TaskOwner<T>,
    /** Signals the process ignores (PID 1 without a handler ignores TERM and INT); an owner says it itself. */
    private readonly ignores: (signal: SignalName) => boolean = IGNORES_NOTHING,
  ) {}

  private report(outcome: TaskOutcome<T>): void {
    const onDone = this.onDone;
    if (typeof onDone === 'function') onDone(outcome);
    else onDone.taskDone(outcome);
  }

  private ignored(signal: SignalName): boolean {
    const onDone = this.onDone;
    return typeof onDone === 'function' ? this.ignores(signal) : onDone.ignoresSignal(signal);
  }

  get done(): boolean {
    return this.finished;
  }

  start(): void {
    this.step(() => this.task.next());
  }

  /** Resumes a parked task (new input arrived). */
  wake(): void {
    if (this.finished) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    if (!this.parked) return;
    this.parked = false;
    this.step(() => this.task.next());
  }

  /** Delivers a catchable signal at the task's current wait, unless the process ignores it. */
  signal(signal: SignalName): void {
    if (this.finished || this.ignored(signal)) return;
    if (this.running) {
      (this.pendingSignals ??= []).push(signal);
      return;
    }
    this.cancelWait();
    this.step(() => this.task.throw(new Signalled(signal)));
  }

  /** SIGKILL: the task ends where it stands; its finally blocks run but cannot wait. */
  kill(): void {
    if (this.finished) return;
    if (this.running) {
      this.killRequested = true;
      return;
    }
    this.cancelWait();
    this.endKilled();
  }

  private endKilled(): void {
    this.finished = true;
    try {
      this.task.return(undefined as T);
    } catch {
      // a finally block that throws while being killed changes nothing
    }
    this.report({ killed: true });
  }

  private cancelWait(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.parked = false;
  }

  private step(first: () => IteratorResult<Wait, T>): void {
    let resume = first;
    for (;;) {
      let result: IteratorResult<Wait, T>;
      this.running = true;
      try {
        result = resume();
      } catch (error) {
        this.running = false;
        this.finished = true;
        this.report({ error });
        return;
      } finally {
        this.running = false;
      }
      if (result.done) {
        this.finished = true;
        this.report({ value: result.value });
        return;
      }
      if (this.killRequested) {
        this.endKilled();
        return;
      }
      const signal = this.pendingSignals?.shift();
      if (signal) {
        resume = () => this.task.throw(new Signalled(signal));
        continue;
      }
      const wait = result.value;
      if (wait.kind === 'sleep') {
        this.timer = this.clock.setTimer(() => {
          this.timer = undefined;
          this.step(() => this.task.next());
        }, wait.ms);
        return;
      }
      if (this.wakeRequested) {
        this.wakeRequested = false;
        resume = () => this.task.next();
        continue;
      }
      this.parked = true;
      return;
    }
  }
}
