// The official nginx image: docker-entrypoint.sh's start lines on stdout, nginx's notices on stderr,
// the welcome page on :80, STOPSIGNAL SIGQUIT (a graceful shutdown that exits 0).

import { entrypointScript } from './entrypoint-script.js';
import type { ImageDefinition } from './image.js';
import { nginxProgram } from './nginx-server.js';

const VERSION = '1.27.3';
const nginx = nginxProgram({ version: VERSION, notices: true, libc: 'glibc', workers: [29, 30, 31, 32], builtBy: 'gcc 12.2.0 (Debian 12.2.0-14)' });

const WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/** What docker-entrypoint.sh prints on its way to starting nginx: the same every time, so made once. */
const CONFIGURATION_STEPS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
]
  .map((line) => `${line}\n`)
  .join('');

/** The entrypoint prints its configuration steps when it is about to start nginx, then execs its arguments. */
const dockerEntrypoint = entrypointScript({
  path: '/docker-entrypoint.sh',
  execLine: 47,
  announce(proc, args) {
    if (args[0] === 'nginx' || args[0] === 'nginx-debug') proc.stdout(CONFIGURATION_STEPS);
    return undefined;
  },
});

export const officialNginx: ImageDefinition = {
  repositories: ['nginx'],
  sizeBytes: 191_670_474,
  flavour: 'debian',
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['NGINX_VERSION', VERSION],
    ['NJS_VERSION', '0.8.7'],
    ['PKG_RELEASE', '1~bookworm'],
  ],
  stopSignal: 'QUIT',
  files: {
    '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
    '/usr/share/nginx/html/index.html': WELCOME,
    '/usr/share/nginx/html/50x.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
    '/docker-entrypoint.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n',
  },
  programs: { nginx, '/docker-entrypoint.sh': dockerEntrypoint },
  extraCommands: ['curl'],
};
