// Seeded randomness: uids, container IDs, name suffixes and jitter all come from here, so one seed gives one
// cluster history.

/** The character codes of the hex digits, and of Kubernetes' generateName alphabet (no vowels, no confusable digits). */
const HEX_CODES = codes('0123456789abcdef');
const NAME_ALPHABET = codes('bcdfghjklmnpqrstvwxz2456789');
const DASH = 0x2d;
const FOUR = 0x34;

function codes(chars: string): Uint8Array {
  return Uint8Array.from(chars, (c) => c.charCodeAt(0));
}

/**
 * Identifiers are written as bytes and decoded once: one flat string of exactly their length, with no array of
 * one-character strings to join (a join made ~350 bytes of garbage per uid, and there is one uid per Event).
 * Every byte is ASCII, which latin1 (windows-1252) decodes as itself.
 */
const latin1 = new TextDecoder('latin1');

export class SeededRandom {
  /**
   * The generator's 32-bit state and its latest output, in a typed array: a uint32 kept in a plain field is a
   * new heap number whenever it is 2^30 or more (half of all draws), and the scheduler and the container
   * runtime draw often. (The small methods that return one are inlined where they are hot.)
   */
  private readonly state = new Uint32Array(2);
  /** By length: the few lengths callers ask for (64 for container IDs, 32, 10, 5). */
  private readonly buffers: Uint8Array[] = [];

  constructor(seed: number) {
    this.state[0] = seed >>> 0 || 0x9e3779b9;
  }

  /** The next 32 bits (mulberry32), left in state[1]. */
  private draw(): void {
    this.state[0] += 0x6d2b79f5;
    let t = this.state[0]!;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    this.state[1] = t ^ (t >>> 14);
  }

  private nextUint32(): number {
    this.draw();
    return this.state[1]!;
  }

  /** A float in [0, 1). */
  next(): number {
    this.draw();
    return this.state[1]! / 4294967296;
  }

  /**
   * floor(next() * max), computed from the draw's bits: dividing by 2^32 only moves the exponent, so it commutes
   * with the multiplication's one rounding and the result is the same integer for every bound.
   */
  int(maxExclusive: number): number {
    this.draw();
    return Math.floor((this.state[1]! * maxExclusive) / 4294967296);
  }

  private buffer(length: number): Uint8Array {
    return (this.buffers[length] ??= new Uint8Array(length));
  }


  /** `length` hex digits, 8 from each draw (its high digits first), after `prefix` (ASCII) in the same flat string. */
  hex(length: number, prefix = ''): string {
    const out = this.buffer(prefix.length + length);
    for (let i = 0; i < prefix.length; i++) out[i] = prefix.charCodeAt(i);
    for (let n = 0; n < length; n += 8) putHex(out, prefix.length + n, this.nextUint32(), Math.min(8, length - n));
    return latin1.decode(out);
  }

  /** A v4-shaped UUID from four draws. */
  uid(): string {
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    return formatUid(a, b, c, this.nextUint32());
  }

  nameSuffix(length: number): string {
    const out = this.buffer(length);
    for (let i = 0; i < length; i++) out[i] = NAME_ALPHABET[this.int(NAME_ALPHABET.length)]!;
    return latin1.decode(out);
  }
}

/** `count` hex digits of `x`, most significant first, into `out` from `at`. */
function putHex(out: Uint8Array, at: number, x: number, count: number, skip = 0): void {
  for (let k = 0; k < count; k++) out[at + k] = HEX_CODES[(x >>> (28 - 4 * (k + skip))) & 15]!;
}

const uidBytes = new Uint8Array(36);

/** A v4-shaped UUID, 8-4-4-4-12 digits from four 32-bit words; the version digit is 4 and the variant's top bits 10. */
function formatUid(a: number, b: number, c: number, d: number): string {
  const out = uidBytes;
  putHex(out, 0, a, 8);
  out[8] = DASH;
  putHex(out, 9, b, 4);
  out[13] = DASH;
  out[14] = FOUR;
  putHex(out, 15, b, 3, 5);
  out[18] = DASH;
  out[19] = HEX_CODES[((c >>> 28) & 0x3) | 0x8]!;
  putHex(out, 20, c, 3, 1);
  out[23] = DASH;
  putHex(out, 24, c, 4, 4);
  putHex(out, 28, d, 8);
  return latin1.decode(out);
}

/** murmur3's finaliser: a bijection of 32-bit words that mixes every input bit into every output bit. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The uid of object number `n` of a seeded series, the same every time it is asked for: objects kept in a
 * compact form (Events) make theirs when read, instead of keeping a 36-character string each. Distinct `n`
 * give distinct first words (mix32 is a bijection), so distinct uids.
 */
export function derivedUid(seed: number, n: number): string {
  const a = mix32(n ^ mix32(seed));
  const b = mix32(a ^ 0x9e3779b9);
  const c = mix32(b ^ 0x7f4a7c15);
  return formatUid(a, b, c, mix32(c ^ seed));
}
