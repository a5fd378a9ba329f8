// hashicorp/http-echo: a static Go binary (FROM scratch, ENTRYPOINT ["/http-echo"]) that answers every path
// with its `-text` and a newline. Pods give it flags through `args` (`-text=hello`, `-listen=:8080`); Go's
// flag package reads `-name=value`, `--name=value` and `-name value`. It logs through Go's log package (stderr)
// — its start line, then one line per request — and shuts down cleanly on TERM or INT.

import { handleSignals, type Proc, type Program } from '../process/program.js';
import { Signalled, sleep, waitForever, type Task } from '../process/task.js';
import type { HttpRequest, HttpResponse } from '../types.js';
import type { ImageDefinition } from './image.js';
import { slashTime } from './log-time.js';

const VERSION = '0.2.3';

interface Flags {
  listen: string;
  text: string;
  version: boolean;
  statusCode: number;
  rest: string[];
}

const STRING_FLAGS = new Set(['listen', 'text', 'status-code']);

/** Go's flag.Parse over http-echo's flags; a string is the message Go prints before the usage (exit 2). */
function parseFlags(args: string[]): Flags | string {
  const flags: Flags = { listen: ':5678', text: '', version: false, statusCode: 200, rest: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let value = eq < 0 ? undefined : body.slice(eq + 1);
    if (name === 'version') {
      flags.version = value === undefined || value === 'true' || value === '1';
      continue;
    }
    if (!STRING_FLAGS.has(name)) return `flag provided but not defined: -${name}`;
    if (value === undefined) {
      if (i + 1 >= args.length) return `flag needs an argument: -${name}`;
      value = args[++i]!;
    }
    if (name === 'listen') flags.listen = value;
    else if (name === 'text') flags.text = value;
    else {
      const code = Number.parseInt(value, 10);
      if (!/^[+-]?\d+$/.test(value)) return `invalid value "${value}" for flag -status-code: parse error`;
      flags.statusCode = code;
    }
  }
  flags.rest = args.slice(i);
  return flags;
}

const USAGE = `Usage of /http-echo:
  -listen string
    \taddress and port to listen (default ":5678")
  -status-code int
    \thttp response code, e.g.: 200 (default 200)
  -text string
    \ttext to put on the webpage
  -version
    \tdisplay version information
`;

function goLog(proc: Proc, message: string): void {
  proc.stderr(`${slashTime(proc.host.context.clock.wallTime())} ${message}\n`);
}

/** `:5678`, `0.0.0.0:8080`, `127.0.0.1:8080` → the port; undefined when there is none. */
function portOf(listen: string): number | undefined {
  const match = /:(\d+)$/.exec(listen);
  const port = match ? Number.parseInt(match[1]!, 10) : NaN;
  return port > 0 && port < 65536 ? port : undefined;
}

const APP_HEADERS = { 'x-app-name': 'http-echo', 'x-app-version': VERSION };

function answer(flags: Flags, listen: string, proc: Proc) {
  return (request: HttpRequest): HttpResponse => {
    if (request.path === '/health' || request.path.startsWith('/health?')) {
      const body = '{"status":"ok"}';
      return { status: 200, headers: { ...APP_HEADERS, 'content-type': 'application/json', 'content-length': String(body.length) }, body };
    }
    const body = `${flags.text}\n`;
    const bytes = Buffer.byteLength(body);
    const host = request.headers.host ?? listen;
    const ua = request.headers['user-agent'] ?? '';
    goLog(proc, `${host} ${request.remoteAddress}:${40000 + Math.floor(proc.host.context.random() * 20000)} "${request.method} ${request.path} HTTP/1.1" ${flags.statusCode} ${bytes} "${ua}" 42.1µs`);
    return { status: flags.statusCode, headers: { ...APP_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': String(bytes) }, body };
  };
}

function* serve(proc: Proc, flags: Flags): Task<number> {
  // a static binary: up in a fraction of a second
  yield* sleep(50 + Math.floor(proc.host.context.random() * 100));
  goLog(proc, `[INFO] server is listening on ${flags.listen}`);
  const port = portOf(flags.listen);
  if (port === undefined) {
    goLog(proc, `[ERR] server exited: listen tcp: address ${flags.listen}: missing port in address`);
    return 1;
  }
  if (!proc.host.listen(port, answer(flags, flags.listen, proc))) {
    goLog(proc, `[ERR] server exited: listen tcp ${flags.listen}: bind: address already in use`);
    return 1;
  }
  try {
    return yield* waitForever();
  } catch (error) {
    if (error instanceof Signalled && (error.signal === 'TERM' || error.signal === 'INT')) {
      goLog(proc, '[INFO] received interrupt, shutting down...');
      return 0;
    }
    throw error;
  }
}

const httpEcho: Program = function* (proc, argv) {
  handleSignals(proc);
  const flags = parseFlags(argv.slice(1));
  if (typeof flags === 'string') {
    proc.stderr(`${flags}\n${USAGE}`);
    return 2;
  }
  if (flags.version) {
    proc.stdout(`http-echo v${VERSION}\n`);
    return 0;
  }
  if (flags.text === '') {
    proc.stderr('Missing -text option!\n');
    return 127;
  }
  if (flags.rest.length > 0) {
    proc.stderr('Too many arguments!\n');
    return 127;
  }
  return yield* serve(proc, flags);
};

export const hashicorpHttpEcho: ImageDefinition = {
  repositories: ['hashicorp/http-echo'],
  sizeBytes: 3_921_016,
  flavour: 'distroless',
  entrypoint: ['/http-echo'],
  programs: { '/http-echo': httpEcho },
};
