// The built kubesim (bin/kubesim.js → dist/) as a child process, its stdout read line by line: for tests
// that drive the program the way a user starts it. Needs `npm run build` (npm test builds first).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually } from '../api/kubectl-harness.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** A missing build is a failure that says what to do, never a silent skip. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/ is not built: run `npm run build` (npm test builds first) before the integration tests');
  }
}

export class KubesimProcess {
  private readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [join(ROOT, 'bin', 'kubesim.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((done) => this.child.on('close', (code) => done(code)));
  }

  lines(): string[] {
    return this.stdout.split('\n').filter((l) => l !== '');
  }

  /** The first stdout line matching `pattern`, polling until the deadline. */
  waitForLine(pattern: RegExp, what: string, timeoutMs = 30_000): Promise<string> {
    return eventually(what, () => this.lines().find((l) => pattern.test(l)), timeoutMs).catch((e: Error) => {
      throw new Error(`${e.message}\n--- stdout ---\n${this.stdout}--- stderr ---\n${this.stderr}`);
    });
  }

  /** The API's URL, from the line kubesim prints on stderr when it starts serving. */
  apiUrl(timeoutMs = 30_000): Promise<string> {
    return eventually('kubesim to print its API URL', () => /Kubernetes API on (http:\/\/\S+?);/.exec(this.stderr)?.[1], timeoutMs);
  }

  /** SIGTERM, as a user's Ctrl-C in another shell would; resolves with the exit code. */
  stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
