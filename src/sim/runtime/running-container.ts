// One container instance as its processes share it: files, ports, the process table and the programs its
// image has. Created at start, torn down when its main process ends (a restart gets a fresh one, with a
// fresh writable layer, as with a real runtime).

import type { ContainerContext, HttpHandler, ProcessOutput } from './types.js';
import { ContainerFilesystem } from './filesystem.js';
import { childProc, type ContainerHost, type OsFlavour, type Proc, type ProcessEntry, type Program } from './process/program.js';
import { EMPTY_INPUT } from './process/input.js';
import { TaskRunner } from './process/task-runner.js';
import { failWith, type SignalName, type Task } from './process/task.js';
import type { ImageDefinition } from './images/image.js';
import { DEFAULT_PATH } from './images/image.js';
import { imageFiles } from './images/base-filesystems.js';
import { flavourCommands, OPTIONAL_COMMANDS } from './commands/command-table.js';
import { shellProgram } from './shell/shell-program.js';
import { ASH, BASH, DASH } from './shell/dialect.js';
import { kernelVersionLine } from './commands/identity.js';

const PATH_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/go/bin', '/usr/local/go/bin']);

const BASH_PROGRAM = shellProgram(BASH);

const SHELLS: Record<OsFlavour, Record<string, Program>> = {
  busybox: { sh: shellProgram(ASH), ash: shellProgram(ASH) },
  alpine: { sh: shellProgram(ASH), ash: shellProgram(ASH) },
  debian: { sh: shellProgram(DASH), dash: shellProgram(DASH), bash: shellProgram(BASH) },
  ubuntu: { sh: shellProgram(DASH), dash: shellProgram(DASH), bash: shellProgram(BASH) },
  distroless: {},
};

/** `table` with `entries` in it, each replacing the one with its pid or added at the end: a new array of exactly that size. */
function withEntries(table: readonly ProcessEntry[], entries: readonly ProcessEntry[]): ProcessEntry[] {
  let added = 0;
  for (const entry of entries) if (indexOfPid(table, entry.pid) < 0) added++;
  const next = new Array<ProcessEntry>(table.length + added);
  for (let i = 0; i < table.length; i++) next[i] = table[i]!;
  let end = table.length;
  for (const entry of entries) {
    const at = indexOfPid(table, entry.pid);
    next[at >= 0 ? at : end++] = entry;
  }
  return next;
}

function indexOfPid(table: readonly ProcessEntry[], pid: number): number {
  for (let i = 0; i < table.length; i++) if (table[i]!.pid === pid) return i;
  return -1;
}

export class RunningContainer implements ContainerHost {
  readonly fs: ContainerFilesystem;
  readonly flavour: OsFlavour;
  // Thousands of containers run at once, most of them never exec'd into: what only some need is made on
  // first use, and the process table is a short array (a handful of processes) rather than a Map.
  // Replaced, never grown in place: an array grown by push keeps room for 17 entries.
  private table: readonly ProcessEntry[] = [];
  private nextPid = 7;
  // Most containers bind one port: it is kept in two fields, any others in a list made for them.
  private port = -1;
  private handler: HttpHandler | undefined;
  private otherPorts: { port: number; handler: HttpHandler }[] | undefined;
  /** Every process with a runner of its own (background jobs, execs), with its Proc for its pid. */
  private background: Map<TaskRunner<number>, Proc> | undefined;
  private mainRunner: TaskRunner<number> | undefined;
  private mainProc: Proc | undefined;
  /** PID 1's own streams, whatever its shell redirected since. */
  private mainOutput: ProcessOutput | undefined;
  stopped = false;

  constructor(
    readonly context: ContainerContext,
    readonly image: ImageDefinition,
  ) {
    this.flavour = image.flavour;
    this.fs = new ContainerFilesystem(imageFiles(image), context.files, this, context.mounts);
    if (context.workingDir) this.fs.mkdir(context.workingDir, true);
    const rendered = image.renderFiles?.(this.baseEnv());
    // what the kubelet mounts over a rendered file wins, as a mount hides what is beneath it
    if (rendered) for (const [path, content] of Object.entries(rendered)) if (!context.files.has(path)) this.fs.writeFile(path, content);
  }

