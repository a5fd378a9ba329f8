// The kubesim command line (issue 3): `kubesim [DIR]`, `kubesim serve [DIR]`, `kubesim check DIR`, and the
// global flags every subcommand takes. Parsing only: what each command does is handed in as `CliActions`.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

export interface GlobalOptions {
  nodes: number;
  speed: number;
  seed?: number;
  images?: string;
  headless: boolean;
  /** false with --no-recreate */
  recreate: boolean;
  poll: boolean;
  readonly: boolean;
  /** false with --no-color */
  color: boolean;
  apiPort?: number;
  /** false with --no-api */
  api: boolean;
  kubeconfig?: string;
}

export interface CheckOptions extends GlobalOptions {
  /** Simulated milliseconds. */
  timeout: number;
}

export interface CliActions {
  run(dir: string, options: GlobalOptions): Promise<number>;
  serve(dir: string | undefined, options: GlobalOptions): Promise<number>;
  check(dir: string, options: CheckOptions): Promise<number>;
}

function wholeNumber(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('speed must be a positive number.');
  return n;
}

/** `5m`, `90s`, `1h30m`, `500ms` or plain seconds, as kubectl's --timeout reads durations. */
export function parseDuration(value: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new InvalidArgumentError('timeout must be a duration such as 90s, 5m or 1h.');
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

/** Switches given without a default (so help does not print `(default: false)`) read as false when absent. */
function withFlagDefaults<T extends GlobalOptions>(o: T): T {
  return { ...o, headless: o.headless ?? false, poll: o.poll ?? false, readonly: o.readonly ?? false };
}

function globalOptions(program: Command): void {
  program
    .option('--nodes <n>', 'worker nodes beside the control plane', wholeNumber('nodes', 0, 100), 2)
    .option('--speed <x>', 'simulated durations divided by X (pulls, start-ups, probes, back-offs)', positiveNumber, 1)
    .option('--seed <n>', 'seed for reproducible jitter', wholeNumber('seed', 0))
    .option('--images <file>', 'YAML or JSON file of extra image behaviours')
    .option('--headless', 'no dashboard: print reconcile results and Pod changes as lines')
    .option('--no-recreate', 'on an immutable-field change, keep the API error instead of recreating the Pod')
    .option('--poll', 'poll the folder instead of file events (network filesystems)')
    .option('--readonly', 'dashboard without actions that change the cluster')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('--api-port <p>', 'port of the Kubernetes API for kubectl (default 6443, or a free one)', wholeNumber('api-port', 0, 65535))
    .option('--no-api', 'do not start the Kubernetes API')
    .addOption(new Option('--kubeconfig <path>', 'where to write the kubeconfig that points kubectl at kubesim'));
}

const DESCRIPTION =
  'A terminal dashboard with a simulated Kubernetes cluster inside. ' +
  'kubesim watches DIR (default: the current folder) and applies every save of a .yaml, .yml or .json file ' +
  'to the simulated cluster, like `kubectl apply --prune` scoped to the folder. ' +
  'The real kubectl works against it: run the `export KUBECONFIG=...` line kubesim prints.';

const FOOTER = `
Examples:
  kubesim demo-manifests                 dashboard on the demo manifests
  kubesim --headless --speed 10 .        print applies and Pod changes as lines, ten times faster
  kubesim serve --api-port 6443          only the API, for kubectl
  kubesim check demo-manifests           exit 0 if every Pod reaches what it should

A Pod's annotation kubesim.dev/expect names the state it is meant to reach (CrashLoopBackOff, Pending, ...);
check holds it to that instead of Running and Ready (or Completed for Pods that run to completion).
A home folder, or a folder with more than 10,000 files, is refused: name the manifests folder.`;

/** The commander program, and the exit code of the command it ran. */
export function buildProgram(
  actions: CliActions,
  out: ProgramOutput,
): { program: Command; exitCode: () => number } {
  const program = new Command('kubesim');
  program
    .description(DESCRIPTION)
    .argument('[dir]', 'the manifests folder to watch', '.')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: () => undefined })
    .exitOverride()
    .addHelpText('after', FOOTER);
  globalOptions(program);

  let code = 0;
  program.action(async (dir: string) => {
    code = await actions.run(dir, withFlagDefaults(program.opts<GlobalOptions>()));
  });

  program
    .command('serve')
    .description('the Kubernetes API only (and the reconciler when DIR is given)')
    .argument('[dir]', 'a manifests folder to watch as well')
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: () => undefined })
    .exitOverride()
    .action(async (dir: string | undefined, _opts: unknown, cmd: Command) => {
      code = await actions.serve(dir, withFlagDefaults(cmd.optsWithGlobals<GlobalOptions>()));
    });

  program
    .command('check')
    .description(
      'apply DIR, run the simulation on virtual time until every Pod has reached what it should, or --timeout; ' +
        'print a table; exit 0 if all did, 1 otherwise',
    )
    .argument('<dir>', 'the manifests folder')
    .addOption(
      new Option('--timeout <duration>', 'simulated time to wait (90s, 5m, 1h)').argParser(parseDuration).default(5 * 60_000, '5m'),
    )
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: () => undefined })
    .exitOverride()
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      code = await actions.check(dir, withFlagDefaults(cmd.optsWithGlobals<CheckOptions>()));
    });

  return { program, exitCode: () => code };
}

/** Parses `argv` (without node and script) and runs the command; returns the process exit code. */
export interface ProgramOutput {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processOutput: ProgramOutput = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

export async function runProgram(argv: string[], actions: CliActions, out: ProgramOutput = processOutput): Promise<number> {
  const { program, exitCode } = buildProgram(actions, out);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
    const command = findCommand(program, argv);
    out.stderr(`${e.message.split('\n')[0]}\n`);
    out.stderr(`Usage: ${commandPath(command)} ${command.usage()}\n`);
    out.stderr(`Run '${commandPath(command)} --help' for all options.\n`);
    return 2;
  }
}

function findCommand(program: Command, argv: string[]): Command {
  const sub = program.commands.find((c) => argv.includes(c.name()));
  return sub ?? program;
}

function commandPath(command: Command): string {
  return command.parent ? `${command.parent.name()} ${command.name()}` : command.name();
}
