// End to end in a real terminal: tmux runs the built kubesim on a folder holding the book's Pod, at 100×30
// and at 80×24, and the test reads the screen with `tmux capture-pane`, polling with a deadline.
// Needs tmux and a built dist/ (`npm test` builds first; `.ci/run` installs tmux).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const haveTmux = spawnSync('tmux', ['-V']).status === 0;
const built = existsSync(join(root, 'dist', 'cli.js')) && existsSync(join(root, 'dist', 'ui', 'run-dashboard.js'));
const skip = !haveTmux ? 'tmux is not installed (.ci/run installs it)' : !built ? 'dist/ is not built (npm run build)' : false;

const PROMPT = 'e2e-prompt$ ';
/** capture-pane drops trailing spaces. */
const PROMPT_SEEN = 'e2e-prompt$';

class Terminal {
  readonly socket = `kubesim-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(cols: number, rows: number) {
    this.tmux('new-session', '-d', '-s', 'e2e', '-x', String(cols), '-y', String(rows), `env -i PATH="${process.env['PATH']}" HOME="${tmpdir()}" TERM=xterm-256color PS1='${PROMPT}' bash --norc --noprofile`);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'e2e');
  }

  /** Keys as tmux names them (`Enter`, `BTab`, `Escape`) or literal text with `literal`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'e2e', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'e2e', '-l', text);
  }

  async waitFor(pred: (screen: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (pred(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${last}`);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

const has = (text: string) => (s: string) => s.includes(text);

const BROKEN = `apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: app
    image: nginx
    imagee: nginx
`;

