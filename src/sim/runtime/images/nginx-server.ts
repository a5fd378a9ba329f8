// nginx as a program: reads /etc/nginx/conf.d/*.conf, binds its ports, serves files or proxies over the
// Pod network, writes the access log (combined format plus X-Forwarded-For, the images' `main`) to stdout
// and the error log to stderr, and shuts down on TERM (fast) or QUIT (graceful) with status 0.

import { handleSignals, type ProcessEntry, type Program, type Proc } from '../process/program.js';
import { exitWith, PARK, Signalled, sleep, type SignalName, type Task } from '../process/task.js';
import { ConnectionRefused, type HttpRequest, type HttpResponse } from '../types.js';
import { resolvePath } from '../filesystem.js';
import { nginxLocalTime, perSecond, slashTime } from './log-time.js';
import { parseNginxConfig, type NginxLocation, type NginxServer } from './nginx-config.js';
import { deepFreeze } from '../../deep-freeze.js';

export interface NginxBuild {
  version: string;
  /** The official image logs `[notice]` lines (error_log … notice); older images only warnings and worse. */
  notices: boolean;
  /** musl (Alpine) and glibc word errno 98 differently. */
  libc: 'musl' | 'glibc';
  builtBy: string;
  /** Worker pids, as its logs and ps show them. */
  workers: number[];
}