  /** The environment a process starts with: the image's ENV, HOSTNAME, the Pod's env, HOME. */
  baseEnv(): Map<string, string> {
    const env = new Map<string, string>([['PATH', DEFAULT_PATH], ['HOSTNAME', this.context.hostname]]);
    for (const [k, v] of this.image.env ?? []) env.set(k, v);
    for (const { name, value } of this.context.env) env.set(name, value);
    if (!env.has('HOME')) env.set('HOME', '/root');
    return env;
  }

  workingDir(): string {
    return this.context.workingDir ?? this.image.workingDir ?? '/';
  }

  findProgram(name: string): Program | undefined {
    const programs = this.image.programs ?? {};
    if (programs[name]) return programs[name];
    if (name.includes('/')) {
      const slash = name.lastIndexOf('/');
      const dir = name.slice(0, slash) || '/';
      const base = name.slice(slash + 1);
      if (PATH_DIRS.has(dir)) {
        const found = this.findBare(base);
        if (found) return found;
      }
      // a script (a ConfigMap-mounted entrypoint, say) runs through its #! shell
      const stat = this.fs.stat(name.startsWith('/') ? name : `${this.workingDir()}/${name}`.replace(/\/\.\//g, '/').replace(/^\/\//, '/'));
      if (stat?.kind === 'file' && stat.content.startsWith('#!')) {
        const shell = this.findBare('sh');
        if (shell) return (proc, argv) => shell(proc, ['sh', name, ...argv.slice(1)]);
      }
      return undefined;
    }
    return this.findBare(name);
  }

  private findBare(name: string): Program | undefined {
    return (
      this.image.programs?.[name] ??
      SHELLS[this.flavour][name] ??
      flavourCommands(this.flavour)[name] ??
      (this.image.extraCommands?.includes(name) || this.installed?.has(name) ? (OPTIONAL_COMMANDS[name] ?? (name === 'bash' ? BASH_PROGRAM : undefined)) : undefined)
    );
  }

  /** Commands `apk add` / `apt-get install` put into this container (gone after a restart, as on a real one). */
  private installed: Set<string> | undefined;
  /** `apt-get update` has fetched the package lists. */
  packageListsFetched = false;

  install(commands: string[]): void {
    this.installed ??= new Set();
    for (const c of commands) this.installed.add(c);
  }

  /**
   * PID 1's task: its program's own, with no frame of the runtime's around it, as that would live as long
   * as the container. Ends with endMain.
   */
  mainTask(program: Program, proc: Proc, argv: string[]): Task<number> {
    proc.pid = 1;
    this.setEntry({ pid: 1, argv });
    try {
      return program(proc, argv);
    } catch (error) {
      return failWith(error);
    }
  }

  /** PID 1 ended: it leaves the process table. */
  endMain(): void {
    this.removeEntry(1);
  }

  *run(program: Program, proc: Proc, argv: string[]): Task<number> {
    const pid = proc.pid === 1 ? 1 : this.nextPid++;
    proc.pid = pid;
    this.setEntry({ pid, argv });
    try {
      return yield* program(proc, argv);
    } finally {
      this.removeEntry(pid);
    }
  }

  spawn(program: Program, proc: Proc, argv: string[]): number {
    const pid = this.nextPid;
    const child = childProc(proc, { ...proc, stdin: EMPTY_INPUT });
    const runner: TaskRunner<number> = new TaskRunner(this.context.clock, this.run(program, child, argv), () => this.background?.delete(runner));
    (this.background ??= new Map()).set(runner, child);
    runner.start();
    return pid;
  }

  /** An exec's process: it dies with the container. */
  adopt(runner: TaskRunner<number>, proc: Proc): void {
    if (this.stopped) {
      runner.kill();
      return;
    }
    (this.background ??= new Map()).set(runner, proc);
  }

  setMain(runner: TaskRunner<number>, proc: Proc, output: ProcessOutput): void {
    this.mainRunner = runner;
    this.mainProc = proc;
    this.mainOutput = output;
  }

  writeToPid1(stream: 'stdout' | 'stderr', text: string): void {
    if (this.stopped || !this.mainOutput) return;
    this.mainOutput[stream](text);
  }

  /** `kill -SIG pid`: false when no process of its own runs as `pid`. */
  signalProcess(pid: number, signal: SignalName): boolean {
    const entries = [...(this.mainRunner && this.mainProc ? [[this.mainRunner, this.mainProc] as const] : []), ...(this.background ?? [])];
    const found = entries.find(([runner, proc]) => proc.pid === pid && !runner.done);
    if (!found) return false;
    if (signal === 'KILL') found[0].kill();
    else found[0].signal(signal);
    return true;
  }

  disown(runner: TaskRunner<number>): void {
    this.background?.delete(runner);
  }

  setTitle(pid: number, argv: readonly string[]): void {
    const entry = this.entry(pid);
    if (entry) this.setEntry(entry.user ? { pid, argv, user: entry.user } : { pid, argv });
  }

  addProcesses(entries: readonly ProcessEntry[]): void {
    for (const entry of entries) this.nextPid = Math.max(this.nextPid, entry.pid + 1);
    this.table = withEntries(this.table, entries);
  }

  processes(): ProcessEntry[] {
    return [...this.table].sort((a, b) => a.pid - b.pid);
  }

  private entry(pid: number): ProcessEntry | undefined {
    for (const entry of this.table) if (entry.pid === pid) return entry;
    return undefined;
  }

  /** Adds `entry`, or replaces the one with its pid. */
  private setEntry(entry: ProcessEntry): void {
    this.table = withEntries(this.table, [entry]);
  }

  private removeEntry(pid: number): void {
    if (this.entry(pid)) this.table = this.table.filter((e) => e.pid !== pid);
  }

  listen(port: number, handler: HttpHandler): boolean {
    if (this.stopped) return false;
    if (!this.context.network.listen(port, handler)) return false;
    if (this.handler === undefined) {
      this.port = port;
      this.handler = handler;
    } else (this.otherPorts ??= []).push({ port, handler });
    return true;
  }

  /** The main process ended: ports close, every other process in the container dies with it. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const network = this.context.network;
    if (this.handler) network.unlisten(this.port, this.handler);
    for (const { port, handler } of this.otherPorts ?? []) network.unlisten(port, handler);
    this.handler = this.otherPorts = undefined;
    for (const runner of [...(this.background?.keys() ?? [])]) runner.kill();
  }

  /** /proc's files, as the filesystem reads them. */
  procFile(path: string): string | undefined {
    if (!path.startsWith('/proc/')) return undefined;
    const uptime = (this.context.clock.now() / 1000).toFixed(2);
    switch (path) {
      case '/proc/version':
        return `${kernelVersionLine()}\n`;
      case '/proc/uptime':
        return `${uptime} ${uptime}\n`;
      case '/proc/loadavg':
        return '0.08 0.03 0.01 1/123 42\n';
      case '/proc/meminfo':
        return 'MemTotal:        8388608 kB\nMemFree:         6291456 kB\nMemAvailable:    7340032 kB\n';
      case '/proc/cpuinfo':
        return [0, 1, 2, 3].map((n) => `processor\t: ${n}\nmodel name\t: kubesim virtual CPU\n\n`).join('');
      case '/proc/sys/kernel/hostname':
        return `${this.context.hostname}\n`;
      case '/proc/1/cmdline': {
        const main = this.entry(1);
        return main ? `${main.argv.join('\0')}\0` : undefined;
      }
    }
    return undefined;
  }
}
