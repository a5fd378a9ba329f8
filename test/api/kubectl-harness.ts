// Runs the real kubectl binary against an API server: a private HOME, discovery cache and kubeconfig in a
// temp folder, and polling with a deadline instead of sleeps.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeKubeconfig } from '../../src/api/index.js';

/** CI requires kubectl: its absence is a failure that says so, never a silent skip. */
export function requireKubectl(): void {
  const found = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('kubectl is missing: the API end-to-end tests need the real kubectl binary on PATH (CI requires it)');
  }
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  /** Extra environment (EDITOR for `kubectl edit`). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export class Kubectl {
  readonly dir: string;
  readonly kubeconfig: string;
  private readonly running = new Set<ChildProcess>();

  constructor(url: string) {
    this.dir = mkdtempSync(join(tmpdir(), 'kubesim-kubectl-'));
    this.kubeconfig = writeKubeconfig({ url, path: join(this.dir, 'kubeconfig') });
  }

  env(): NodeJS.ProcessEnv {
    return { ...process.env, HOME: this.dir, KUBECACHEDIR: join(this.dir, 'cache'), KUBECONFIG: this.kubeconfig };
  }

  /** Writes a file into the temp folder (a manifest) and returns its path. */
  file(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
  }

  run(args: string[], options: RunOptions = {}): Promise<KubectlResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('kubectl', args, { env: { ...this.env(), ...options.env }, cwd: this.dir, stdio: ['pipe', 'pipe', 'pipe'] });
      this.running.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.running.delete(child);
        resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
      });
      if (options.input !== undefined) child.stdin.end(options.input);
      else child.stdin.end();
    });
  }

  /** A long-running kubectl (`get -w`, `logs -f`): its output so far, and a way to stop it. */
  start(args: string[]): Follower {
    const child = spawn('kubectl', args, { env: this.env(), cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    this.running.add(child);
    const follower: Follower = {
      stdout: '',
      stderr: '',
      exited: new Promise((resolve) => {
        child.on('close', (code) => {
          this.running.delete(child);
          resolve(code ?? 1);
        });
      }),
      stop: () => child.kill('SIGTERM'),
    };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (follower.stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (follower.stderr += d));
    return follower;
  }

  /**
   * A command run inside a pseudo-terminal (util-linux `script`), for `kubectl exec -it`: keystrokes go in
   * raw, output comes back as the terminal shows it.
   */
  startInTerminal(command: string): Terminal {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: this.env(), cwd: this.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    this.running.add(child);
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
    return {
      output: () => output,
      type: (keys) => child.stdin!.write(keys),
      exited: new Promise((resolve) => {
        child.on('close', (code) => {
          this.running.delete(child);
          resolve(code ?? 1);
        });
      }),
    };
  }

  close(): void {
    for (const child of this.running) child.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Terminal {
  output(): string;
  type(keys: string): void;
  exited: Promise<number>;
}

export function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

export interface Follower {
  stdout: string;
  stderr: string;
  exited: Promise<number>;
  stop(): void;
}

/** Polls `check` until it returns a value (not undefined/false) or the deadline passes. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
