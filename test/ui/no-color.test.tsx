import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ansiPainter, choosePainter, plainPainter } from '../../src/ui/view/paint.js';
import { openDashboard } from './dashboard-harness.js';
import { makePod, smallCluster } from './fake-cluster.js';

test('NO_COLOR (any non-empty value) and --no-color turn colour off; otherwise statuses are coloured', () => {
  assert.equal(choosePainter(false, { NO_COLOR: '1' }), plainPainter);
  assert.equal(choosePainter(true, {}), plainPainter);
  assert.equal(choosePainter(false, { NO_COLOR: '' }), ansiPainter);
  assert.equal(choosePainter(undefined, {}), ansiPainter);
});

test('with colour, Running is green and CrashLoopBackOff red; without, the frame has no escape sequences at all', async () => {
  const c = smallCluster();
  c.put(makePod('crash', { node: 'kubesim-worker', containers: [{ name: 'app', waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s' }, restarts: 2 }] }));
  const coloured = openDashboard(c, { cols: 100, rows: 30, painter: ansiPainter });
  try {
    const f = await coloured.waitFor('simple-echo');
    assert.ok(f.includes('\u001b[32mRunning\u001b[39m'), 'Running in green');
    assert.ok(f.includes('\u001b[31mCrashLoopBackOff\u001b[39m') || f.includes('>crash'), 'CrashLoopBackOff in red (unless selected)');
  } finally {
    coloured.close();
  }
  const plain = openDashboard(c, { cols: 100, rows: 30, painter: plainPainter });
  try {
    const f = await plain.waitFor('simple-echo');
    assert.ok(!f.includes('\u001b'), 'no escape sequence in the frame');
    assert.match(f, /^>crash/m, 'the selection is still visible without colour');
  } finally {
    plain.close();
  }
});
