// A small stand-in container runtime for the kubelet's tests: just enough image behaviour to drive every
// lifecycle path (the book's echo and nginx-proxy, crashers, slow stoppers, failing pulls), on the given clock.

import type {
  ContainerContext,
  ContainerProcess,
  ContainerRuntime,
  ExecIO,
  ExecProcess,
  HttpRequest,
  ProcessExit,
  ProcessOutput,
  PullResult,
} from '../../src/sim/runtime/types.js';
import { ProcessEnd } from '../../src/sim/runtime/process-end.js';

export interface FakeRuntimeOptions {
  /** Pull duration per image (default 2 s). */
  pullMs?: (image: string) => number;
}

function goLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

class Proc extends ProcessEnd<ProcessExit> implements ContainerProcess {
  private done = false;
  private readonly cleanups: (() => void)[] = [];
  onTerm: () => void = () => this.exit({ code: 0 });

  constructor(readonly ctx: ContainerContext) {
    super();
  }

  later(ms: number, fn: () => void): void {
    const id = this.ctx.clock.setTimer(() => !this.done && fn(), ms);
    this.cleanups.push(() => this.ctx.clock.clearTimer(id));
  }

  onCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  exit(e: ProcessExit): void {
    if (this.done) return;
    this.done = true;
    for (const c of this.cleanups) c();
    this.end(e);
  }

  signal(signal: 'TERM' | 'KILL'): void {
    if (signal === 'KILL') this.exit({ code: 137, signal: 9 });
    else this.onTerm();
  }
}

function envOf(ctx: ContainerContext, name: string): string | undefined {
  return ctx.env.find((e) => e.name === name)?.value;
}

export function createFakeRuntime(options: FakeRuntimeOptions = {}): ContainerRuntime & { pulls: string[] } {
  const pulls: string[] = [];
  return {
    pulls,
    pull(image: string): PullResult {
      pulls.push(image);
      if (/[A-Z]/.test(image) || image.includes(' ')) {
        return { ok: false, durationMs: 0, reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": invalid reference format: repository name (library/${image}) must be lowercase` };
      }
      const durationMs = options.pullMs?.(image) ?? 2000;
      if (image.includes('ecoh') || image.includes('does-not-exist')) {
        return {
          ok: false,
          durationMs,
          reason: 'ErrImagePull',
          message: `rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/${image}": failed to resolve reference "docker.io/${image}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
        };
      }
      return { ok: true, durationMs, imageID: `docker.io/${image.split(':')[0]}@sha256:${'ab'.repeat(32)}`, sizeBytes: 12_345_678 };
    },

    start(ctx: ContainerContext, command: string[] | undefined, args: string[] | undefined, out: ProcessOutput): ContainerProcess {
      const proc = new Proc(ctx);
      const image = ctx.image;
      const argv = [...(command ?? []), ...(args ?? [])].join(' ');
      if (image.startsWith('gihyodocker/echo')) {
        const handler = () => {
          out.stderr(`${goLogTime(ctx.clock.wallTime())} received request\n`);
          return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Hello Docker!!' };
        };
        if (!ctx.network.listen(8080, handler)) proc.later(0, () => proc.exit({ code: 1 }));
        else proc.onCleanup(() => ctx.network.unlisten(8080, handler));
        proc.later(2000, () => out.stderr(`${goLogTime(ctx.clock.wallTime())} start server\n`));
      } else if (image.startsWith('gihyodocker/nginx')) {
        const backend = envOf(ctx, 'BACKEND_HOST');
        if (!backend) {
          proc.later(10, () => {
            out.stderr('nginx: [emerg] no host in upstream ":" \n');
            proc.exit({ code: 1 });
          });
        } else {
          const handler = (req: HttpRequest) => {
            const [host, port] = backend.split(':');
            const res = ctx.network.request(host!, Number(port ?? 80), { method: req.method, path: req.path, headers: req.headers });
            out.stdout(`${req.remoteAddress} - - "GET ${req.path} HTTP/1.1" ${res.status}\n`);
            return res;
          };
          if (ctx.network.listen(80, handler)) proc.onCleanup(() => ctx.network.unlisten(80, handler));
        }
      } else if (/exit (\d+)/.test(argv)) {
        // `sh -c 'echo hi; sleep S; exit N'`: exits after S seconds (default 1).
        const code = Number(/exit (\d+)/.exec(argv)![1]);
        const sleep = Number(/sleep (\d+)/.exec(argv)?.[1] ?? 1);
        const echo = /echo ([^;']+)/.exec(argv)?.[1];
        if (echo) out.stdout(`${echo.trim()}\n`);
        proc.later(sleep * 1000, () => proc.exit({ code }));
      } else if (image.startsWith('ignore-term')) {
        // PID 1 without a TERM handler: only KILL ends it.
        proc.onTerm = () => {};
      } else if (image.startsWith('web-')) {
        // `web-<port>-<status>`: answers every request with that status.
        const [, port, status] = image.split(':')[0]!.split('-');
        const handler = () => ({ status: Number(status), headers: {}, body: '' });
        if (ctx.network.listen(Number(port), handler)) proc.onCleanup(() => ctx.network.unlisten(Number(port), handler));
      }
      out.stdout('');
      return proc;
    },

    exec(ctx: ContainerContext, argv: string[], io: ExecIO): ExecProcess {
      let resolve!: (code: number) => void;
      const exited = new Promise<number>((r) => (resolve = r));
      const cmd = argv.join(' ');
      queueMicrotask(() => {
        if (argv[0] === 'wget' || argv[0] === 'curl') {
          const url = new URL(argv[argv.length - 1]!);
          try {
            const res = ctx.network.request(url.hostname, Number(url.port || 80), { method: 'GET', path: url.pathname, headers: {} });
            io.stdout(res.body);
            resolve(res.status < 400 ? 0 : 1);
          } catch (e) {
            io.stderr(`wget: can't connect to remote host: Connection refused\n`);
            resolve(1);
          }
        } else if (argv[0] === 'env') {
          io.stdout(ctx.env.map((e) => `${e.name}=${e.value}\n`).join(''));
          resolve(0);
        } else if (argv[0] === 'cat') {
          const content = ctx.files.get(argv[1]!);
          if (content === undefined) {
            io.stderr(`cat: can't open '${argv[1]}': No such file or directory\n`);
            resolve(1);
          } else {
            io.stdout(content);
            resolve(0);
          }
        } else if (argv[0] === 'true') resolve(0);
        else if (argv[0] === 'false') resolve(1);
        else if (/exit (\d+)/.test(cmd)) resolve(Number(/exit (\d+)/.exec(cmd)![1]));
        else {
          io.stderr(`sh: ${argv[0]}: not found\n`);
          resolve(127);
        }
      });
      return { exited, write() {}, closeStdin() {}, resize() {}, kill: () => resolve(137) };
    },
  };
}
