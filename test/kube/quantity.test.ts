import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity, formatQuantity, isQuantity, parseQuantity, QuantityFormatError } from '../../src/kube/quantity.js';

test('CPU quantities parse to cores', () => {
  assert.equal(parseQuantity('100m'), 0.1);
  assert.equal(parseQuantity('0.5'), 0.5);
  assert.equal(parseQuantity('2'), 2);
  assert.equal(parseQuantity(1), 1);
  assert.equal(parseQuantity('250u'), 0.00025);
});

test('memory quantities parse to bytes in binary and decimal units', () => {
  assert.equal(parseQuantity('128Mi'), 128 * 1024 * 1024);
  assert.equal(parseQuantity('1Gi'), 2 ** 30);
  assert.equal(parseQuantity('1G'), 1e9);
  assert.equal(parseQuantity('500k'), 500_000);
  assert.equal(parseQuantity('1e3'), 1000);
  assert.equal(parseQuantity('1.5Gi'), 1.5 * 2 ** 30);
  assert.equal(parseQuantity('-1'), -1);
});

test('a value that is not a quantity fails with the API server text', () => {
  for (const bad of ['abc', '1 Gi', '', '1.2.3', 'Mi']) {
    assert.throws(() => parseQuantity(bad), (e: unknown) => {
      assert.ok(e instanceof QuantityFormatError);
      assert.equal((e as Error).message, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
      return true;
    });
  }
  assert.throws(() => parseQuantity('1Mb' as string), /quantities must match/);
  assert.throws(() => parseQuantity('1kk'), /unable to parse quantity's suffix/);
  assert.equal(isQuantity('64Mi'), true);
  assert.equal(isQuantity('64 MB'), false);
});

test('amounts format in their canonical form', () => {
  assert.equal(formatQuantity(0.1), '100m');
  assert.equal(formatQuantity(1.5), '1500m');
  assert.equal(formatQuantity(2), '2');
  assert.equal(formatQuantity(1000), '1k');
  assert.equal(formatQuantity(1e9), '1G');
  assert.equal(formatQuantity(0), '0');
  assert.equal(formatQuantity(128 * 2 ** 20, 'BinarySI'), '128Mi');
  assert.equal(formatQuantity(1536, 'BinarySI'), '1536');
  assert.equal(formatQuantity(1.5 * 2 ** 30, 'BinarySI'), '1536Mi');
  assert.equal(formatQuantity(1000, 'BinarySI'), '1k');
  assert.equal(formatQuantity(3 * 0.1), '300m');
});

test('a manifest value prints as Quantity.String() would', () => {
  assert.equal(canonicalQuantity('0.5'), '500m');
  assert.equal(canonicalQuantity('100m'), '100m');
  assert.equal(canonicalQuantity('1024Mi'), '1Gi');
  assert.equal(canonicalQuantity('1000M'), '1G');
  assert.equal(canonicalQuantity('64Mi'), '64Mi');
  assert.equal(canonicalQuantity('1e3'), '1e3');
  assert.equal(canonicalQuantity(2), '2');
  assert.equal(canonicalQuantity('110'), '110');
  assert.equal(canonicalQuantity('16332644Ki'), '16332644Ki');
});
