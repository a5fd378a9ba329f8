// The simulated container runtime: pulls resolve through the image catalog, a container's main process is
// its image's entrypoint/cmd (or the Pod's command/args) run as a simulated program on the Clock, and exec
// runs another program beside it.

import { ProcessEnd } from './process-end.js';
import type { ContainerContext, ContainerProcess, ContainerRuntime, ExecIO, ExecProcess, ProcessExit, ProcessOutput, PullResult } from './types.js';
import { ImageCatalog, type CatalogImage } from './images/catalog.js';
import { imageEntriesFromData } from './images/user-catalog.js';
import { pullImage } from './images/pull.js';
import { parseImageReference } from './images/reference.js';
import { genericImage } from './images/generic.js';
import type { ImageDefinition } from './images/image.js';
import { RunningContainer } from './running-container.js';
import { EMPTY_INPUT, StreamInput, type Input } from './process/input.js';
import type { Proc, Program } from './process/program.js';
import { exitOf, TaskRunner, type TaskOutcome, type TaskOwner } from './process/task-runner.js';
import type { SignalName } from './process/task.js';
import { startExec } from './exec/exec-session.js';
import { deepFreeze } from '../deep-freeze.js';

export interface ContainerRuntimeOptions {
  /** Images beyond the built-in ones (from `loadImageCatalogYaml`); they win over built-ins of the same name. */
  extraImages?: CatalogImage[];
  /** The same as plain data (a parsed --images file's list); validated like the YAML, without line numbers. */
  images?: unknown[];
  /** Seeded randomness for pull jitter (containers use their context's). */
  random?: () => number;
  /** Seeds the default `random`. */
  seed?: number;
}

/** A small seeded generator, for when the caller gives none: runs stay reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The runtime's words when argv[0] cannot be found: the container fails to start with StartError, exit 128. */
export function startErrorMessage(executable: string): string {
  const why = executable.includes('/') ? `stat ${executable}: no such file or directory` : 'executable file not found in $PATH';
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${executable}": ${why}: unknown`;
}

/** What an exec of a missing executable fails with (kubectl prints `error: Internal error occurred: <this>`). */
export function execStartErrorMessage(executable: string, execId: string): string {
  const why = executable.includes('/') ? `stat ${executable}: no such file or directory` : 'executable file not found in $PATH';
  return `error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${executable}": ${why}: unknown`;
}

/** Docker's rule: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD. */
export function effectiveArgv(image: ImageDefinition, command: string[] | undefined, args: string[] | undefined): string[] {
  const entrypoint = command ?? image.entrypoint ?? [];
  const cmd = args ?? (command ? [] : (image.cmd ?? []));
  // sized exactly (PID 1 keeps it for the container's lifetime), without concat's slow generic path
  const argv = new Array<string>(entrypoint.length + cmd.length);
  for (let i = 0; i < entrypoint.length; i++) argv[i] = entrypoint[i]!;
  for (let i = 0; i < cmd.length; i++) argv[entrypoint.length + i] = cmd[i]!;
  return argv;
}

/** PID 1's stdin: /dev/null, or (`stdin: true`) a pipe or terminal kept open that nobody writes to yet. */
function mainInput(context: ContainerContext): Input {
  return context.stdin ? new StreamInput(context.tty === true) : EMPTY_INPUT;
}

/**
 * PID 1's Proc. Its environment is built on first use: many main processes (nginx, a server) never read
 * it, and each would keep a Map of a dozen variables for the container's lifetime. A class, not a literal
 * with an accessor, which V8 would keep as a slow dictionary object; a copy made by spreading it must name
 * `env` itself, as the getter is not an own property.
 */
class MainProc implements Proc {
  private ownEnv: Map<string, string> | undefined = undefined;
  readonly cwd: string;
  pid = 1;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  catchSignal: ((signal: SignalName) => boolean) | undefined = undefined;
  columns: number | undefined = undefined;

  constructor(
    readonly host: RunningContainer,
    readonly stdin: Input,
    output: ProcessOutput,
  ) {
    this.cwd = host.workingDir();
    this.stdout = output.stdout;
    this.stderr = output.stderr;
  }

  get env(): Map<string, string> {
    return (this.ownEnv ??= this.host.baseEnv());
  }

  set env(value: Map<string, string>) {
    this.ownEnv = value;
  }
}

/**
 * PID 1 as the kubelet holds it: its exit, its signals, and what happens when it ends. One object per
 * container, which the runner reports to, instead of closures that would live as long as the container.
 */
