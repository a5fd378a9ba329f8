// Go's text/tabwriter as `kubectl describe` configures it (minwidth 0, tabwidth 8, padding 2, pad with
// spaces, no flags). Cells are tab-terminated; a column block is a run of consecutive lines that have a
// cell in that column, and each block is as wide as its widest cell plus the padding. Reproducing the
// algorithm (not just "pad to the widest") is what makes our text line up exactly like kubectl's.

const PADDING = 2;

/** Display width as Go counts it: runes, not UTF-16 units. */
function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

type Line = string[];

function toLines(text: string): Line[] {
  const raw = text.split('\n');
  const lines: Line[] = raw.slice(0, -1).map((l) => l.split('\t'));
  // The unterminated last line keeps only non-empty trailing text, as Writer.Flush does.
  const last = raw[raw.length - 1].split('\t');
  if (last[last.length - 1] === '') last.pop();
  lines.push(last);
  return lines;
}

class Formatter {
  private readonly out: string[] = [];
  private readonly widths: number[] = [];

  constructor(private readonly lines: Line[]) {}

  run(): string {
    this.format(0, this.lines.length);
    return this.out.join('');
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue;
      // A cell in this column starts a block: print the lines before it, then measure the block.
      this.writeLines(line0, current);
      line0 = current;
      let width = 0;
      for (; current < line1; current++) {
        const line = this.lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, runeCount(line[column]) + PADDING);
      }
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((cell, j) => {
        this.out.push(cell);
        if (j < this.widths.length) this.out.push(' '.repeat(Math.max(0, this.widths[j] - runeCount(cell))));
      });
      if (i + 1 < this.lines.length) this.out.push('\n');
    }
  }
}

/** Aligns tab-separated text the way kubectl's tabbedString does. */
export function alignTabs(text: string): string {
  return new Formatter(toLines(text)).run();
}

/** kubectl writes describe text through a terminal escaper, so object text cannot drive the terminal. */
function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

/**
 * kubectl's PrefixWriter over a tabwriter: `write(level, text)` indents by two spaces a level, `flush()`
 * ends the current alignment blocks (DescribeEvents does this so the events table aligns on its own).
 */
export class DescribeWriter {
  private flushed = '';
  private pending = '';

  write(level: number, text: string): void {
    this.pending += escapeTerminal('  '.repeat(level) + text);
  }

  /** `WriteLine`: the text and a newline, no indentation. */
  line(text: string): void {
    this.pending += escapeTerminal(`${text}\n`);
  }

  flush(): void {
    this.flushed += alignTabs(this.pending);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.flushed;
  }
}
