import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRandom } from '../../src/sim/random.js';

// Recorded from the generator as it was first written: one seed must keep giving one cluster history
// (uids, container IDs and name suffixes show in kubectl output and in saved seeds' expectations).
test('a seed gives the same uids, hex strings, integers and name suffixes as it always has', () => {
  const r = new SeededRandom(7);
  assert.deepEqual(
    [r.uid(), r.uid(), r.hex(64), r.hex(10), r.hex(5), r.int(3), r.int(1000), r.int(60_000_000), r.nameSuffix(5), r.uid()],
    [
      '02ff152c-0fdc-4f12-ba16-9e5eb2f38b96',
      '857d6fe7-67d0-44f4-b75b-05953d6bbcab',
      '8da6bf2dbad59ed84200335b27ec3b63c39b651284b6077c327796655e3288cd',
      '4b1241ee88',
      '4bdc4',
      2,
      247,
      52666775,
      'hfgks',
      'c30a278c-1313-4e18-a9b6-7b748dbffcd2',
    ],
  );
  const zero = new SeededRandom(0);
  assert.deepEqual([zero.uid(), zero.next()], ['5be036b8-1b1c-49e4-acdf-d63ceafdc25e', 0.10157715040259063]);
});

test('uids are v4-shaped: 8-4-4-4-12 lowercase hex, version 4, variant 10xx', () => {
  const r = new SeededRandom(42);
  for (let i = 0; i < 200; i++) assert.match(r.uid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('int draws the same integer as flooring next() times the bound, for small and large bounds', () => {
  for (const max of [1, 2, 3, 7, 1000, 2 ** 21 - 1, 2 ** 21 + 3, 60_000_000, 2 ** 32 + 5]) {
    const a = new SeededRandom(99);
    const b = new SeededRandom(99);
    for (let i = 0; i < 500; i++) assert.equal(a.int(max), Math.floor(b.next() * max));
  }
});

test('hex digits after a prefix are the same draws as without it (a container ID is containerd:// and 64 of them)', () => {
  const plain = new SeededRandom(7);
  const prefixed = new SeededRandom(7);
  plain.uid();
  prefixed.uid();
  assert.equal(prefixed.hex(64, 'containerd://'), `containerd://${plain.hex(64)}`);
  assert.equal(prefixed.hex(10), plain.hex(10));
  assert.equal(prefixed.hex(77), plain.hex(77));
});
