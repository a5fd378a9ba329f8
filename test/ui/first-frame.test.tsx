// The first frame is written before React and Ink have loaded; Ink's first frame then replaces it in place.
// The two must be the same rows, or the screen would change under the user as soon as Ink takes over.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboard } from './dashboard-harness.js';
import { makeEvent, makePod, smallCluster } from './fake-cluster.js';
import { firstFrameRows, firstFrameText } from '../../src/ui/first-frame.js';
import { replacePrepainted } from '../../src/ui/anchored-output.js';
import { buildScreen } from '../../src/ui/view/screen.js';

const rows = (lines: readonly string[]) => lines.map((l) => l.trimEnd());

for (const [cols, height] of [
  [80, 24],
  [100, 30],
  [160, 50],
] as const) {
  test(`at ${cols}×${height} the pre-painted first frame is row for row the frame Ink draws`, async () => {
    const c = smallCluster();
    c.put(makePod('needs-ssd', { phase: 'Pending', scheduledFalse: '0/3 nodes are available' }));
    c.put(makeEvent('needs-ssd.1', { kind: 'Pod', namespace: 'default', name: 'needs-ssd' }, 'FailedScheduling', '0/3 nodes are available'));
    const d = openDashboard(c, { cols, rows: height });
    try {
      const inkFrame = await d.waitFor((f) => f.includes('needs-ssd') && f.includes('FailedScheduling'));
      const painted = firstFrameRows(buildScreen(d.model));
      assert.ok(painted.length <= height, 'never taller than the screen');
      assert.deepEqual(rows(painted), rows(inkFrame.split('\n')));
    } finally {
      d.close();
    }
  });
}

test('the pre-painted frame is written from the top-left, clears what it does not cover and leaves the cursor home', () => {
  const c = smallCluster();
  const d = openDashboard(c, { cols: 80, rows: 24 });
  try {
    const text = firstFrameText(buildScreen(d.model));
    assert.ok(text.startsWith('\u001b[H'));
    assert.ok(text.endsWith('\u001b[K\u001b[J\u001b[H'));
    assert.equal(text.split('\n').length, firstFrameRows(buildScreen(d.model)).length);
  } finally {
    d.close();
  }
});

test("Ink's first frame over the pre-painted one clears each row's rest and everything below it", () => {
  assert.equal(replacePrepainted('a\nb'), '\u001b[Ha\u001b[K\nb\u001b[K\u001b[J');
});
