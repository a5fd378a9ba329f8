// A very small terminal for the shell overlay: what a tty-mode exec writes (text, \r\n, \r, backspace,
// erase-line and clear-screen sequences) applied to a grid of lines. Any other escape sequence is dropped,
// and other control characters are not interpreted, so a container cannot drive the real terminal.

const MAX_LINES = 1000;

export class ShellScreen {
  private lines: string[] = [''];
  private col = 0;
  /** Bytes of an escape sequence split across writes. */
  private pending = '';

  write(data: string): void {
    let s = this.pending + data;
    this.pending = '';
    let i = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === '\u001b') {
        const m = /^\u001b\[([0-9;?]*)([@-~])/.exec(s.slice(i));
        if (!m) {
          if (s.length - i < 8) {
            this.pending = s.slice(i);
            return;
          }
          i++;
          continue;
        }
        this.csi(m[1]!, m[2]!);
        i += m[0].length;
        continue;
      }
      if (ch === '\n') this.newline();
      else if (ch === '\r') this.col = 0;
      else if (ch === '\b') this.col = Math.max(0, this.col - 1);
      else if (ch === '\t') this.put('    ');
      else if (ch >= ' ' && ch !== '\u007f' && !(ch >= '\u0080' && ch <= '\u009f')) this.put(ch);
      i++;
    }
    s = '';
  }

  private put(text: string): void {
    const last = this.lines.length - 1;
    const line = this.lines[last]!;
    const padded = line.length < this.col ? line + ' '.repeat(this.col - line.length) : line;
    this.lines[last] = padded.slice(0, this.col) + text + padded.slice(this.col + text.length);
    this.col += text.length;
  }

  private newline(): void {
    this.lines.push('');
    this.col = 0;
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
  }

  private csi(params: string, final: string): void {
    const n = Number(params.split(';')[0] || '1');
    const last = this.lines.length - 1;
    switch (final) {
      case 'K': // erase to end of line (the only form shells use for line editing)
        this.lines[last] = this.lines[last]!.slice(0, this.col);
        break;
      case 'J':
        if (params === '2' || params === '3') {
          this.lines = [''];
          this.col = 0;
        }
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'C':
        this.col += n;
        break;
      case 'H':
        this.col = 0;
        break;
    }
  }

  /** The last `height` lines, the cursor's cell marked with `cursor(ch)`. */
  view(height: number, width: number, cursor: (ch: string) => string): string[] {
    const from = Math.max(0, this.lines.length - height);
    const out = this.lines.slice(from).map((l) => l.slice(0, width));
    const last = out.length - 1;
    const line = this.lines[this.lines.length - 1]!;
    const col = Math.min(this.col, width - 1);
    const ch = line[col] ?? ' ';
    const base = line.padEnd(col, ' ').slice(0, width);
    out[last] = base.slice(0, col) + cursor(ch) + base.slice(col + 1);
    return out;
  }

  text(): string {
    return this.lines.join('\n');
  }
}
