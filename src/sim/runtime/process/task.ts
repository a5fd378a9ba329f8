// A simulated process is a generator: it runs synchronously until it has to wait (for simulated time or
// for input), yields what it waits for, and is resumed by a TaskRunner. Resuming inside the Clock's timer
// callback (not in a promise continuation) keeps loops like `while true; do echo hi; sleep 5; done` exact
// on a VirtualClock: every iteration happens within the one advance() that covers it.

export type Wait =
  /** Resume after `ms` simulated milliseconds. */
  | { kind: 'sleep'; ms: number }
  /** Resume when someone calls TaskRunner.wake() (new input), or never. */
  | { kind: 'park' };

export type Task<T = number> = Generator<Wait, T, void>;

/** The park wait, one frozen object for every yield of it (parked tasks yield it again at each wake-up). */
export const PARK: Wait = Object.freeze({ kind: 'park' });

export type SignalName = 'TERM' | 'KILL' | 'INT' | 'QUIT' | 'HUP';

export const SIGNAL_NUMBERS: Record<SignalName, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, TERM: 15 };

/** Thrown into a task at its current wait when a signal it does not ignore arrives. */
export class Signalled extends Error {
  constructor(readonly signal: SignalName) {
    super(`signal ${signal}`);
  }

  get exitCode(): number {
    return 128 + SIGNAL_NUMBERS[this.signal];
  }
}

export function* sleep(ms: number): Task<void> {
  yield { kind: 'sleep', ms };
}

/** A task that ends with `status` when first resumed. */
export function* exitWith(status: number): Task<number> {
  return status;
}

/** A task that throws `error` when first resumed, as a program that failed while starting does. */
export function* failWith(error: unknown): Task<never> {
  throw error;
}

/** Waits until the process is signalled or killed. */
export function* waitForever(): Task<never> {
  for (;;) yield PARK;
}
