import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageColumn, humanDuration } from '../../../src/kube/print/human-duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

test('durations under two minutes print whole seconds', () => {
  assert.equal(humanDuration(0), '0s');
  assert.equal(humanDuration(999), '0s');
  assert.equal(humanDuration(1 * s), '1s');
  assert.equal(humanDuration(59 * s), '59s');
  assert.equal(humanDuration(119 * s + 999), '119s');
});

test('from two to ten minutes the seconds show unless they are zero', () => {
  assert.equal(humanDuration(120 * s), '2m');
  assert.equal(humanDuration(125 * s), '2m5s');
  assert.equal(humanDuration(9 * m + 59 * s), '9m59s');
});

test('from ten minutes to three hours only minutes show', () => {
  assert.equal(humanDuration(10 * m), '10m');
  assert.equal(humanDuration(10 * m + 59 * s), '10m');
  assert.equal(humanDuration(179 * m + 59 * s), '179m');
});

test('from three to eight hours the minutes show unless they are zero', () => {
  assert.equal(humanDuration(3 * h), '3h');
  assert.equal(humanDuration(3 * h + 15 * m), '3h15m');
  assert.equal(humanDuration(7 * h + 59 * m + 59 * s), '7h59m');
});

test('from eight to forty-eight hours only hours show', () => {
  assert.equal(humanDuration(8 * h), '8h');
  assert.equal(humanDuration(47 * h + 59 * m), '47h');
});

test('from two to eight days the hours show unless they are zero', () => {
  assert.equal(humanDuration(48 * h), '2d');
  assert.equal(humanDuration(2 * d + 4 * h), '2d4h');
  assert.equal(humanDuration(7 * d + 23 * h + 59 * m), '7d23h');
});

test('from eight days to two years only days show', () => {
  assert.equal(humanDuration(8 * d), '8d');
  assert.equal(humanDuration(729 * d), '729d');
});

test('from two to eight years the days show unless they are zero', () => {
  assert.equal(humanDuration(730 * d), '2y');
  assert.equal(humanDuration(730 * d + 12 * d), '2y12d');
  assert.equal(humanDuration(8 * 365 * d - d), '7y364d');
  assert.equal(humanDuration(8 * 365 * d), '8y');
  assert.equal(humanDuration(20 * 365 * d + 100 * d), '20y');
});

test('up to one second in the future reads 0s and further ahead reads <invalid>', () => {
  assert.equal(humanDuration(-500), '0s');
  assert.equal(humanDuration(-1999), '0s');
  assert.equal(humanDuration(-2000), '<invalid>');
  assert.equal(humanDuration(-3 * h), '<invalid>');
});

test('the AGE column is <unknown> without a timestamp and a human duration with one', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  assert.equal(ageColumn(undefined, now), '<unknown>');
  assert.equal(ageColumn('', now), '<unknown>');
  assert.equal(ageColumn('2024-05-01T11:59:20Z', now), '40s');
  assert.equal(ageColumn('2024-05-01T11:00:00Z', now), '60m');
  assert.equal(ageColumn('2024-04-28T12:00:00Z', now), '3d');
  assert.equal(ageColumn('2024-05-01T12:00:10Z', now), '<invalid>');
});
