import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration, runProgram, type CheckOptions, type CliActions, type GlobalOptions } from '../../src/cli/program.js';

function recorder() {
  const calls: { command: string; dir?: string; options: GlobalOptions | CheckOptions }[] = [];
  const actions: CliActions = {
    run: async (dir, options) => (calls.push({ command: 'run', dir, options }), 0),
    serve: async (dir, options) => (calls.push({ command: 'serve', ...(dir ? { dir } : {}), options }), 0),
    check: async (dir, options) => (calls.push({ command: 'check', dir, options }), 1),
  };
  let stdout = '';
  let stderr = '';
  const out = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s) };
  return { calls, actions, out, text: () => ({ stdout, stderr }) };
}

test('kubesim DIR runs the dashboard command with the documented defaults', async () => {
  const r = recorder();
  assert.equal(await runProgram(['demo-manifests'], r.actions, r.out), 0);
  assert.equal(r.calls[0]!.command, 'run');
  assert.equal(r.calls[0]!.dir, 'demo-manifests');
  const o = r.calls[0]!.options;
  assert.deepEqual(
    [o.nodes, o.speed, o.seed, o.headless, o.recreate, o.poll, o.readonly, o.color, o.api, o.apiPort],
    [2, 1, undefined, false, true, false, false, true, true, undefined],
  );
});

test('DIR defaults to the current folder', async () => {
  const r = recorder();
  await runProgram([], r.actions, r.out);
  assert.equal(r.calls[0]!.dir, '.');
});

test('every global flag is parsed, before or after the subcommand', async () => {
  const r = recorder();
  const argv = ['--nodes', '3', 'check', 'dir', '--speed', '2.5', '--seed', '7', '--images', 'i.yaml', '--headless', '--no-recreate',
    '--poll', '--readonly', '--no-color', '--api-port', '7000', '--no-api', '--kubeconfig', '/tmp/k', '--timeout', '90s'];
  assert.equal(await runProgram(argv, r.actions, r.out), 1, 'the command decides the exit code');
  const o = r.calls[0]!.options as CheckOptions;
  assert.equal(r.calls[0]!.command, 'check');
  assert.deepEqual(
    [o.nodes, o.speed, o.seed, o.images, o.headless, o.recreate, o.poll, o.readonly, o.color, o.apiPort, o.api, o.kubeconfig, o.timeout],
    [3, 2.5, 7, 'i.yaml', true, false, true, true, false, 7000, false, '/tmp/k', 90_000],
  );
});

test('serve takes an optional DIR', async () => {
  const r = recorder();
  await runProgram(['serve'], r.actions, r.out);
  await runProgram(['serve', 'm', '--api-port', '0'], r.actions, r.out);
  assert.deepEqual(r.calls.map((c) => [c.command, c.dir, c.options.apiPort]), [['serve', undefined, undefined], ['serve', 'm', 0]]);
});

test('check defaults to a 5 minute simulated timeout and requires DIR', async () => {
  const r = recorder();
  await runProgram(['check', 'm'], r.actions, r.out);
  assert.equal((r.calls[0]!.options as CheckOptions).timeout, 300_000);
  assert.equal(await runProgram(['check'], r.actions, r.out), 2);
  assert.match(r.text().stderr, /missing required argument 'dir'/);
});

test('a bad flag prints a one-line error and the usage, exit 2', async () => {
  for (const argv of [['--bogus'], ['--speed', 'fast'], ['--nodes', '-1'], ['check', 'm', '--timeout', 'soon']]) {
    const r = recorder();
    assert.equal(await runProgram(argv, r.actions, r.out), 2, argv.join(' '));
    const lines = r.text().stderr.trim().split('\n');
    assert.match(lines[0]!, /^error: /);
    assert.match(lines[1]!, /^Usage: kubesim/);
    assert.equal(r.calls.length, 0);
  }
});

test('--help documents every command and flag', async () => {
  const r = recorder();
  assert.equal(await runProgram(['--help'], r.actions, r.out), 0);
  const help = r.text().stdout;
  for (const word of ['serve', 'check', '--nodes', '--speed', '--seed', '--images', '--headless', '--no-recreate', '--poll',
    '--readonly', '--no-color', '--api-port', '--no-api', '--kubeconfig', 'kubesim.dev/expect']) {
    assert.ok(help.includes(word), `help mentions ${word}`);
  }
  const c = recorder();
  await runProgram(['check', '--help'], c.actions, c.out);
  assert.match(c.text().stdout, /--timeout/);
  assert.match(c.text().stdout, /--speed/, 'subcommand help shows the global flags');
});

test('durations read like kubectl timeouts', () => {
  assert.equal(parseDuration('5m'), 300_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('45'), 45_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.throws(() => parseDuration('5 minutes'));
});