class MainProcess extends ProcessEnd<ProcessExit> implements ContainerProcess, TaskOwner<number> {
  private runner: TaskRunner<number> | undefined;

  constructor(
    private readonly container: RunningContainer,
    private readonly proc: MainProc,
    private readonly output: ProcessOutput,
    private readonly running: WeakMap<ContainerContext, RunningContainer>,
  ) {
    super();
  }

  start(program: Program, argv: string[]): void {
    const { container, proc } = this;
    const runner = new TaskRunner(container.context.clock, container.mainTask(program, proc, argv), this);
    this.runner = runner;
    container.setMain(runner, proc, this.output);
    runner.start();
  }

  signal(signal: 'TERM' | 'KILL'): void {
    if (signal === 'KILL') this.runner?.kill();
    else this.runner?.signal(this.container.image.stopSignal ?? 'TERM');
  }

  // PID 1: what it has no handler for, the kernel never delivers
  ignoresSignal(signal: SignalName): boolean {
    return this.proc.catchSignal?.(signal) ?? true;
  }

  taskDone(outcome: TaskOutcome<number>): void {
    const { container, running } = this;
    const context = container.context;
    container.endMain();
    container.stop();
    if (running.get(context) === container) running.delete(context);
    this.end(exitOf(outcome, context.image, this.output.stderr));
  }
}

/** A main process that could not start: it has ended already. */
class FinishedProcess extends ProcessEnd<ProcessExit> implements ContainerProcess {
  constructor(exit: ProcessExit) {
    super();
    this.end(exit);
  }

  signal(): void {}
}

function finishedProcess(exit: ProcessExit): ContainerProcess {
  return new FinishedProcess(exit);
}

export function createContainerRuntime(options: ContainerRuntimeOptions = {}): ContainerRuntime {
  const catalog = new ImageCatalog([...(options.extraImages ?? []), ...(options.images ? imageEntriesFromData(options.images) : [])]);
  const random = options.random ?? mulberry32(options.seed ?? 0x6b756265);
  const running = new WeakMap<ContainerContext, RunningContainer>();

  // thousands of containers start from a handful of images: resolve each reference once
  const images = new Map<string, ImageDefinition>();
  /**
   * An image's ENTRYPOINT + CMD, for every container that gives no command or args: one argv per image
   * (programs copy what they change: under test it is frozen, and fails loudly if one did not).
   */
  const imageArgvs = new Map<ImageDefinition, string[]>();
  function imageArgv(image: ImageDefinition): string[] {
    let argv = imageArgvs.get(image);
    if (!argv) imageArgvs.set(image, (argv = deepFreeze(effectiveArgv(image, undefined, undefined))));
    return argv;
  }
  function imageFor(reference: string): ImageDefinition {
    let image = images.get(reference);
    if (image) return image;
    const ref = parseImageReference(reference);
    const resolution = ref ? catalog.resolve(ref) : undefined;
    image = resolution?.kind === 'image' ? resolution.image : genericImage(ref?.repository ?? reference);
    images.set(reference, image);
    return image;
  }

  return {
    pull(image: string): PullResult {
      return pullImage(catalog, image, random);
    },

    start(context: ContainerContext, command: string[] | undefined, args: string[] | undefined, output: ProcessOutput): ContainerProcess {
      const image = imageFor(context.image);
      const argv = command || args ? effectiveArgv(image, command, args) : imageArgv(image);
      if (argv.length === 0) return finishedProcess({ code: 128, reason: 'StartError', message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown' });
      const container = new RunningContainer(context, image);
      const program = container.findProgram(argv[0]!);
      if (!program) return finishedProcess({ code: 128, reason: 'StartError', message: startErrorMessage(argv[0]!) });
      running.set(context, container);
      const main = new MainProcess(container, new MainProc(container, mainInput(context), output), output, running);
      main.start(program, argv);
      return main;
    },

    exec(context: ContainerContext, argv: string[], io: ExecIO): ExecProcess {
      const container = running.get(context);
      const executable = argv[0] ?? '';
      const program = container?.findProgram(executable);
      if (!container || !program) {
        const execId = Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join('');
        const startError = container ? execStartErrorMessage(executable, execId) : 'container is not running';
        return { exited: Promise.resolve(126), startError, write() {}, closeStdin() {}, resize() {}, kill() {} };
      }
      return startExec(container, program, argv, io);
    },
  };
}
