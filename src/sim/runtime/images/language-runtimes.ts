// python, node, golang: their default commands (a REPL, bash) read EOF at once without a terminal and exit
// 0, so such a Pod completes and crash-loops — as on a real cluster. `python -m http.server` serves, and
// `node app.js` without the file fails with Node's real MODULE_NOT_FOUND report.

import type { Program } from '../process/program.js';
import { Signalled, waitForever } from '../process/task.js';
import { resolvePath } from '../filesystem.js';
import { DEFAULT_PATH, type ImageDefinition } from './image.js';

const PYTHON_VERSION = '3.13.1';
const NODE_VERSION = '22.12.0';

const python: Program = function* (proc, argv) {
  if (argv.includes('--version') || argv.includes('-V')) {
    proc.stdout(`Python ${PYTHON_VERSION}\n`);
    return 0;
  }
  const m = argv.indexOf('-m');
  if (m >= 0 && argv[m + 1] === 'http.server') {
    const port = Number(argv[m + 2] ?? 8000);
    const ok = proc.host.listen(port, (request) => {
      const d = new Date(proc.host.context.clock.wallTime());
      const when = `${String(d.getUTCDate()).padStart(2, '0')}/${d.toUTCString().slice(8, 11)}/${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)}`;
      const names = proc.host.fs.list(resolvePath(proc.cwd, request.path));
      const body = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${request.path}</title>\n</head>\n<body>\n<h1>Directory listing for ${request.path}</h1>\n<hr>\n<ul>\n${names.map((n) => `<li><a href="${n}">${n}</a></li>`).join('\n')}\n</ul>\n<hr>\n</body>\n</html>\n`;
      proc.stderr(`${request.remoteAddress} - - [${when}] "${request.method} ${request.path} HTTP/1.1" 200 -\n`);
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', server: `SimpleHTTP/0.6 Python/${PYTHON_VERSION}` }, body };
    });
    if (!ok) {
      proc.stderr('Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\nOSError: [Errno 98] Address already in use\n');
      return 1;
    }
    // stdout is block-buffered without a terminal: this line shows only with PYTHONUNBUFFERED set
    if (proc.env.get('PYTHONUNBUFFERED')) proc.stdout(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    try {
      return yield* waitForever();
    } catch (error) {
      if (error instanceof Signalled) return error.exitCode;
      throw error;
    }
  }
  const script = argv.slice(1).find((a) => !a.startsWith('-'));
  if (script && argv[1] !== '-c') {
    const path = resolvePath(proc.cwd, script);
    if (!proc.host.fs.stat(path)) {
      proc.stderr(`${argv[0]}: can't open file '${path}': [Errno 2] No such file or directory\n`);
      return 2;
    }
  }
  // a REPL or a program we cannot run: reads stdin to its end, like the interpreter waiting for input
  yield* proc.stdin.readAll();
  return 0;
};

const node: Program = function* (proc, argv) {
  if (argv.includes('--version') || argv.includes('-v')) {
    proc.stdout(`v${NODE_VERSION}\n`);
    return 0;
  }
  const script = argv.slice(1).find((a) => !a.startsWith('-'));
  if (script && !argv.includes('-e')) {
    const path = resolvePath(proc.cwd, script);
    if (!proc.host.fs.stat(path)) {
      proc.stderr(
        `node:internal/modules/cjs/loader:1252\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1249:15)\n    at Function._load (node:internal/modules/cjs/loader:1075:27)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:219:24)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:170:5)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${NODE_VERSION}\n`,
      );
      return 1;
    }
  }
  yield* proc.stdin.readAll();
  return 0;
};

const go: Program = function* (proc, argv) {
  if (argv[1] === 'version') {
    proc.stdout('go version go1.23.4 linux/amd64\n');
    return 0;
  }
  proc.stderr('Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n');
  return 2;
};

export const pythonImage: ImageDefinition = {
  repositories: ['python'],
  sizeBytes: 1_019_215_872,
  flavour: 'debian',
  cmd: ['python3'],
  env: [['PATH', DEFAULT_PATH], ['PYTHON_VERSION', PYTHON_VERSION], ['LANG', 'C.UTF-8']],
  programs: { python, python3: python },
  extraCommands: ['curl', 'wget'],
};

export const nodeImage: ImageDefinition = {
  repositories: ['node'],
  sizeBytes: 1_118_830_592,
  flavour: 'debian',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['node'],
  env: [['PATH', DEFAULT_PATH], ['NODE_VERSION', NODE_VERSION], ['YARN_VERSION', '1.22.22']],
  programs: {
    node,
    'docker-entrypoint.sh': function* (proc, argv) {
      const args = argv.slice(1);
      const program = proc.host.findProgram(args[0] ?? 'node');
      // node's entrypoint runs `node "$@"` when the first argument is not a command
      return program ? yield* program(proc, args) : yield* node(proc, ['node', ...args]);
    },
  },
  extraCommands: ['curl', 'wget'],
};

export const golangImage: ImageDefinition = {
  repositories: ['golang'],
  sizeBytes: 838_860_800,
  flavour: 'debian',
  cmd: ['bash'],
  workingDir: '/go',
  env: [['PATH', `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}`], ['GOLANG_VERSION', '1.23.4'], ['GOPATH', '/go']],
  programs: { go },
  extraCommands: ['curl', 'wget'],
};
