// Ink 6.8 builds every frame in a fresh `Output`: it tokenizes each row of text into one object per character
// (with a copy of its styles), lays them into a width × height grid pre-filled with blank cells, and turns
// the grid back into strings. Its caches (tokenized rows, widths) live only as long as that one Output, so
// a frame where one Pod row changed costs as much as the first frame: with 10,000 Pods and logs streaming,
// that was about 85% of a frame's CPU and most of the garbage whose collection made the slow frames slow.
//
// Installed once, this gives Ink's Output two things and changes nothing it writes:
// - caches that outlive a frame: the tokenized rows the current frame looks up are kept, and so are those
//   the frame before it used (rows that did not change are found there), so a frame tokenizes only the rows
//   that changed, and memory stays bounded by two frames' text; character widths are simply kept (bounded);
// - a grid no wider than where its writes start: cells to the right of every write are blank, unstyled and
//   trimmed from the end of each row anyway, so they need not be made (the dashboard writes all its rows
//   from column 0, which spares it a terminal's width of cell objects on every row).
// Should Ink's Output not look as expected (another version), nothing is installed and Ink works as it did.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The parts of Ink's per-frame caches (its `OutputCaches`) that this relies on. */
export interface InkCaches {
  styledChars: Map<string, unknown>;
  widths: Map<string, number>;
  blockWidths: Map<string, number>;
  getStyledChars(line: string): unknown;
  getStringWidth(text: string): number;
  getWidestLine(text: string): number;
}

export interface InkOutput {
  width: number;
  caches: InkCaches;
  operations: { type: string; x?: number }[];
  get(): { output: string; height: number };
}

type OutputClass = { prototype: InkOutput; new (size: { width: number; height: number }): InkOutput };

/** Distinct texts whose width is kept across frames (in practice single characters). */
const MAX_WIDTHS = 20_000;

/**
 * Two generations of Ink's caches: lookups go to this frame's, then to the last frame's (moving the entry
 * over), then compute. Starting a frame drops what the frame before last used and nobody asked for since.
 */
export class FrameCaches {
  private previous: InkCaches;
  private current: InkCaches;

  constructor(private readonly make: () => InkCaches) {
    this.previous = make();
    this.current = make();
  }

  /** Called as a frame starts: what it is handed serves that frame. */
  nextFrame(): InkCaches {
    this.previous = this.current;
    this.current = this.make();
    return this.view;
  }

  private readonly view: InkCaches = {
    styledChars: new Map(),
    widths: new Map(),
    blockWidths: new Map(),
    getStyledChars: (line) => this.carry(line, 'styledChars', (c) => styledChars(line, c)),
    getStringWidth: (text) => this.width(text),
    getWidestLine: (text) => this.carry(text, 'blockWidths', (c) => c.getWidestLine(text)),
  };

  /**
   * Ink asks the width of every character of every frame; the characters on screen are few and their widths
   * never change, so these are kept across frames (up to a bound, then started afresh).
   */
  private readonly widths = new Map<string, number>();

  private width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      if (this.widths.size >= MAX_WIDTHS) this.widths.clear();
      w = this.current.getStringWidth(text);
      this.widths.set(text, w);
    }
    return w;
  }

  private carry<T>(key: string, map: 'styledChars' | 'blockWidths', compute: (c: InkCaches) => T): T {
    const here = this.current[map] as Map<string, T>;
    const hit = here.get(key);
    if (hit !== undefined) return hit;
    const before = (this.previous[map] as Map<string, T>).get(key);
    if (before !== undefined) {
      here.set(key, before);
      return before;
    }
    return compute(this.current);
  }
}

/** Printable ASCII only: every character is its own one-cell grapheme, and there are no escape sequences. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * A row as Ink's tokenizer would give it. Rows that change every frame are mostly log lines of plain ASCII,
 * for which its grapheme segmentation finds one unstyled, one-cell character per character: made directly,
 * at a fraction of the cost. Anything else goes to Ink's own tokenizer.
 */
function styledChars(line: string, caches: InkCaches): unknown {
  if (!PLAIN.test(line)) return caches.getStyledChars(line);
  const chars = new Array<{ type: 'char'; value: string; fullWidth: boolean; styles: unknown[] }>(line.length);
  for (let i = 0; i < line.length; i++) chars[i] = { type: 'char', value: line[i]!, fullWidth: false, styles: [] };
  caches.styledChars.set(line, chars);
  return chars;
}

/** How wide the blank grid must be: up to the right-most column a write starts at (all of it with clips). */
export function gridWidth(output: InkOutput): number {
  let widest = 0;
  for (const op of output.operations) {
    if (op.type === 'clip') return output.width;
    if (op.type === 'write') widest = Math.max(widest, (op.x ?? 0) + 1);
  }
  return Math.min(output.width, Math.max(1, widest));
}

let uninstall: (() => void) | undefined;

/** Ink's Output class, loaded from the same file Ink's renderer loads (it is not among Ink's exports). */
async function loadOutputClass(): Promise<OutputClass | undefined> {
  try {
    const require = createRequire(import.meta.url);
    const url = new URL('./output.js', pathToFileURL(require.resolve('ink')));
    const mod = (await import(url.href)) as { default?: OutputClass };
    return mod.default;
  } catch {
    return undefined;
  }
}

function looksLikeInk68(Output: OutputClass | undefined): Output is OutputClass {
  if (typeof Output?.prototype?.get !== 'function') return false;
  const probe = new Output({ width: 1, height: 1 });
  const c = probe.caches;
  return (
    Array.isArray(probe.operations) &&
    typeof probe.width === 'number' &&
    c?.styledChars instanceof Map &&
    c.widths instanceof Map &&
    c.blockWidths instanceof Map &&
    typeof c.getStyledChars === 'function' &&
    typeof c.getStringWidth === 'function' &&
    typeof c.getWidestLine === 'function'
  );
}

/** Installs the reuse into Ink's Output (once per process); resolves to whether it is installed. */
export async function installInkOutputReuse(): Promise<boolean> {
  if (uninstall) return true;
  const Output = await loadOutputClass();
  if (!looksLikeInk68(Output)) return false;
  if (uninstall) return true;
  const Caches = new Output({ width: 1, height: 1 }).caches.constructor as new () => InkCaches;
  const caches = new FrameCaches(() => new Caches());
  const original = Output.prototype.get;
  Output.prototype.get = function get(this: InkOutput) {
    this.caches = caches.nextFrame();
    const width = this.width;
    this.width = gridWidth(this);
    try {
      return original.call(this);
    } finally {
      this.width = width;
    }
  };
  uninstall = () => {
    Output.prototype.get = original;
    uninstall = undefined;
  };
  return true;
}

/** For tests that compare frames with and without it. */
export function uninstallInkOutputReuse(): void {
  uninstall?.();
}