async function walkThrough(cols: number, rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-e2e-'));
  copyFileSync(join(root, 'demo-manifests', 'simple-pod.yaml'), join(dir, 'simple-pod.yaml'));
  const term = new Terminal(cols, rows);
  try {
    await term.waitFor(has(PROMPT_SEEN), 'the shell prompt', 10_000);
    term.type(`cd ${root} && CI=false node bin/kubesim.js ${dir} --speed 50 --no-api`);
    term.keys('Enter');

    // The book's Pod comes up.
    let s = await term.waitFor((x) => /simple-echo\s+2\/2\s+Running/.test(x), 'simple-echo 2/2 Running');
    const lines = s.split('\n');
    assert.ok(lines.slice(0, 3).some((l) => l.includes('kubesim') && l.includes('nodes 3')), 'the header is on the first lines');
    assert.equal(lines.filter((l) => l.includes('nodes 3')).length, 1, 'one header, not a stale copy above it');

    // Moving with keys: to the nodes pane and back, all namespaces and back.
    term.keys('BTab');
    await term.waitFor((x) => /▶ Nodes/.test(x), 'the Nodes pane focused');
    term.keys('Tab');
    await term.waitFor((x) => /▶ Pods/.test(x), 'the Pods pane focused');
    term.keys('0');
    await term.waitFor(has('kube-system'), 'all namespaces');
    term.keys('0');
    await term.waitFor((x) => !x.includes('kube-system ') && /▶ Pods\s+default/.test(x), 'back to default');

    // Logs of the selected Pod.
    term.keys('l');
    await term.waitFor(has('start server'), 'echo logging start server');

    // The shell: back to the Pods pane, `s`, and the book's wget.
    term.keys('BTab');
    await term.waitFor((x) => /▶ Pods/.test(x), 'the Pods pane focused again');
    term.keys('s');
    await term.waitFor((x) => /^\/ #/m.test(x), 'the shell prompt in the container');
    term.type('wget -qO- localhost:8080');
    term.keys('Enter');
    await term.waitFor(has('Hello Docker!!'), 'Hello Docker!!');
    term.type('exit');
    term.keys('Enter');
    await term.waitFor((x) => /simple-echo\s+2\/2/.test(x), 'back on the dashboard');

    // A changed manifest: a second Pod saved into the same file shows up.
    const manifest = readFileSync(join(dir, 'simple-pod.yaml'), 'utf8');
    writeFileSync(join(dir, 'simple-pod.yaml'), `${manifest}---\n${manifest.replace('name: simple-echo', 'name: simple-echo-b')}`);
    await term.waitFor(has('simple-echo-b'), 'the dashboard following the save');

    // A broken manifest: the error with its file, line and column.
    writeFileSync(join(dir, 'broken.yaml'), BROKEN);
    s = await term.waitFor(has('broken.yaml:9:5'), 'the error at broken.yaml:9:5');
    assert.match(s, /broken\.yaml:9:5 strict decoding error: unknown field/);

    // A live resize: the frame follows the new size, header on top, hint bar on the last line but one.
    const [w, h] = cols === 100 ? [140, 40] : [100, 30];
    term.tmux('resize-window', '-t', 'e2e', '-x', String(w), '-y', String(h));
    s = await term.waitFor((x) => {
      const rows = x.split('\n');
      // The last frame line is the hint bar (here the shell's exit message), the terminal's last row is free.
      return rows[0]!.includes('nodes 3') && /shell in simple-echo\/nginx exited/.test(rows[h - 2] ?? '') && (rows[h - 1] ?? '').trim() === '';
    }, `the dashboard redrawn at ${w}×${h}`, 20_000);
    assert.equal(s.split('\n').filter((l) => l.includes('nodes 3')).length, 1, 'one header after the resize');

    // Quit: the shell prompt is back and the dashboard is gone from the screen.
    term.keys('q');
    // The main screen again: the command as typed, then a fresh prompt once kubesim has exited.
    s = await term.waitFor((x) => x.split(PROMPT_SEEN).length === 3 && !x.includes('Nodes') && !x.includes('simple-echo 2/2'), 'a fresh prompt, screen restored', 30_000);
    assert.match(s, /kubesim\.js/, 'the main screen shows what was there before');
  } finally {
    term.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The kubesim process under the pane's shell. */
function dashboardPid(term: Terminal): number {
  const shell = term.tmux('list-panes', '-t', 'e2e', '-F', '#{pane_pid}').trim();
  const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
  return Number(child);
}

async function restoredAfter(signal: NodeJS.Signals): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-e2e-'));
  copyFileSync(join(root, 'demo-manifests', 'simple-pod.yaml'), join(dir, 'simple-pod.yaml'));
  const term = new Terminal(100, 30);
  try {
    await term.waitFor(has(PROMPT_SEEN), 'the shell prompt', 10_000);
    term.type(`cd ${root} && CI=false node bin/kubesim.js ${dir} --speed 50 --no-api; echo "exit status $?"`);
    term.keys('Enter');
    await term.waitFor((x) => /simple-echo\s+\d\/2/.test(x), 'the dashboard');
    process.kill(dashboardPid(term), signal);
    const s = await term.waitFor((x) => x.split(PROMPT_SEEN).length === 3 && !x.includes('Nodes'), `the prompt back after ${signal}`, 30_000);
    assert.match(s, /exit status \d+/);
    // Cooked mode again: what is typed is echoed and runs.
    term.type('echo typed-after');
    term.keys('Enter');
    await term.waitFor((x) => /^typed-after$/m.test(x), 'the terminal in cooked mode', 10_000);
  } finally {
    term.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('SIGTERM and SIGHUP leave the alternate screen and give the terminal back', { skip, timeout: 240_000 }, async () => {
  await restoredAfter('SIGTERM');
  await restoredAfter('SIGHUP');
});

test('in tmux at 100×30: Running, keys, logs, shell, a save followed, an error with its line, quit restores the screen', { skip, timeout: 240_000 }, async () => {
  await walkThrough(100, 30);
});

test('in tmux at 80×24: the same walk-through fits and works', { skip, timeout: 240_000 }, async () => {
  await walkThrough(80, 24);
});
