import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLayout } from '../../src/ui/view/layout.js';
import { anchorFrame } from '../../src/ui/anchored-output.js';

test('for every size from 60×12 to 220×70 the panes add up to at most rows − 1 with the header and hint bar', () => {
  for (let cols = 60; cols <= 220; cols += 20) {
    for (let rows = 12; rows <= 70; rows += 3) {
      for (const pods of [0, 5, 10_000]) {
        const l = computeLayout(cols, rows, { nodes: 3, problems: 4, headerHeight: 2, pods });
        const body = l.wide ? Math.max(l.nodes.height + l.pods.height, l.logs.height + l.problems.height) : l.nodes.height + l.pods.height + l.logs.height + l.problems.height;
        assert.ok(l.headerHeight + body + 1 <= rows - 1, `${cols}×${rows} pods ${pods}: ${l.headerHeight}+${body}+1`);
        assert.ok(l.logs.height >= (rows >= 20 ? 3 : 2), `${cols}×${rows}: logs pane of ${l.logs.height} lines`);
      }
    }
  }
});

test('from 140 columns the logs and problems move beside the nodes and Pods', () => {
  assert.equal(computeLayout(120, 40, { nodes: 3, problems: 0, headerHeight: 1 }).wide, false);
  const wide = computeLayout(160, 50, { nodes: 3, problems: 0, headerHeight: 1 });
  assert.equal(wide.wide, true);
  assert.ok(wide.pods.width + wide.logs.width < 160);
});

test('a small cluster leaves the spare lines to the logs pane', () => {
  const few = computeLayout(100, 30, { nodes: 3, problems: 1, headerHeight: 1, pods: 5 });
  const many = computeLayout(100, 30, { nodes: 3, problems: 1, headerHeight: 1, pods: 500 });
  assert.ok(few.logs.height > many.logs.height);
  assert.equal(few.pods.height, 8);
});

test('Ink’s relative climb to the previous frame becomes an absolute home in the alternate screen', () => {
  assert.equal(anchorFrame('\u001b[28A\u001b[1Gheader\u001b[K\n'), '\u001b[H\u001b[1Gheader\u001b[K\n');
  // A frame that shrank: the erased lines go, and what is left below the new frame is cleared after it.
  assert.equal(anchorFrame('\u001b[2K\u001b[1A\u001b[2K\u001b[G\u001b[3Aa\n'), '\u001b[Ha\n\u001b[J');
  assert.equal(anchorFrame('plain first frame\n'), 'plain first frame\n');
  assert.equal(anchorFrame('\u001b[?25l'), '\u001b[?25l');
});
