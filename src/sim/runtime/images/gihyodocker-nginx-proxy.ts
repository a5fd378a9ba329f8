// gihyodocker/nginx-proxy (and gihyodocker/nginx, the name other printings of the book use): an
// Alpine-based nginx whose entrypoint renders BACKEND_HOST into its proxy config. Without BACKEND_HOST the
// rendered `proxy_pass http://;` makes nginx refuse to start, so the container crash-loops.

import type { ImageDefinition } from './image.js';
import { nginxProgram } from './nginx-server.js';

function defaultConf(backend: string): string {
  return `server {
    listen 80;
    server_name localhost;

    location / {
        proxy_set_header Host $host;
        proxy_pass http://${backend};
    }
}
`;
}

export const gihyodockerNginxProxy: ImageDefinition = {
  repositories: ['gihyodocker/nginx-proxy', 'gihyodocker/nginx'],
  tags: ['latest'],
  sizeBytes: 45_108_224,
  flavour: 'alpine',
  cmd: ['nginx', '-g', 'daemon off;'],
  env: [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['NGINX_VERSION', '1.13.12'],
  ],
  stopSignal: 'TERM',
  files: {
    '/etc/nginx/nginx.conf': 'user  nginx;\nworker_processes  1;\n\nerror_log  /var/log/nginx/error.log warn;\npid        /var/run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n    access_log  /var/log/nginx/access.log  main;\n    sendfile        on;\n    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n',
    '/etc/nginx/conf.d/default.conf.tmpl': defaultConf('{{ var "BACKEND_HOST" }}'),
    '/usr/share/nginx/html/index.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n',
  },
  renderFiles: (env) => ({ '/etc/nginx/conf.d/default.conf': defaultConf(env.get('BACKEND_HOST') ?? '') }),
  programs: { nginx: nginxProgram({ version: '1.13.12', notices: false, libc: 'musl', workers: [7], builtBy: 'gcc 6.4.0 (Alpine 6.4.0)' }) },
};
