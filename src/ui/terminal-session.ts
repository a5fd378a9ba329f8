// The terminal as we borrow it: the alternate screen entered and left by hand (Ink 6.8 has no option for
// it), and put back on every way out — quit, Ctrl-C, SIGTERM, SIGHUP (ssh dropped) and an uncaught error.

export const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H\u001b[2J';
export const LEAVE_ALT_SCREEN = '\u001b[?1049l';
export const SHOW_CURSOR = '\u001b[?25h';

interface Tty {
  write(data: string): unknown;
  isTTY?: boolean;
}

interface RawInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  pause?(): unknown;
}

export class TerminalSession {
  private active = false;

  constructor(
    private readonly stdout: Tty,
    private readonly stdin: RawInput,
  ) {}

  enter(): void {
    if (this.active) return;
    this.active = true;
    this.safeWrite(ENTER_ALT_SCREEN);
  }

  /** Idempotent: the first way out restores, the others find nothing to do. */
  restore(): void {
    if (!this.active) return;
    this.active = false;
    this.safeWrite(LEAVE_ALT_SCREEN + SHOW_CURSOR);
    try {
      if (this.stdin.isTTY) this.stdin.setRawMode?.(false);
      this.stdin.pause?.();
    } catch {
      // stdin may be gone already (ssh dropped)
    }
  }

  get isActive(): boolean {
    return this.active;
  }

  private safeWrite(data: string): void {
    try {
      this.stdout.write(data);
    } catch {
      // a closed terminal (SIGHUP) cannot be restored; nothing to do
    }
  }
}
