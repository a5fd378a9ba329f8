// httpd (Apache): the AH00558 ServerName warnings, `resuming normal operations`, `It works!` on :80,
// common-log-format access lines; STOPSIGNAL SIGWINCH is a graceful stop (exit 0).

import { handleSignals, type Program, type Proc } from '../process/program.js';
import { Signalled, waitForever } from '../process/task.js';
import { DEFAULT_PATH, type ImageDefinition } from './image.js';
import { nginxLocalTime } from './log-time.js';

const VERSION = '2.4.62';
const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

function apacheTime(proc: Proc): string {
  const d = new Date(proc.host.context.clock.wallTime());
  const day = d.toUTCString().slice(0, 3);
  const month = d.toUTCString().slice(8, 11);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000 ${d.getUTCFullYear()}`;
}

const httpdForeground: Program = function* (proc) {
  handleSignals(proc);
  const ip = proc.host.context.network.podIP;
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  proc.stderr(fqdn + fqdn);
  const notice = (module: string, text: string) => proc.stderr(`[${apacheTime(proc)}] [${module}:notice] [pid 1:tid 1] ${text}\n`);
  const ok = proc.host.listen(80, (request) => {
    const found = request.path === '/' || request.path === '/index.html';
    const body = found ? IT_WORKS : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
    proc.stdout(`${request.remoteAddress} - - [${nginxLocalTime(proc.host.context.clock.wallTime())}] "${request.method} ${request.path} HTTP/1.1" ${found ? 200 : 404} ${Buffer.byteLength(body)}\n`);
    return { status: found ? 200 : 404, headers: { 'content-type': 'text/html', server: `Apache/${VERSION} (Unix)` }, body };
  });
  if (!ok) {
    proc.stderr('(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n');
    return 1;
  }
  notice('mpm_event', `AH00489: Apache/${VERSION} (Unix) configured -- resuming normal operations`);
  notice('core', "AH00094: Command line: 'httpd -D FOREGROUND'");
  try {
    return yield* waitForever();
  } catch (error) {
    if (!(error instanceof Signalled)) throw error;
    notice('mpm_event', 'AH00492: caught SIGWINCH, shutting down gracefully');
    return 0;
  }
};

export const httpd: ImageDefinition = {
  repositories: ['httpd'],
  sizeBytes: 148_045_824,
  flavour: 'debian',
  cmd: ['httpd-foreground'],
  workingDir: '/usr/local/apache2',
  env: [['PATH', `/usr/local/apache2/bin:${DEFAULT_PATH}`], ['HTTPD_VERSION', VERSION]],
  files: { '/usr/local/apache2/htdocs/index.html': IT_WORKS },
  programs: { 'httpd-foreground': httpdForeground },
};
