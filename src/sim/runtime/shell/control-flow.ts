// How shell control leaves a construct early: `exit`, `break`/`continue` N, `return`. Thrown through the
// generators and caught where the construct they end begins.

/** `exit N`, or a fatal error in a non-interactive shell. */
export class ShellExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export class LoopControl extends Error {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {
    super(kind);
  }
}

export class FunctionReturn extends Error {
  constructor(readonly code: number) {
    super('return');
  }
}
