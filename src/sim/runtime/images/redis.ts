// redis: the start banner lines, :6379, `Ready to accept connections tcp`; a graceful save-and-exit on
// TERM; `redis-cli` (ping, set, get, del, incr, keys) talking to it over the Pod network, so that
// `redis-cli ping` works as an exec probe.

import { handleSignals, type Program, type Proc } from '../process/program.js';
import { Signalled, waitForever, type Task } from '../process/task.js';
import { ConnectionRefused, type HttpRequest, type HttpResponse } from '../types.js';
import { DEFAULT_PATH, type ImageDefinition } from './image.js';
import { redisTime } from './log-time.js';
import { entrypointScript } from './entrypoint-script.js';

const VERSION = '7.4.1';
/** The verb redis-cli's requests carry over the simulated network (it is not HTTP). */
const REDIS_VERB = 'REDIS';

function reply(data: Map<string, string>, argv: string[]): string {
  const [command = '', ...args] = argv;
  switch (command.toLowerCase()) {
    case 'ping':
      return args[0] ?? 'PONG';
    case 'set':
      if (args.length < 2) return `(error) ERR wrong number of arguments for 'set' command`;
      data.set(args[0]!, args[1]!);
      return 'OK';
    case 'get':
      return data.has(args[0] ?? '') ? `"${data.get(args[0]!)}"` : '(nil)';
    case 'del': {
      let n = 0;
      for (const k of args) if (data.delete(k)) n++;
      return `(integer) ${n}`;
    }
    case 'incr': {
      const n = Number(data.get(args[0] ?? '') ?? '0') + 1;
      data.set(args[0]!, String(n));
      return `(integer) ${n}`;
    }
    case 'keys':
      return data.size === 0 ? '(empty array)' : [...data.keys()].map((k, i) => `${i + 1}) "${k}"`).join('\n');
    case 'dbsize':
      return `(integer) ${data.size}`;
    default:
      return `(error) ERR unknown command '${command}', with args beginning with: ${args.map((a) => `'${a}' `).join('')}`;
  }
}

function* redisServer(proc: Proc): Task<number> {
  handleSignals(proc);
  const clock = proc.host.context.clock;
  const log = (role: string, mark: string, text: string) => proc.stdout(`1:${role} ${redisTime(clock.wallTime())} ${mark} ${text}\n`);
  log('C', '#', "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
  log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('C', '*', `Redis version=${VERSION}, bits=64, commit=00000000, modified=0, pid=1, just started`);
  log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  log('M', '*', 'monotonic clock: POSIX clock_gettime');
  const data = new Map<string, string>();
  const handler = (request: HttpRequest): HttpResponse => {
    if (request.method === REDIS_VERB) return { status: 200, headers: {}, body: reply(data, JSON.parse(request.body ?? '[]') as string[]) };
    log('M', '#', `Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection from ${request.remoteAddress}:48312 aborted.`);
    return { status: 200, headers: {}, body: `-ERR wrong number of arguments for '${request.method.toLowerCase()}' command\r\n` };
  };
  if (!proc.host.listen(6379, handler)) {
    log('M', '#', 'Warning: Could not create server TCP listening socket *:6379: bind: Address already in use');
    log('M', '#', 'Failed listening on port 6379 (tcp), aborting.');
    return 1;
  }
  log('M', '*', 'Running mode=standalone, port=6379.');
  log('M', '*', 'Server initialized');
  log('M', '*', 'Ready to accept connections tcp');
  try {
    return yield* waitForever();
  } catch (error) {
    if (!(error instanceof Signalled)) throw error;
    proc.stdout(`1:signal-handler (${Math.floor(clock.wallTime() / 1000)}) Received SIG${error.signal} scheduling shutdown...\n`);
    log('M', '*', 'User requested shutdown...');
    log('M', '*', 'Saving the final RDB snapshot before exiting.');
    log('M', '*', 'DB saved on disk');
    log('M', '#', 'Redis is now ready to exit, bye bye...');
    return 0;
  }
}

const redisCli: Program = function* (proc, argv) {
  let host = '127.0.0.1';
  let port = 6379;
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '-h') host = argv[++i] ?? host;
    else if (argv[i] === '-p') port = Number(argv[++i] ?? port);
    else args.push(argv[i]!);
  }
  if (args.length === 0) args.push('ping');
  try {
    const response = proc.host.context.network.request(host, port, { method: REDIS_VERB, path: '/', headers: {}, body: JSON.stringify(args) });
    // a real redis-cli prints bare values when stdout is not a terminal
    const text = proc.columns === undefined ? response.body.replace(/^"(.*)"$/s, '$1').replace(/^\(integer\) /, '') : response.body;
    proc.stdout(`${text}\n`);
    return response.body.startsWith('(error)') ? 1 : 0;
  } catch (error) {
    const why = error instanceof ConnectionRefused ? 'Connection refused' : 'Name or service not known';
    proc.stderr(`Could not connect to Redis at ${host}:${port}: ${why}\n`);
    return 1;
  }
};

const redisServerProgram: Program = function* (proc, argv) {
  if (argv.includes('--version') || argv.includes('-v')) {
    proc.stdout(`Redis server v=${VERSION} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=0\n`);
    return 0;
  }
  return yield* redisServer(proc);
};

const entrypoint = entrypointScript({ path: '/usr/local/bin/docker-entrypoint.sh', execLine: 16 });

export const redis: ImageDefinition = {
  repositories: ['redis'],
  sizeBytes: 117_342_720,
  flavour: 'debian',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  workingDir: '/data',
  env: [['PATH', DEFAULT_PATH], ['REDIS_VERSION', VERSION]],
  programs: { 'redis-server': redisServerProgram, 'redis-cli': redisCli, 'docker-entrypoint.sh': entrypoint, '/usr/local/bin/docker-entrypoint.sh': entrypoint },
};
