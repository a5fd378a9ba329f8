// Seeded randomness: uids, container IDs, name suffixes and jitter all come from here, so one seed gives one
// cluster history.

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Eight hex digits from one draw (32 bits), a byte at a time from a table (Number#toString(16) is slow). */
  private word(): string {
    const w = (this.next() * 4294967296) >>> 0;
    return HEX_BYTES[w >>> 24]! + HEX_BYTES[(w >>> 16) & 255]! + HEX_BYTES[(w >>> 8) & 255]! + HEX_BYTES[w & 255]!;
  }

  // Whole words joined once, not digit by digit: a string grown piece by piece stays a tree of cons cells
  // (~30 bytes a piece) for as long as it lives, and uids and container IDs live as long as their objects.
  hex(length: number): string {
    const words: string[] = [];
    for (let i = 0; i < length; i += 8) words.push(this.word());
    const s = words.join('');
    return s.length > length ? s.slice(0, length) : s;
  }

  /** A v4-shaped UUID: four draws. */
  uid(): string {
    const a = this.word();
    const b = this.word();
    const c = this.word();
    const d = this.word();
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return [a, b.slice(0, 4), `4${b.slice(5, 8)}`, variant + c.slice(1, 4), c.slice(4) + d].join('-');
  }

  /** Kubernetes' generateName alphabet (no vowels, no confusable digits). */
  nameSuffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}
