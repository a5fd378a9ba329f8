// Just enough of nginx's configuration language to run the servers images and ConfigMaps describe:
// `server { listen …; location … { proxy_pass …; root …; return …; } }` and `upstream { server …; }`,
// with nginx's own error texts and `file:line` positions.

import { remember } from '../../kube-deps.js';

export interface NginxLocation {
  prefix: string;
  proxyPass?: { host: string; port: number; path: string };
  root?: string;
  index: string[];
  returnStatus?: number;
  returnBody?: string;
}

export interface NginxServer {
  ports: number[];
  serverName: string;
  locations: NginxLocation[];
}

export type NginxConfig = { servers: NginxServer[] } | { error: string };

interface Directive {
  name: string;
  args: string[];
  file: string;
  line: number;
  block?: Directive[];
}

function parseDirectives(text: string, file: string): Directive[] | string {
  const root: Directive[] = [];
  const stack: Directive[][] = [root];
  let words: string[] = [];
  let line = 1;
  let wordLine = 1;
  const re = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|(\n)|([^\s{};#"']+)|[ \t\r]+/g;
  for (const m of text.matchAll(re)) {
    if (m[4]) {
      line++;
      continue;
    }
    if (m[0].startsWith('#') || /^[ \t\r]+$/.test(m[0])) continue;
    const word = m[1] ?? m[2] ?? m[5];
    if (word !== undefined) {
      if (words.length === 0) wordLine = line;
      words.push(word);
      continue;
    }
    const punct = m[3]!;
    const current = stack[stack.length - 1]!;
    if (punct === ';') {
      if (words.length === 0) return `unexpected ";" in ${file}:${line}`;
      current.push({ name: words[0]!, args: words.slice(1), file, line: wordLine });
    } else if (punct === '{') {
      const directive: Directive = { name: words[0] ?? '', args: words.slice(1), file, line: wordLine, block: [] };
      current.push(directive);
      stack.push(directive.block!);
    } else {
      if (words.length > 0) return `unexpected "}" in ${file}:${line}`;
      if (stack.length === 1) return `unexpected "}" in ${file}:${line}`;
      stack.pop();
    }
    words = [];
  }
  if (stack.length > 1 || words.length > 0) return `unexpected end of file, expecting "}" in ${file}:${line}`;
  return root;
}

function parseListen(arg: string): number | undefined {
  const m = /(?:^|:)(\d+)$/.exec(arg);
  return m ? Number(m[1]) : undefined;
}

const parsed = new Map<string, NginxConfig>();
/** The files last asked for and their config: containers of one image read the very same strings. */
let last: { files: [string, string][]; config: NginxConfig } | undefined;

function sameFiles(a: [string, string][], b: [string, string][]): boolean {
  return a.length === b.length && a.every(([path, text], i) => path === b[i]![0] && text === b[i]![1]);
}

/** Parses the given files (path → text); the first error is returned as nginx prints it after `[emerg]`. */
export function parseNginxConfig(files: [string, string][]): NginxConfig {
  if (last && sameFiles(files, last.files)) return last.config;
  const config = parseOnce(files);
  last = { files, config };
  return config;
}

function parseOnce(files: [string, string][]): NginxConfig {
  // thousands of Pods share a handful of configs: parse each once
  const key = files.map(([path, text]) => `${path}\0${text}`).join('\0');
  return remember(parsed, key, () => parseFiles(files), 200);
}

function parseFiles(files: [string, string][]): NginxConfig {
  const servers: NginxServer[] = [];
  const upstreams = new Map<string, { host: string; port: number }>();
  const all: Directive[] = [];
  for (const [file, text] of files) {
    const parsed = parseDirectives(text, file);
    if (typeof parsed === 'string') return { error: parsed };
    all.push(...parsed);
  }
  for (const d of all) {
    if (d.name !== 'upstream') continue;
    const server = d.block?.find((x) => x.name === 'server');
    if (server && server.args.length === 0) return { error: `invalid number of arguments in "server" directive in ${server.file}:${server.line}` };
    if (server) {
      const [host, port] = server.args[0]!.split(':');
      upstreams.set(d.args[0] ?? '', { host: host!, port: Number(port ?? 80) });
    }
  }
  for (const d of all) {
    if (d.name !== 'server' || !d.block) continue;
    const server: NginxServer = { ports: [], serverName: 'localhost', locations: [] };
    let serverRoot = '/usr/share/nginx/html';
    for (const x of d.block) {
      if (x.name === 'listen') {
        const port = parseListen(x.args[0] ?? '');
        if (port === undefined) return { error: `invalid port in "${x.args[0] ?? ''}" of the "listen" directive in ${x.file}:${x.line}` };
        if (!server.ports.includes(port)) server.ports.push(port);
      } else if (x.name === 'server_name') server.serverName = x.args[0] ?? '';
      else if (x.name === 'root') serverRoot = x.args[0] ?? serverRoot;
    }
    if (server.ports.length === 0) server.ports.push(80);
    for (const x of d.block) {
      if (x.name !== 'location' || !x.block) continue;
      const location: NginxLocation = { prefix: x.args[x.args.length - 1] ?? '/', index: ['index.html', 'index.htm'], root: serverRoot };
      for (const y of x.block) {
        if (y.name === 'root') location.root = y.args[0];
        else if (y.name === 'index') location.index = y.args;
        else if (y.name === 'return') {
          location.returnStatus = Number(y.args[0]);
          location.returnBody = y.args[1];
        } else if (y.name === 'proxy_pass') {
          const url = y.args[0] ?? '';
          const m = /^https?:\/\/([^/:]*)(?::(\d+))?(\/.*)?$/.exec(url);
          if (!m) return { error: `invalid URL prefix in ${y.file}:${y.line}` };
          if (!m[1]) return { error: `no host in upstream "${url.replace(/^https?:\/\//, '')}" in ${y.file}:${y.line}` };
          const upstream = upstreams.get(m[1]);
          location.proxyPass = upstream ? { ...upstream, path: m[3] ?? '' } : { host: m[1], port: Number(m[2] ?? 80), path: m[3] ?? '' };
        }
      }
      server.locations.push(location);
    }
    servers.push(server);
  }
  return { servers };
}
