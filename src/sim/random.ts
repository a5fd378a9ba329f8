// Seeded randomness: uids, container IDs, name suffixes and jitter all come from here, so one seed gives one
// cluster history.

const HEX_DIGITS = '0123456789abcdef'.split('');
const NO_DASHES: ReadonlySet<number> = new Set();
/** Digit positions a UUID's dashes come before: 8-4-4-4-12. */
const UUID_DASHES: ReadonlySet<number> = new Set([8, 12, 16, 20]);

export class SeededRandom {
  /**
   * The generator's 32-bit state, in a typed array: kept in a plain field, every other value (≥ 2^31) would be
   * a new heap number, and the scheduler draws once per tied node.
   */
  private readonly state = new Uint32Array(1);

  constructor(seed: number) {
    this.state[0] = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    this.state[0] += 0x6d2b79f5;
    let t = this.state[0]!;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /**
   * `length` hex digits, 8 from each draw (32 bits), written digit by digit into `out` from `at` and joined
   * once by the caller: one flat string in the end, with no pieces, slices or number formatting on the way
   * (uids and container IDs live as long as their objects, and there is one per Event).
   */
  private digits(out: string[], at: number, length: number, dashes: ReadonlySet<number> = NO_DASHES): number {
    let pos = at;
    for (let n = 0; n < length; n += 8) {
      const x = (this.next() * 4294967296) >>> 0;
      for (let k = 0; k < 8 && n + k < length; k++) {
        if (dashes.has(n + k)) out[pos++] = '-';
        out[pos++] = HEX_DIGITS[(x >>> (28 - 4 * k)) & 15]!;
      }
    }
    return pos;
  }

  hex(length: number): string {
    const out = new Array<string>(length);
    this.digits(out, 0, length);
    return out.join('');
  }

  /** A v4-shaped UUID: four draws; the version digit is 4 and the variant's top bits 10. */
  uid(): string {
    const out = this.uidChars;
    this.digits(out, 0, 32, UUID_DASHES);
    out[14] = '4';
    out[19] = HEX_DIGITS[(parseInt(out[19]!, 16) & 0x3) | 0x8]!;
    return out.join('');
  }
  private readonly uidChars = new Array<string>(36);

  /** Kubernetes' generateName alphabet (no vowels, no confusable digits). */
  nameSuffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}
