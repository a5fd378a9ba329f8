// A process's standard input: a fixed text (a pipe from an earlier command, a here-string, /dev/null) or a
// stream fed by an exec session, which parks the reader until data or EOF arrives.

import { PARK, type Task } from './task.js';

export interface Input {
  /** The next line without its newline, or undefined at EOF. */
  readLine(): Task<string | undefined>;
  /** Everything up to EOF. */
  readAll(): Task<string>;
  /** True when stdin is a terminal (an interactive exec with -t). */
  readonly isTerminal: boolean;
}

export class TextInput implements Input {
  readonly isTerminal = false;
  private offset = 0;

  constructor(private readonly text: string) {}

  *readLine(): Task<string | undefined> {
    if (this.offset >= this.text.length) return undefined;
    const end = this.text.indexOf('\n', this.offset);
    const line = this.text.slice(this.offset, end < 0 ? undefined : end);
    this.offset = end < 0 ? this.text.length : end + 1;
    return line;
  }

  *readAll(): Task<string> {
    const rest = this.text.slice(this.offset);
    this.offset = this.text.length;
    return rest;
  }
}

export const EMPTY_INPUT: Input = {
  isTerminal: false,
  *readLine() {
    return undefined;
  },
  *readAll() {
    return '';
  },
};

/** Input that arrives over time; `onData` is how the owner wakes the parked reader. */
export class StreamInput implements Input {
  private buffer = '';
  private ended = false;
  onData: () => void = () => {};

  constructor(readonly isTerminal: boolean) {}

  push(data: string): void {
    if (this.ended) return;
    this.buffer += data;
    this.onData();
  }

  /**
   * End of input. On a terminal (Ctrl-D) it is an event, not a state: the read it ends sees EOF, and the
   * next reader (the shell, after `cat` got its Ctrl-D) reads on. A pipe's end is final.
   */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onData();
  }

  private consumeEnd(): void {
    if (this.isTerminal) this.ended = false;
  }

  /** Drops what was typed but not read (Ctrl-C). */
  discard(): void {
    this.buffer = '';
  }

  get atEnd(): boolean {
    return this.ended && this.buffer.length === 0;
  }

  *readLine(): Task<string | undefined> {
    for (;;) {
      const newline = this.buffer.indexOf('\n');
      if (newline >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        return line;
      }
      if (this.ended) {
        if (this.buffer.length === 0) {
          this.consumeEnd();
          return undefined;
        }
        const line = this.buffer;
        this.buffer = '';
        return line;
      }
      yield PARK;
    }
  }

  *readAll(): Task<string> {
    while (!this.ended) yield PARK;
    const all = this.buffer;
    this.buffer = '';
    this.consumeEnd();
    return all;
  }
}
