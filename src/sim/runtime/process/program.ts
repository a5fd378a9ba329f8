// What a simulated program sees when it runs: its container (files, network, the other processes), its
// environment and working directory, and its three standard streams. Every executable — the shell, each
// built-in command, an image's server — is a Program: a function from that to a Task ending in an exit status.

import type { ContainerContext, HttpHandler } from '../types.js';
import type { ContainerFilesystem } from '../filesystem.js';
import type { Input } from './input.js';
import type { SignalName, Task } from './task.js';

export interface ProcessIO {
  stdin: Input;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The terminal's width when stdout is a terminal (ls prints columns then); unset for pipes and files. */
  columns?: number;
}

/** Which userland the image ships: decides the shell dialect, the prompt and which commands exist. */
export type OsFlavour = 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'distroless';

/** A line of ps (whose TIME column stays 0:00 for these idle processes). Never changed in place: it may be shared. */
export interface ProcessEntry {
  readonly pid: number;
  readonly argv: readonly string[];
  readonly user?: string;
}

/** A running container as its processes see it; one per container instance (a restart gets a new one). */
export interface ContainerHost {
  readonly context: ContainerContext;
  readonly fs: ContainerFilesystem;
  readonly flavour: OsFlavour;
  /** The program `name` names (a bare name searched on PATH, or a path), if the image has it. */
  findProgram(name: string): Program | undefined;
  /** Runs `program` as a new process (it appears in ps while it runs). */
  run(program: Program, proc: Proc, argv: string[]): Task<number>;
  /** Starts a background process (`cmd &`); returns its pid. */
  spawn(program: Program, proc: Proc, argv: string[]): number;
  processes(): ProcessEntry[];
  /** What ps shows for `pid` from now on (nginx renames itself `nginx: master process …`). */
  setTitle(pid: number, argv: readonly string[]): void;
  /** Writes to PID 1's stdout or stderr: `echo hi > /proc/1/fd/1` from an exec lands in the container's log. */
  writeToPid1(stream: 'stdout' | 'stderr', text: string): void;
  /** Makes `commands` available from now on (a package manager installed them). */
  install(commands: string[]): void;
  /** `apt-get update` has run in this container. */
  packageListsFetched: boolean;
  /** `kill`: delivers `signal` to the process `pid` if it runs on its own; false when there is none. */
  signalProcess(pid: number, signal: SignalName): boolean;
  /** Processes that only show in ps (nginx's workers) until the container stops; the entries may be shared by many containers. */
  addProcesses(entries: readonly ProcessEntry[]): void;
  /** Binds a port in the Pod's network namespace for the container's lifetime; false when it is taken. */
  listen(port: number, handler: HttpHandler): boolean;
}

export interface Proc extends ProcessIO {
  readonly host: ContainerHost;
  env: Map<string, string>;
  cwd: string;
  /** Set by host.run: this process's pid. */
  pid: number;
  /**
   * Set by a program that handles signals: returns true when it took care of `signal` itself (a shell's
   * trap, or ignoring it), false to have it thrown into the task at its wait. Unset: a PID 1 ignores TERM,
   * INT, QUIT and HUP (no handler, so the kernel drops them: `sleep 3600` waits for the KILL); any other
   * process dies of them.
   */
  catchSignal?: (signal: SignalName) => boolean;
}

export type Program = (proc: Proc, argv: string[]) => Task<number>;

/**
 * The program installs signal handlers: signals reach it (thrown at its wait) even as PID 1, which the
 * kernel otherwise spares every signal it has no handler for.
 */
export function handleSignals(proc: Proc): void {
  proc.catchSignal = deliverSignal;
}

/** Shared by every process that handles its signals (one function, not one closure per process). */
const deliverSignal = (): boolean => false;

/** A child process: same host, own environment copy, the streams given. */
export function childProc(parent: Proc, io: ProcessIO, env: Map<string, string> = new Map(parent.env), cwd = parent.cwd): Proc {
  return { host: parent.host, env, cwd, pid: 0, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, columns: io.columns };
}
