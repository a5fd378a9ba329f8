// The describe overlay wraps long lines instead of cutting them: at 80 columns a FailedScheduling message
// can be read to its last character, and j/k/PgDn scroll over the wrapped rows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboard, KEYS } from './dashboard-harness.js';
import { makeEvent, makePod, smallCluster } from './fake-cluster.js';
import { unwrapOverlayRows } from './overlay-text.js';
import { CONTINUATION, textOverlayLines, wrappedTextRows } from '../../src/ui/view/overlay-view.js';
import { plainPainter } from '../../src/ui/view/paint.js';

const MESSAGE =
  "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

const PAGE_DOWN = '\u001b[6~';

test('at 80 columns the describe overlay shows a long FailedScheduling message whole, wrapped, and scrolls over it', async () => {
  const c = smallCluster();
  c.put(makePod('needs-ssd', { phase: 'Pending', scheduledFalse: MESSAGE }));
  const event = makeEvent('needs-ssd.187c0a1b2c3d4e5f', { kind: 'Pod', namespace: 'default', name: 'needs-ssd' }, 'FailedScheduling', MESSAGE);
  event.involvedObject.uid = 'uid-needs-ssd'; // kubectl describe's query matches the Pod's uid too
  c.put(event);
  const d = openDashboard(c, { cols: 80, rows: 24 });
  try {
    await d.waitFor('needs-ssd');
    for (let i = 0; i < 5 && d.model.selectedPod()?.metadata.name !== 'needs-ssd'; i++) await d.press('g');
    assert.equal(d.model.selectedPod()?.metadata.name, 'needs-ssd');
    await d.press('d');
    const first = await d.waitFor('Describe pod/needs-ssd');
    const range = /(\d+)-(\d+) of (\d+)/.exec(first)!;
    assert.ok(range, 'the describe text is longer than a page');
    const total = Number(range[3]);
    const page = Number(range[2]) - Number(range[1]) + 1;
    // Page down to the end, collecting every row as the user sees it.
    const rows: string[] = [];
    for (let frame = first; ; ) {
      const lines = frame.split('\n');
      assert.ok(lines.length <= 24, 'the overlay is never taller than the screen');
      const at = lines.findIndex((l) => l.includes('Describe pod/needs-ssd'));
      const [, from, to] = /(\d+)-(\d+) of/.exec(lines[at]!)!.map(Number);
      lines.slice(at + 1, at + 1 + to! - from! + 1).forEach((l, i) => (rows[from! - 1 + i] = l.trimEnd()));
      for (const l of lines) assert.ok([...l].length <= 80, `a row wider than the screen: ${l}`);
      if (to! >= total) break;
      await d.press(PAGE_DOWN);
      frame = await d.waitFor((f) => Number(/(\d+)-\d+ of/.exec(f)?.[1]) > from!, `the page after rows ${from}-${to}`);
    }
    assert.ok(!rows.some((r) => r.endsWith('…')), 'no row is cut');
    assert.ok(rows.some((r) => r.startsWith(`  ${CONTINUATION}`)), 'continuation rows are indented and marked');
    const text = unwrapOverlayRows(rows, 80);
    assert.ok(text.some((l) => /^Events:/.test(l)));
    const eventRow = text.find((l) => l.includes('FailedScheduling'))!;
    assert.ok(eventRow.endsWith(MESSAGE), eventRow);
    // k scrolls back one wrapped row, g to the top.
    await d.press('k');
    await d.waitFor(new RegExp(`${total - page}-${total - 1} of ${total}`), 'one row up');
    await d.press('g');
    await d.waitFor(new RegExp(`1-${page} of ${total}`), 'the top');
    await d.press(KEYS.esc);
    await d.waitFor(/▶ Pods/);
  } finally {
    d.close();
  }
});

test('wrapping breaks at a space inside the row, or at the edge inside a longer word, and reads back exactly', () => {
  const long = `  Warning  FailedScheduling  5s  default-scheduler  ${MESSAGE}`;
  const word = `    image: ${'x'.repeat(150)} tail`;
  const rows = wrappedTextRows(`short\n${long}\n${word}\n`, 40);
  assert.equal(rows[0], 'short');
  for (const r of rows) assert.ok(r.length <= 40, r);
  assert.ok(rows.slice(1).every((r) => !r.endsWith(' ')));
  assert.deepEqual(unwrapOverlayRows(rows, 40), ['short', long, word]);
  assert.ok(rows.some((r) => r.startsWith(`    ${CONTINUATION}xxx`)), 'the indentation carries over');
});

test('the overlay shows one page of wrapped rows below its title, never more than the height', () => {
  const text = Array.from({ length: 10 }, (_, i) => `line ${i} ${'word '.repeat(30)}`).join('\n');
  const lines = textOverlayLines('Describe pod/x', text, 0, 60, 8, plainPainter);
  assert.equal(lines.length, 8);
  assert.match(lines[0]!, /1-7 of \d+/);
});
