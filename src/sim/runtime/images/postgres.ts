// postgres: without POSTGRES_PASSWORD the entrypoint refuses to initialise (its real message, exit 1);
// with it, initdb's output, the temporary server, then `database system is ready to accept connections`
// on :5432. `pg_isready` answers exec probes. TERM is a smart shutdown (exit 0).

import { handleSignals, type Program, type Proc } from '../process/program.js';
import { Signalled, sleep, waitForever, type Task } from '../process/task.js';
import { DEFAULT_PATH, type ImageDefinition } from './image.js';
import { isoLogTime } from './log-time.js';
import { entrypointScript } from './entrypoint-script.js';

const VERSION = '17.2';
const BUILD = `PostgreSQL ${VERSION} (Debian ${VERSION}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;

const NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const INITDB = `The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory /var/lib/postgresql/data ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default "max_connections" ... 100
selecting default "shared_buffers" ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D /var/lib/postgresql/data -l logfile start

`;

function logger(proc: Proc): (pid: number, text: string) => void {
  return (pid, text) => proc.stderr(`${isoLogTime(proc.host.context.clock.wallTime())} [${pid}] LOG:  ${text}\n`);
}

const initialise = entrypointScript({
  path: '/usr/local/bin/docker-entrypoint.sh',
  execLine: 387,
  *prepare(proc, args) {
    if (args[0] !== 'postgres') return undefined;
    const password = proc.env.get('POSTGRES_PASSWORD') ?? '';
    if (!password && proc.env.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
      proc.stderr(NO_PASSWORD);
      return 1;
    }
    const log = logger(proc);
    yield* sleep(1500);
    proc.stdout(INITDB);
    proc.stderr('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
    proc.stdout('waiting for server to start....');
    log(48, `starting ${BUILD}`);
    log(48, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
    log(51, `database system was shut down at ${isoLogTime(proc.host.context.clock.wallTime())}`);
    log(48, 'database system is ready to accept connections');
    proc.stdout(' done\nserver started\n');
    if (proc.env.get('POSTGRES_DB')) proc.stdout('CREATE DATABASE\n');
    proc.stdout('\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\n');
    yield* sleep(500);
    proc.stdout('waiting for server to shut down...');
    log(48, 'received fast shutdown request');
    log(48, 'aborting any active transactions');
    log(48, 'background worker "logical replication launcher" (PID 54) exited with exit code 1');
    log(49, 'shutting down');
    log(48, 'database system is shut down');
    proc.stdout(' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n');
    return undefined;
  },
});

function* server(proc: Proc): Task<number> {
  handleSignals(proc);
  const log = logger(proc);
  log(1, `starting ${BUILD}`);
  if (!proc.host.listen(5432, () => ({ status: 200, headers: {}, body: '' }))) {
    log(1, 'could not bind IPv4 address "0.0.0.0": Address already in use');
    proc.stderr(`${isoLogTime(proc.host.context.clock.wallTime())} [1] FATAL:  could not create any TCP/IP sockets\n`);
    return 1;
  }
  log(1, 'listening on IPv4 address "0.0.0.0", port 5432');
  log(1, 'listening on IPv6 address "::", port 5432');
  log(1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  log(62, `database system was shut down at ${isoLogTime(proc.host.context.clock.wallTime())}`);
  log(1, 'database system is ready to accept connections');
  try {
    return yield* waitForever();
  } catch (error) {
    if (!(error instanceof Signalled)) throw error;
    log(1, `received ${error.signal === 'INT' ? 'fast' : 'smart'} shutdown request`);
    log(1, 'background worker "logical replication launcher" (PID 65) exited with exit code 1');
    log(60, 'shutting down');
    log(1, 'database system is shut down');
    return 0;
  }
}

const postgresProgram: Program = function* (proc, argv) {
  if (argv.includes('--version') || argv.includes('-V')) {
    proc.stdout(`postgres (PostgreSQL) ${VERSION} (Debian ${VERSION}-1.pgdg120+1)\n`);
    return 0;
  }
  return yield* server(proc);
};

const pgIsready: Program = function* (proc, argv) {
  let host = '';
  let port = 5432;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '-h') host = argv[++i] ?? '';
    else if (argv[i] === '-p') port = Number(argv[++i]);
  }
  const up = proc.host.context.network.connect(host || '127.0.0.1', port);
  const where = host ? `${host}:${port}` : `/var/run/postgresql:${port}`;
  proc.stdout(`${where} - ${up ? 'accepting connections' : 'no response'}\n`);
  return up ? 0 : 2;
};

export const postgres: ImageDefinition = {
  repositories: ['postgres'],
  sizeBytes: 437_452_800,
  flavour: 'debian',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['postgres'],
  env: [['PATH', `/usr/lib/postgresql/17/bin:${DEFAULT_PATH}`], ['PG_MAJOR', '17'], ['PG_VERSION', `${VERSION}-1.pgdg120+1`], ['PGDATA', '/var/lib/postgresql/data']],
  stopSignal: 'INT',
  programs: { postgres: postgresProgram, pg_isready: pgIsready, 'docker-entrypoint.sh': initialise, '/usr/local/bin/docker-entrypoint.sh': initialise },
};
