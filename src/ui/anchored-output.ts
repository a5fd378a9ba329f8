// Ink 6.8's incremental renderer moves the cursor back to the top of the previous frame relative to where
// it left it (`cursorUp(lines − 1)`), but after a frame that ends in a newline the cursor is one row lower
// than that assumes, so every later frame lands one row down (the first header stays on row 1, and a
// changed last line scrolls the screen). In the alternate screen our frame always starts at the top-left,
// so the fix is to replace the relative climb with an absolute home (`ESC[H`); when Ink erased lines
// (the frame shrank), whatever is left below the new frame is cleared after it (`ESC[J`).

/** Cursor-up, erase-line and column-1 sequences that open a frame write. */
const CLIMB = /^(?:\u001b\[2K|\u001b\[\d*A|\u001b\[G)+/;

export function anchorFrame(chunk: string): string {
  const m = CLIMB.exec(chunk);
  if (!m) return chunk;
  const erased = m[0].includes('\u001b[2K');
  return '\u001b[H' + chunk.slice(m[0].length) + (erased ? '\u001b[J' : '');
}

/**
 * Ink's first frame over a pre-painted one (first-frame.ts): Ink writes it from the top-left without erasing,
 * so each row's rest (`ESC[K`) and everything below (`ESC[J`) are cleared, in case the two frames differ.
 */
export function replacePrepainted(chunk: string): string {
  return '\u001b[H' + chunk.replace(/\n/g, '\u001b[K\n') + '\u001b[K\u001b[J';
}

/**
 * The stdout Ink writes to: the real one, with each frame anchored to the top-left. `prepainted`: a first
 * frame is already on screen, and Ink's first frame (its first write of more than one row) replaces it.
 */
export function anchoredOutput(stdout: NodeJS.WriteStream, prepainted = false): NodeJS.WriteStream {
  let overPrepainted = prepainted;
  const frame = (chunk: string) => {
    if (overPrepainted && chunk.includes('\n')) {
      overPrepainted = false;
      return replacePrepainted(chunk);
    }
    return anchorFrame(chunk);
  };
  const write = (chunk: unknown, ...rest: unknown[]) =>
    (stdout.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? frame(chunk) : chunk, ...rest);
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
