import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduceUi } from '../../src/ui/state/reduce-ui.js';
import { initialUiState, type UiAction, type UiState } from '../../src/ui/state/ui-state.js';

const keys = ['default/a', 'default/b', 'default/c', 'default/d', 'default/e'];
const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(reduceUi, state);

test('three rapid j presses move the cursor three rows (each applies to the state the previous one left)', () => {
  let s = initialUiState();
  for (let i = 0; i < 3; i++) s = reduceUi(s, { type: 'cursor', pane: 'pods', move: 'down', keys, from: s.cursor.pods, page: 3 });
  assert.equal(s.cursor.pods, 3);
  assert.equal(s.selected.pods, 'default/d');
});

test('the cursor stops at both ends; g and G jump; PgDn moves a page less one', () => {
  const s0 = initialUiState();
  const up = run(s0, { type: 'cursor', pane: 'pods', move: 'up', keys, from: 0, page: 3 });
  assert.equal(up.cursor.pods, 0);
  const bottom = run(s0, { type: 'cursor', pane: 'pods', move: 'bottom', keys, from: 0, page: 3 });
  assert.equal(bottom.selected.pods, 'default/e');
  const page = run(s0, { type: 'cursor', pane: 'pods', move: 'pagedown', keys, from: 0, page: 3 });
  assert.equal(page.cursor.pods, 2);
  const past = run(s0, { type: 'cursor', pane: 'pods', move: 'down', keys, from: 4, page: 3 });
  assert.equal(past.cursor.pods, 4);
});

test('Tab cycles nodes → pods → logs → problems → nodes; Shift-Tab goes back', () => {
  let s = initialUiState();
  assert.equal(s.focus, 'pods');
  s = run(s, { type: 'focus.next' });
  assert.equal(s.focus, 'logs');
  s = run(s, { type: 'focus.next' }, { type: 'focus.next' });
  assert.equal(s.focus, 'nodes');
  s = run(s, { type: 'focus.prev' });
  assert.equal(s.focus, 'problems');
});

test('0 toggles all namespaces and back to the one the dashboard started with', () => {
  let s = initialUiState('demo');
  s = run(s, { type: 'namespace.toggle' });
  assert.equal(s.namespace, undefined);
  s = run(s, { type: 'namespace.toggle' });
  assert.equal(s.namespace, 'demo');
});

test('typing a filter, backspace, Enter keeps it; Esc then clears it', () => {
  let s = run(initialUiState(), { type: 'filter.start', pane: 'pods' });
  for (const ch of 'ech') s = reduceUi(s, { type: 'filter.type', text: ch });
  s = run(s, { type: 'filter.backspace' }, { type: 'filter.type', text: 'h' }, { type: 'filter.type', text: 'o' }, { type: 'filter.commit' });
  assert.equal(s.filters.pods, 'echo');
  assert.equal(s.editing, undefined);
  s = run(s, { type: 'back' });
  assert.equal(s.filters.pods, '');
});

test('Esc peels one layer at a time: overlay, then filter, then node drill-down', () => {
  let s = run(initialUiState(), { type: 'node.drill', node: 'w1' }, { type: 'filter.start', pane: 'pods' }, { type: 'filter.type', text: 'x' }, { type: 'filter.commit' });
  s = run(s, { type: 'overlay.open', overlay: { kind: 'help', scroll: 0 } });
  s = run(s, { type: 'back' });
  assert.equal(s.overlay, undefined);
  assert.equal(s.filters.pods, 'x');
  s = run(s, { type: 'back' });
  assert.equal(s.filters.pods, '');
  assert.equal(s.nodeFilter, 'w1');
  s = run(s, { type: 'back' });
  assert.equal(s.nodeFilter, undefined);
  assert.equal(s.namespace, 'default');
});

test('drilling into a node shows its Pods from every namespace with the Pods pane focused', () => {
  const s = run({ ...initialUiState(), focus: 'nodes' }, { type: 'node.drill', node: 'kubesim-worker' });
  assert.equal(s.focus, 'pods');
  assert.equal(s.nodeFilter, 'kubesim-worker');
  assert.equal(s.namespace, undefined);
});

test('scrolling the logs up leaves follow mode; scrolling back to the newest line resumes it', () => {
  let s = run(initialUiState(), { type: 'logs.scroll', move: 'up', page: 5, available: 100 });
  assert.equal(s.logs.follow, false);
  assert.equal(s.logs.scrollBack, 1);
  s = run(s, { type: 'logs.scroll', move: 'pageup', page: 5, available: 100 });
  assert.equal(s.logs.scrollBack, 5);
  s = run(s, { type: 'logs.scroll', move: 'top', page: 5, available: 100 });
  assert.equal(s.logs.scrollBack, 95);
  s = run(s, { type: 'logs.scroll', move: 'bottom', page: 5, available: 100 });
  assert.equal(s.logs.scrollBack, 0);
  assert.equal(s.logs.follow, true);
});

test('log toggles: wrap, timestamps, previous, follow', () => {
  const s = run(initialUiState(), { type: 'logs.toggle', option: 'wrap' }, { type: 'logs.toggle', option: 'timestamps' }, { type: 'logs.toggle', option: 'previous' }, { type: 'logs.toggle', option: 'follow' });
  assert.deepEqual(
    { wrap: s.logs.wrap, ts: s.logs.timestamps, prev: s.logs.previous, follow: s.logs.follow },
    { wrap: true, ts: true, prev: true, follow: false },
  );
});

test('overlays scroll within their text and quit is recorded', () => {
  let s = run(initialUiState(), { type: 'overlay.open', overlay: { kind: 'describe', title: 't', text: 'x', scroll: 0 } });
  s = run(s, { type: 'overlay.scroll', move: 'bottom', page: 10, lines: 25 });
  assert.equal(s.overlay?.kind === 'describe' && s.overlay.scroll, 15);
  s = run(s, { type: 'overlay.scroll', move: 'down', page: 10, lines: 25 });
  assert.equal(s.overlay?.kind === 'describe' && s.overlay.scroll, 15);
  assert.equal(run(s, { type: 'quit' }).quitting, true);
});
