import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTabs, DescribeWriter } from '../../../src/kube/print/describe/tab-writer.js';
import { rfc1123z } from '../../../src/kube/print/describe/time-format.js';

test('consecutive lines with a cell in a column share its width plus two spaces of padding', () => {
  assert.equal(alignTabs('Name:\tweb\nNamespace:\tdefault\n'), 'Name:       web\nNamespace:  default\n');
});

test('a line without tabs ends the column block, so the lines after it align on their own', () => {
  assert.equal(alignTabs('a:\t1\nIPs:\n  IP:\t2\nlonger:\t3\n'), 'a:  1\nIPs:\n  IP:    2\nlonger:  3\n');
});

test('the last cell of a line is not part of any column', () => {
  assert.equal(alignTabs('x\ty\tzzzzzz\nxx\tyyyy\n'), 'x   y  zzzzzz\nxx  yyyy\n');
});

test('empty cells still take their column width and padding', () => {
  assert.equal(alignTabs('Name\t\tAge\nweb-1\t\t5s\n'), 'Name     Age\nweb-1    5s\n');
});

test('widths count characters, not UTF-16 units', () => {
  assert.equal(alignTabs('é\t1\nab\t2\n'), 'é   1\nab  2\n');
});

test('flush aligns what came before independently of what follows', () => {
  const w = new DescribeWriter();
  w.write(0, 'A:\t1\n');
  w.flush();
  w.write(1, 'Longer\tx\n');
  assert.equal(w.toString(), 'A:  1\n  Longer  x\n');
});

test('timestamps print as Go RFC1123Z, in UTC or the local zone, and the zero time for none', () => {
  assert.equal(rfc1123z('2024-05-01T09:05:03Z', 'UTC'), 'Wed, 01 May 2024 09:05:03 +0000');
  assert.equal(rfc1123z(undefined, 'UTC'), 'Mon, 01 Jan 0001 00:00:00 +0000');
  assert.match(rfc1123z('2024-05-01T09:05:03Z', 'local'), /^\w{3}, \d{2} \w{3} 2024 \d{2}:\d{2}:03 [+-]\d{4}$/);
});

test('escape and carriage-return characters from objects are printed harmlessly, as kubectl does', () => {
  const w = new DescribeWriter();
  w.write(0, 'Message:\tred \x1b[31mtext\r\n');
  assert.equal(w.toString(), 'Message:  red ^[[31mtext\\r\n');
});
