import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

test('memory stays flat while 40,000 distinct log lines stream through the mounted dashboard', { timeout: 120_000 }, () => {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', resolve(root, 'test/ui/fixtures/log-memory.tsx')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'false', NODE_ENV: 'production' },
    timeout: 110_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const [lines, growth] = r.stdout.trim().split(' ').map(Number) as [number, number];
  assert.equal(lines, 40_000);
  assert.ok(growth < 1e6, `heap grew ${(growth / 1e6).toFixed(1)} MB over the last 30,000 lines`);
});
