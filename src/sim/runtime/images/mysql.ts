// mysql: the entrypoint refuses to start without a root password option (its real message, exit 1);
// otherwise a few seconds of initialisation, then `ready for connections` on :3306.

import { handleSignals, type Program, type Proc } from '../process/program.js';
import { Signalled, sleep, waitForever } from '../process/task.js';
import { DEFAULT_PATH, type ImageDefinition } from './image.js';
import { entrypointScript } from './entrypoint-script.js';

const VERSION = '9.1.0';

function stamp(proc: Proc): string {
  return new Date(proc.host.context.clock.wallTime()).toISOString().replace(/\.\d+Z$/, '+00:00').replace('T', ' ');
}

function serverStamp(proc: Proc): string {
  return new Date(proc.host.context.clock.wallTime()).toISOString().replace(/Z$/, '000Z');
}

const entrypoint = entrypointScript({
  path: '/usr/local/bin/docker-entrypoint.sh',
  execLine: 420,
  *prepare(proc, args) {
    if (args[0] !== 'mysqld') return undefined;
    const note = (text: string) => proc.stdout(`${stamp(proc)} [Note] [Entrypoint]: ${text}\n`);
    note(`Entrypoint script for MySQL Server ${VERSION}-1.el9 started.`);
    note("Switching to dedicated user 'mysql'");
    note(`Entrypoint script for MySQL Server ${VERSION}-1.el9 started.`);
    const env = proc.env;
    if (!env.get('MYSQL_ROOT_PASSWORD') && !env.get('MYSQL_ALLOW_EMPTY_PASSWORD') && !env.get('MYSQL_RANDOM_ROOT_PASSWORD')) {
      proc.stderr(
        `${stamp(proc)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`,
      );
      return 1;
    }
    note('Initializing database files');
    yield* sleep(4000);
    note('Database files initialized');
    note('Starting temporary server');
    note('Temporary server started.');
    if (env.get('MYSQL_DATABASE')) note(`Creating database ${env.get('MYSQL_DATABASE')}`);
    note('Stopping temporary server');
    yield* sleep(1000);
    note('Temporary server stopped');
    proc.stdout('\n');
    note('MySQL init process done. Ready for start up.');
    proc.stdout('\n');
    return undefined;
  },
});

const mysqld: Program = function* (proc) {
  handleSignals(proc);
  const system = (text: string) => proc.stderr(`${serverStamp(proc)} 0 [System] [MY-0${text}\n`);
  system(`10116] [Server] /usr/sbin/mysqld (mysqld ${VERSION}) starting as process 1`);
  system('13576] [InnoDB] InnoDB initialization has started.');
  system('13577] [InnoDB] InnoDB initialization has ended.');
  if (!proc.host.listen(3306, () => ({ status: 200, headers: {}, body: '' }))) {
    proc.stderr(`${serverStamp(proc)} 0 [ERROR] [MY-010262] [Server] Can't start server: Bind on TCP/IP port: Address already in use\n`);
    return 1;
  }
  system(`11323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`);
  system(`10931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${VERSION}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`);
  try {
    return yield* waitForever();
  } catch (error) {
    if (!(error instanceof Signalled)) throw error;
    system(`13172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${VERSION}).`);
    system(`10910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${VERSION})  MySQL Community Server - GPL.`);
    return 0;
  }
};

export const mysql: ImageDefinition = {
  repositories: ['mysql'],
  sizeBytes: 601_882_624,
  flavour: 'debian',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  env: [['PATH', DEFAULT_PATH], ['MYSQL_MAJOR', 'innovation'], ['MYSQL_VERSION', `${VERSION}-1.el9`]],
  programs: { mysqld, 'docker-entrypoint.sh': entrypoint, '/usr/local/bin/docker-entrypoint.sh': entrypoint },
};
