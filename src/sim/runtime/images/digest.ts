// Stable, made-up content digests: the same image always gets the same `sha256:…`.

function fnv1a(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `sha256:` and 64 hex digits made from `text` (its callers remember the result per image). */
export function stableDigest(text: string): string {
  let hex = '';
  for (let round = 0; round < 8; round++) hex += fnv1a(text, Math.imul(round + 1, 0x9e3779b1)).toString(16).padStart(8, '0');
  return `sha256:${hex}`;
}
