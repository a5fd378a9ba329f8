// The terminal's line discipline, which the server plays for `kubectl exec -t` (kubectl sends raw
// keystrokes): echo what is typed, Enter (`\r`) ends a line and echoes `\r\n`, backspace rubs out,
// Ctrl-U kills the line, Ctrl-C interrupts, Ctrl-D on an empty line is end of input. Escape sequences
// (arrow keys) are swallowed: there is no line editing.

export interface TerminalSide {
  echo(text: string): void;
  line(text: string): void;
  interrupt(): void;
  endOfInput(): void;
}

export class LineDiscipline {
  private buffer = '';
  private escape: '' | 'esc' | 'csi' = '';

  constructor(private readonly side: TerminalSide) {}

  input(data: string): void {
    for (const c of data) {
      if (this.escape) {
        this.swallowEscape(c);
        continue;
      }
      switch (c) {
        case '\r':
        case '\n':
          this.side.echo('\r\n');
          this.flush('\n');
          break;
        case '\x7f':
        case '\b':
          if (this.buffer) {
            this.buffer = [...this.buffer].slice(0, -1).join('');
            this.side.echo('\b \b');
          }
          break;
        case '\x15':
          this.side.echo('\b \b'.repeat([...this.buffer].length));
          this.buffer = '';
          break;
        case '\x03':
          this.side.echo('^C\r\n');
          this.buffer = '';
          this.side.interrupt();
          break;
        case '\x04':
          if (this.buffer) this.flush('');
          else this.side.endOfInput();
          break;
        case '\x1b':
          this.escape = 'esc';
          break;
        default:
          if (c < ' ' && c !== '\t') break;
          this.buffer += c;
          this.side.echo(c);
      }
    }
  }

  private flush(ending: string): void {
    const text = this.buffer + ending;
    this.buffer = '';
    this.side.line(text);
  }

  private swallowEscape(c: string): void {
    if (this.escape === 'esc') this.escape = c === '[' || c === 'O' ? 'csi' : '';
    else if (c >= '@' && c <= '~') this.escape = '';
  }
}

/** Output through a terminal: `\n` becomes `\r\n` (ONLCR). */
export function terminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
