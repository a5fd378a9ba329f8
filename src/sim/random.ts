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

  // Built with join, not +=: a string grown piece by piece stays a tree of cons cells (~30 bytes a piece) for
  // as long as it lives, and uids and container IDs live as long as their objects.
  hex(length: number): string {
    const bytes: string[] = [];
    for (let i = 0; i < length; i += 2) bytes.push(HEX_BYTES[(this.next() * 256) | 0]!);
    const s = bytes.join('');
    return length % 2 ? s.slice(0, length) : s;
  }

  /** A v4-shaped UUID. */
  uid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return [h.slice(0, 8), h.slice(8, 12), `4${h.slice(13, 16)}`, variant + h.slice(17, 20), h.slice(20, 32)].join('-');
  }

  /** Kubernetes' generateName alphabet (no vowels, no confusable digits). */
  nameSuffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}
