// curl URL, -s, -S, -f, -i, -I, -o FILE, -X, -H, -d, -w '%{http_code}', with curl's error texts and exit codes.

import type { Program } from '../process/program.js';
import { resolvePath } from '../filesystem.js';
import { parseUrl, sendRequest, STATUS_TEXT } from './http-request.js';

const VALUE_OPTIONS = new Set(['-o', '-X', '-H', '-d', '-w', '-m', '-A', '--data', '--header', '--request', '--output', '--write-out', '--max-time', '--connect-timeout', '--user-agent', '--data-raw']);

export const curl: Program = function* (proc, argv) {
  let silent = false;
  let showError = false;
  let fail = false;
  let include = false;
  let head = false;
  let output: string | undefined;
  let method: string | undefined;
  let body: string | undefined;
  let writeOut: string | undefined;
  const headers: Record<string, string> = { 'user-agent': 'curl/8.5.0', accept: '*/*' };
  const urls: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) {
      const value = argv[++i] ?? '';
      if (arg === '-o' || arg === '--output') output = value;
      else if (arg === '-X' || arg === '--request') method = value;
      else if (arg === '-d' || arg === '--data' || arg === '--data-raw') body = value;
      else if (arg === '-w' || arg === '--write-out') writeOut = value;
      else if (arg === '-A' || arg === '--user-agent') headers['user-agent'] = value;
      else if (arg === '-H' || arg === '--header') {
        const [k, ...v] = value.split(':');
        headers[k!.trim().toLowerCase()] = v.join(':').trim();
      }
    } else if (arg === '--silent') silent = true;
    else if (arg === '--fail') fail = true;
    else if (arg === '--include') include = true;
    else if (arg === '--head') head = true;
    else if (/^-[a-zA-Z]+$/.test(arg)) {
      for (const flag of arg.slice(1)) {
        if (flag === 's') silent = true;
        else if (flag === 'S') showError = true;
        else if (flag === 'f') fail = true;
        else if (flag === 'i') include = true;
        else if (flag === 'I') head = true;
      }
    } else if (!arg.startsWith('-')) urls.push(arg);
  }
  const error = (code: number, message: string) => {
    if (!silent || showError) proc.stderr(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (urls.length === 0) {
    proc.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  for (const text of urls) {
    const url = parseUrl(text);
    if (!url) return error(1, `Protocol "${text.split('://')[0]}" not supported`);
    const outcome = sendRequest(proc, url, method ?? (head ? 'HEAD' : body !== undefined ? 'POST' : 'GET'), headers, body);
    if ('unresolved' in outcome) return error(6, `Could not resolve host: ${url.host}`);
    if ('refused' in outcome) return error(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
    const { response } = outcome;
    if (fail && response.status >= 400) return error(22, `The requested URL returned error: ${response.status}`);
    let out = '';
    if (include || head) {
      out += `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ''}\r\n`;
      for (const [k, v] of Object.entries(response.headers)) out += `${k}: ${v}\r\n`;
      out += '\r\n';
    }
    if (!head) out += response.body;
    // curl shows its progress meter on stderr when its output is not a terminal
    if (!silent && (proc.columns === undefined || output)) {
      const n = String(Buffer.byteLength(out)).padStart(5);
      proc.stderr(
        '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
          '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
          `100 ${n}  100 ${n}    0     0   ${n}      0 --:--:-- --:--:-- --:--:-- ${n}\n`,
      );
    }
    if (output) {
      const problem = proc.host.fs.writeFile(resolvePath(proc.cwd, output), out);
      if (problem) return error(23, `Failure writing output to destination`);
    } else proc.stdout(out);
    if (writeOut) proc.stdout(writeOut.replace(/%\{http_code\}/g, String(response.status)).replace(/%\{size_download\}/g, String(Buffer.byteLength(response.body))).replace(/\\n/g, '\n'));
  }
  return 0;
};
