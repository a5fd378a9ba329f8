import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from 'ink';
import { KEYMAP, activeKeymap, commandFor, hintsFor, keyName } from '../../src/ui/keymap.js';
import { helpText } from '../../src/ui/view/overlay-view.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

test('--readonly removes every dangerous binding and nothing else', () => {
  const all = activeKeymap({ clock: true, nodeFaults: true });
  const ro = activeKeymap({ readonly: true, clock: true, nodeFaults: true });
  assert.ok(all.some((b) => b.command === 'pod.delete'));
  assert.deepEqual(ro.filter((b) => b.dangerous), []);
  assert.equal(ro.length, all.filter((b) => !b.dangerous).length);
  assert.equal(commandFor(ro, 'ctrl-d', 'pods'), undefined);
  assert.equal(commandFor(ro, 'ctrl-k', 'pods'), undefined);
  assert.equal(commandFor(ro, 'c', 'nodes'), undefined);
});

test('clock and node-fault keys exist only when the source offers those capabilities', () => {
  const plain = activeKeymap({});
  assert.equal(commandFor(plain, '+', 'pods'), undefined);
  assert.equal(commandFor(plain, 'x', 'nodes'), undefined);
  const sim = activeKeymap({ clock: true, nodeFaults: true });
  assert.equal(commandFor(sim, '+', 'pods'), 'clock.faster');
  assert.equal(commandFor(sim, 'x', 'nodes'), 'node.fault');
});

test('a pane binding wins over a global one: s is shell on Pods and autoscroll on Logs, c is cordon on Nodes', () => {
  const km = activeKeymap({});
  assert.equal(commandFor(km, 's', 'pods'), 'shell');
  assert.equal(commandFor(km, 's', 'logs'), 'logs.follow');
  assert.equal(commandFor(km, 'c', 'logs'), 'logs.containers');
  assert.equal(commandFor(km, 'c', 'nodes'), 'node.cordon');
  assert.equal(commandFor(km, 'j', 'nodes'), 'cursor.down');
  assert.equal(commandFor(km, 'down', 'problems'), 'cursor.down');
});

test('nothing destructive is bound to bare Esc', () => {
  for (const b of KEYMAP) if (b.keys.includes('escape')) assert.ok(!b.dangerous, b.command);
  assert.equal(commandFor(activeKeymap({}), 'escape', 'pods'), 'back');
});

test('key names: 0x7F arriving as delete is backspace, shift-tab, ctrl letters, arrows', () => {
  assert.equal(keyName('', { ...noKey, delete: true }), 'backspace');
  assert.equal(keyName('', { ...noKey, backspace: true }), 'backspace');
  assert.equal(keyName('', { ...noKey, tab: true, shift: true }), 'shift-tab');
  assert.equal(keyName('d', { ...noKey, ctrl: true }), 'ctrl-d');
  assert.equal(keyName('', { ...noKey, upArrow: true }), 'up');
  assert.equal(keyName('G', { ...noKey, shift: true }), 'G');
  assert.equal(keyName(' ', noKey), 'space');
});

test('the hint bar and the help overlay come from the same table', () => {
  const km = activeKeymap({ readonly: true });
  const hints = hintsFor(km, 'pods').map((h) => h.description);
  assert.ok(hints.includes('logs'));
  assert.ok(!hints.includes('delete'), 'no delete hint under --readonly');
  const help = helpText(km, true);
  for (const b of km) assert.ok(help.includes(b.description), `help lists ${b.command}`);
  assert.ok(!help.includes('delete the Pod'));
  const full = helpText(activeKeymap({}), false);
  assert.match(full, /ctrl-d\s+delete the Pod \(asks first\)/);
});
