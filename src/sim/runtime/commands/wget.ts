// BusyBox wget: `-qO- URL`, `-O- URL`, `-O FILE URL`, `--spider`, with its exact messages.

import type { Program } from '../process/program.js';
import { resolvePath } from '../filesystem.js';
import { addressOf, parseUrl, sendRequest, STATUS_TEXT } from './http-request.js';

function progressLine(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

export const wget: Program = function* (proc, argv) {
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  const headers: Record<string, string> = { 'user-agent': 'Wget' };
  const urls: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--spider') spider = true;
    else if (arg === '-O' || arg === '--output-document') output = argv[++i];
    else if (arg.startsWith('--output-document=')) output = arg.slice(18);
    else if (arg === '-T' || arg === '--timeout' || arg === '-t' || arg === '-U' || arg === '--user-agent') {
      if (arg === '-U' || arg === '--user-agent') headers['user-agent'] = argv[i + 1] ?? 'Wget';
      i++;
    } else if (arg === '--header') {
      const [k, ...v] = (argv[++i] ?? '').split(':');
      headers[k!.trim().toLowerCase()] = v.join(':').trim();
    } else if (/^-[a-zA-Z]+/.test(arg) && !arg.startsWith('--')) {
      const flags = arg.slice(1);
      if (flags.includes('q')) quiet = true;
      if (flags.includes('O')) output = flags.endsWith('O') ? argv[++i] : flags.slice(flags.indexOf('O') + 1);
    } else if (!arg.startsWith('--')) urls.push(arg);
  }
  if (urls.length === 0) {
    proc.stderr('BusyBox v1.36.1 (2023-11-07 18:53:09 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  for (const text of urls) {
    const url = parseUrl(text);
    if (!url) {
      proc.stderr(`wget: not an http or ftp url: ${text}\n`);
      return 1;
    }
    const address = addressOf(url.host);
    if (!quiet) proc.stderr(`Connecting to ${url.host}${text.includes(`:${url.port}`) ? `:${url.port}` : ''} (${address}:${url.port})\n`);
    const outcome = sendRequest(proc, url, spider ? 'HEAD' : 'GET', headers);
    if ('unresolved' in outcome) {
      proc.stderr(`wget: bad address '${url.host}${text.includes(`:${url.port}`) ? `:${url.port}` : ''}'\n`);
      return 1;
    }
    if ('refused' in outcome) {
      proc.stderr(`wget: can't connect to remote host (${address}): Connection refused\n`);
      return 1;
    }
    const { response } = outcome;
    if (response.status >= 400) {
      proc.stderr(`wget: server returned error: HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ''}\n`);
      return 1;
    }
    if (spider) {
      if (!quiet) proc.stderr('remote file exists\n');
      continue;
    }
    const size = Buffer.byteLength(response.body);
    if (output === '-') {
      if (!quiet) proc.stderr('writing to stdout\n');
      proc.stdout(response.body);
      if (!quiet) proc.stderr(`${progressLine('-', size)}written to stdout\n`);
      continue;
    }
    const name = output ?? (url.path.split('?')[0]!.split('/').pop() || 'index.html');
    const path = resolvePath(proc.cwd, name);
    if (!output && proc.host.fs.stat(path)) {
      proc.stderr(`wget: can't open '${name}': File exists\n`);
      return 1;
    }
    if (!quiet) proc.stderr(`saving to '${name}'\n`);
    const error = proc.host.fs.writeFile(path, response.body);
    if (error) {
      proc.stderr(`wget: can't open '${name}': ${error}\n`);
      return 1;
    }
    if (!quiet) proc.stderr(`${progressLine(name, size)}'${name}' saved\n`);
  }
  return 0;
};