function errorPage(status: number, title: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** A line of the error log: `2026/11/28 21:03:12 [notice] 1#1: message`. */
function errorLine(ms: number, level: string, message: string, pid = 1): string {
  return `${slashTime(ms)} [${level}] ${pid}#${pid}: ${message}\n`;
}

/**
 * The notices every nginx of a build logs while starting (the same lines for all started in one second), and
 * what ps shows of it then: made once per build, not once per container.
 */
interface StartupNotices {
  opening(ms: number): string;
  workers(ms: number): string;
  /** `nginx: master process` and the command line, shared by every nginx started with the same one. */
  masterTitle(argv: readonly string[]): readonly string[];
  workerEntries: readonly ProcessEntry[];
}

/** What ps shows for every worker. */
const WORKER_ARGV: readonly string[] = deepFreeze(['nginx: worker process']);

function sameArgv(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function startupNotices(build: NginxBuild): StartupNotices {
  const opening = ['using the "epoll" event method', `nginx/${build.version}`, `built by ${build.builtBy}`, 'OS: Linux 6.8.0-1015-kubesim', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576'];
  const workers = ['start worker processes', ...build.workers.map((pid) => `start worker process ${pid}`)];
  let lastArgv: readonly string[] = [];
  let lastTitle: readonly string[] = [];
  return {
    opening: perSecond((ms) => opening.map((m) => errorLine(ms, 'notice', m)).join('')),
    workers: perSecond((ms) => workers.map((m) => errorLine(ms, 'notice', m)).join('')),
    masterTitle(argv) {
      if (!sameArgv(argv, lastArgv)) {
        lastArgv = deepFreeze([...argv]);
        lastTitle = deepFreeze(['nginx: master process', ...argv]);
      }
      return lastTitle;
    },
    workerEntries: deepFreeze(build.workers.map((pid) => ({ pid, argv: WORKER_ARGV, user: 'nginx' }))),
  };
}

/**
 * A running nginx's master process: what its request handlers and its shutdown need, and nothing of its
 * start-up (thousands run at once and each keeps this for its lifetime).
 */
class NginxMaster {
  private connection = 0;

  constructor(
    readonly proc: Proc,
    readonly build: NginxBuild,
    private readonly notices: StartupNotices,
  ) {}

  errorLog(level: string, message: string, pid = 1): void {
    this.proc.stderr(errorLine(this.proc.host.context.clock.wallTime(), level, message, pid));
  }

  private emerg(message: string): void {
    this.errorLog('emerg', message);
    this.proc.stderr(`nginx: [emerg] ${message}\n`);
  }

  /** Reads conf.d and logs the opening notices; undefined (after the `[emerg]`) when the config is wrong. */
  configure(): NginxServer[] | undefined {
    const fs = this.proc.host.fs;
    const confDir = '/etc/nginx/conf.d';
    const files = fs
      .list(confDir)
      .filter((n) => n.endsWith('.conf'))
      .map((n): [string, string] => [`${confDir}/${n}`, fs.readFile(`${confDir}/${n}`)]);
    const config = parseNginxConfig(files);
    if ('error' in config) {
      this.emerg(config.error);
      return undefined;
    }
    if (this.build.notices) this.proc.stderr(this.notices.opening(this.proc.host.context.clock.wallTime()));
    return config.servers;
  }

  /** Binds every server's ports in order; where a port was taken, undefined when all are bound. */
  bindAtOnce(servers: NginxServer[]): PortAt | undefined {
    for (let s = 0; s < servers.length; s++) {
      const ports = servers[s]!.ports;
      for (let p = 0; p < ports.length; p++) if (!this.listen(servers[s]!, ports[p]!)) return { server: s, port: p };
    }
    return undefined;
  }

  /**
   * From the port `taken` on (its first try failed): nginx tries each port five times, half a second apart,
   * before it gives up. Only this path waits, so a server whose ports are free keeps no frame of it.
   */
  *bindRetrying(servers: NginxServer[], taken: PortAt): Task<boolean> {
    const inUse = this.build.libc === 'musl' ? 'Address in use' : 'Address already in use';
    for (let s = taken.server; s < servers.length; s++) {
      const server = servers[s]!;
      for (let p = s === taken.server ? taken.port : 0; p < server.ports.length; p++) {
        const port = server.ports[p]!;
        const failedOnce = s === taken.server && p === taken.port;
        let bound = false;
        for (let attempt = 0; attempt < 5 && !bound; attempt++) {
          bound = failedOnce && attempt === 0 ? false : this.listen(server, port);
          if (!bound) {
            this.emerg(`bind() to 0.0.0.0:${port} failed (98: ${inUse})`);
            yield* sleep(500);
          }
        }
        if (!bound) {
          this.emerg('still could not bind()');
          return false;
        }
      }
    }
    return true;
  }

  private listen(server: NginxServer, port: number): boolean {
    return this.proc.host.listen(port, (request) => this.handle(server, request));
  }

  startWorkers(argv: string[]): void {
    const { proc, build, notices } = this;
    if (build.notices) proc.stderr(notices.workers(proc.host.context.clock.wallTime()));
    proc.host.setTitle(proc.pid, notices.masterTitle(argv));
    proc.host.addProcesses(notices.workerEntries);
  }

  handle(server: NginxServer, request: HttpRequest): HttpResponse {
    return handle(this.proc, this.build, server, request, ++this.connection, (level, message, pid) => this.errorLog(level, message, pid));
  }

  shutdown(signal: SignalName): void {
    if (!this.build.notices) return;
    const workers = this.build.workers;
    if (signal === 'QUIT') {
      this.errorLog('notice', 'signal 3 (SIGQUIT) received, shutting down');
      for (const pid of workers) this.errorLog('notice', 'gracefully shutting down', pid);
      for (const pid of workers) this.errorLog('notice', 'exiting', pid);
      for (const pid of workers) this.errorLog('notice', 'exit', pid);
    } else {
      this.errorLog('notice', `signal ${signal === 'TERM' ? '15 (SIGTERM)' : '2 (SIGINT)'} received, exiting`);
      for (const pid of workers) this.errorLog('notice', 'exiting', pid);
      for (const pid of workers) this.errorLog('notice', 'exit', pid);
    }
    this.errorLog('notice', 'signal 17 (SIGCHLD) received from 29');
    for (const pid of workers) this.errorLog('notice', `worker process ${pid} exited with code 0`);
    this.errorLog('notice', 'exit');
  }
}

/** A port by its place in the config: server index, port index. */
interface PortAt {
  server: number;
  port: number;
}

/**
 * Starts nginx at once, as far as it goes without waiting; its task is then only the master's wait for a
 * signal, the one frame that stays suspended for as long as nginx runs (plus a frame for retrying a taken
 * port, on that path only).
 */
function serve(proc: Proc, argv: string[], build: NginxBuild, notices: StartupNotices): Task<number> {
  handleSignals(proc);
  const master = new NginxMaster(proc, build, notices);
  const servers = master.configure();
  if (!servers) return exitWith(1);
  const taken = master.bindAtOnce(servers);
  if (taken) return bindThenServe(master, servers, taken, argv);
  master.startWorkers(argv);
  return untilSignalled(master);
}

function* bindThenServe(master: NginxMaster, servers: NginxServer[], taken: PortAt, argv: string[]): Task<number> {
  if (!(yield* master.bindRetrying(servers, taken))) return 1;
  master.startWorkers(argv);
  return yield* untilSignalled(master);
}

function* untilSignalled(master: NginxMaster): Task<number> {
  try {
    for (;;) yield PARK;
  } catch (error) {
    if (!(error instanceof Signalled)) throw error;
    master.shutdown(error.signal);
    return 0;
  }
}

function matchLocation(server: NginxServer, path: string): NginxLocation | undefined {
  let best: NginxLocation | undefined;
  for (const l of server.locations) if (path.startsWith(l.prefix) && (!best || l.prefix.length > best.prefix.length)) best = l;
  return best;
}

/** One request as nginx's handlers see it: what it logs errors with, and how it renders its error pages. */
interface Exchange {
  proc: Proc;
  build: NginxBuild;
  server: NginxServer;
  request: HttpRequest;
  connection: number;
  requestLine: string;
  host: string;
  /** An `[error]` line from the worker, with nginx's `, client: …, server: …, request: …` context. */
  error(message: string, context?: string): void;
  page(status: number, title: string): HttpResponse;
}

function handle(
  proc: Proc,
  build: NginxBuild,
  server: NginxServer,
  request: HttpRequest,
  connection: number,
  errorLog: (level: string, message: string, pid?: number) => void,
): HttpResponse {
  const requestLine = `${request.method} ${request.path} HTTP/1.1`;
  const host = request.headers.host ?? server.serverName;
  const ex: Exchange = {
    proc, build, server, request, connection, requestLine, host,
    error: (message, context = '') =>
      errorLog('error', `*${connection} ${message}, client: ${request.remoteAddress}, server: ${server.serverName}, request: "${requestLine}"${context}, host: "${host}"`, build.workers[0]),
    page: (status, title) => ({ status, headers: { 'content-type': 'text/html', server: `nginx/${build.version}` }, body: errorPage(status, title, build.version) }),
  };
  const path = request.path.split('?')[0]!;
  const location = matchLocation(server, path);
  let response: HttpResponse;
  if (!location) response = ex.page(404, 'Not Found');
  else if (location.returnStatus !== undefined) response = { status: location.returnStatus, headers: { 'content-type': 'text/plain' }, body: location.returnBody ?? '' };
  else if (location.proxyPass) response = proxy(ex, location, location.proxyPass);
  else response = serveFile(ex, location, path);
  const bytes = request.method === 'HEAD' ? 0 : Buffer.byteLength(response.body);
  const ua = request.headers['user-agent'] ?? '-';
  proc.stdout(`${request.remoteAddress} - - [${nginxLocalTime(proc.host.context.clock.wallTime())}] "${requestLine}" ${response.status} ${bytes} "${request.headers.referer ?? '-'}" "${ua}" "${request.headers['x-forwarded-for'] ?? '-'}"\n`);
  return response;
}

function proxy(ex: Exchange, location: NginxLocation, upstream: NonNullable<NginxLocation['proxyPass']>): HttpResponse {
  const { request } = ex;
  const path = upstream.path ? upstream.path + request.path.slice(location.prefix.length) : request.path;
  try {
    const response = ex.proc.host.context.network.request(upstream.host, upstream.port, {
      method: request.method,
      path,
      headers: { ...request.headers, host: upstream.port === 80 ? upstream.host : `${upstream.host}:${upstream.port}`, connection: 'close' },
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    return { ...response, headers: { ...response.headers, server: `nginx/${ex.build.version}` } };
  } catch (error) {
    const address = upstream.host === 'localhost' ? '127.0.0.1' : upstream.host;
    const why = error instanceof ConnectionRefused ? 'connect() failed (111: Connection refused)' : `${upstream.host} could not be resolved (3: Host not found)`;
    ex.error(`${why} while connecting to upstream`, `, upstream: "http://${address}:${upstream.port}${path}"`);
    return ex.page(502, 'Bad Gateway');
  }
}

function serveFile(ex: Exchange, location: NginxLocation, path: string): HttpResponse {
  const fs = ex.proc.host.fs;
  const full = resolvePath('/', `${location.root ?? '/usr/share/nginx/html'}/${path}`);
  let file = full;
  let stat = fs.stat(full);
  if (stat?.kind === 'dir') {
    const index = location.index.map((name) => resolvePath(full, name)).find((p) => fs.stat(p)?.kind === 'file');
    if (!index) return ex.page(403, 'Forbidden');
    file = index;
    stat = fs.stat(index);
  }
  if (stat?.kind !== 'file') {
    ex.error(`open() "${full}" failed (2: No such file or directory)`);
    return ex.page(404, 'Not Found');
  }
  const type = file.endsWith('.html') || file.endsWith('.htm') ? 'text/html' : file.endsWith('.json') ? 'application/json' : 'text/plain';
  return { status: 200, headers: { 'content-type': type, server: `nginx/${ex.build.version}`, 'content-length': String(Buffer.byteLength(stat.content)) }, body: stat.content };
}

/** The `nginx` executable: `-g 'daemon off;'` runs it, `-t` checks the config, `-v` tells the version. */
export function nginxProgram(build: NginxBuild): Program {
  const notices = startupNotices(build);
  // serving is the server's own task, with no frame of this dispatch kept alive above it
  return (proc, argv) => (serves(argv) ? serve(proc, argv, build, notices) : nginxCommand(proc, argv, build));
}

/** Without `daemon off;` nginx forks into the background and the foreground process is done at once. */
function serves(argv: string[]): boolean {
  return !argv.some((a) => a === '-v' || a === '-V' || a === '-t' || a === '-T' || a === '-s') && argv.some((a) => /daemon\s+off/.test(a));
}

function* nginxCommand(proc: Proc, argv: string[], build: NginxBuild): Task<number> {
  if (argv.includes('-v') || argv.includes('-V')) {
    proc.stderr(`nginx version: nginx/${build.version}\n`);
    return 0;
  }
  if (argv.includes('-t') || argv.includes('-T')) {
    const conf = '/etc/nginx/nginx.conf';
    const files = proc.host.fs.list('/etc/nginx/conf.d').map((n): [string, string] => [`/etc/nginx/conf.d/${n}`, proc.host.fs.readFile(`/etc/nginx/conf.d/${n}`)]);
    const config = parseNginxConfig(files);
    if ('error' in config) {
      proc.stderr(`nginx: [emerg] ${config.error}\nnginx: configuration file ${conf} test failed\n`);
      return 1;
    }
    proc.stderr(`nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`);
    return 0;
  }
  return 0;
}
