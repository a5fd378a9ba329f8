import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { TerminalSession, ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, SHOW_CURSOR } from '../../src/ui/terminal-session.js';

const root = resolve(import.meta.dirname, '..', '..');

test('the terminal session enters the alternate screen once and restores it once, leaving raw mode', () => {
  const written: string[] = [];
  const raw: boolean[] = [];
  const t = new TerminalSession({ write: (s: string) => written.push(s) }, { isTTY: true, setRawMode: (m: boolean) => raw.push(m) });
  t.enter();
  t.enter();
  t.restore();
  t.restore();
  assert.deepEqual(written, [ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN + SHOW_CURSOR]);
  assert.deepEqual(raw, [false]);
});

test('an uncaught error restores the terminal first, then prints the error, and exits 1', () => {
  const code = `
    const { runDashboard } = await import(${JSON.stringify(resolve(root, 'src/ui/run-dashboard.tsx'))});
    const source = { name: 'x', capabilities: {}, now: () => Date.now(), kinds: () => [],
      watch: () => { setTimeout(() => { throw new Error('boom in a watch callback'); }, 50); return () => {}; },
      logs: async () => () => {}, close: async () => {} };
    await runDashboard({ source, options: { noColor: true } });
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'false', NODE_ENV: 'production' },
    timeout: 30_000,
  });
  assert.equal(r.status, 1, r.stderr);
  assert.ok(r.stdout.startsWith(ENTER_ALT_SCREEN), 'the alternate screen was entered');
  assert.ok(r.stdout.includes(LEAVE_ALT_SCREEN + SHOW_CURSOR), 'and left, with the cursor shown');
  assert.match(r.stderr, /kubesim: Error: boom in a watch callback/);
});
