// Stable, made-up content digests: the same image always gets the same `sha256:…`.

import { remember } from '../../bounded-memo.js';

function fnv1a(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// every pull of an image asks again for the same few digests
const known = new Map<string, string>();

export function stableDigest(text: string): string {
  return remember(
    known,
    text,
    () => {
      let hex = '';
      for (let round = 0; round < 8; round++) hex += fnv1a(text, Math.imul(round + 1, 0x9e3779b1)).toString(16).padStart(8, '0');
      return `sha256:${hex}`;
    },
    1000,
  );
}
