import { test } from 'node:test';
import assert from 'node:assert/strict';
import { remember } from '../../src/kube/bounded-memo.js';

test('a memo makes each value once, remembers undefined too, and starts over when full', () => {
  const memo = new Map<string, string | undefined>();
  let made = 0;
  const make = (v: string | undefined) => () => (made++, v);
  assert.equal(remember(memo, 'a', make('A'), 2), 'A');
  assert.equal(remember(memo, 'a', make('other'), 2), 'A');
  assert.equal(remember(memo, 'b', make(undefined), 2), undefined);
  assert.equal(remember(memo, 'b', make('late'), 2), undefined);
  assert.equal(made, 2);
  assert.equal(remember(memo, 'c', make('C'), 2), 'C');
  assert.deepEqual([...memo.keys()], ['c'], 'full at 2: cleared before c went in');
});
