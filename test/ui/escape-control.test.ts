import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControl } from '../../src/ui/view/escape-control.js';

test('escape sequences in log lines and names are shown escaped, never sent to the terminal', () => {
  assert.equal(escapeControl('\u001b[2J\u001b]0;pwned\u0007hi'), '\\x1b[2J\\x1b]0;pwned\\x07hi');
  assert.equal(escapeControl('bell\u0007 del\u007f c1\u009b'), 'bell\\x07 del\\x7f c1\\x9b');
  assert.equal(escapeControl('carriage\rreturn'), 'carriage\\x0dreturn');
});

test('plain text and unicode pass through; tabs become spaces', () => {
  assert.equal(escapeControl('2026/01/01 12:00:00 start server'), '2026/01/01 12:00:00 start server');
  assert.equal(escapeControl('héllo ⎈ 日本'), 'héllo ⎈ 日本');
  assert.equal(escapeControl('a\tb'), 'a    b');
});
