// Image behaviours users describe in YAML (`kubesim --images FILE`): how long the pull takes or why it
// fails, what the container logs and when, which ports answer with what, and when it exits with what.
//
//   images:
//   - name: myorg/api:v1.*          # repository, optional tag glob
//     pullSeconds: 8
//     logs:
//     - { afterSeconds: 1, text: "listening on :8080" }
//     - { afterSeconds: 5, text: "warming up", stream: stderr }
//     listen:
//     - { port: 8080, body: "ok" }
//     exitAfterSeconds: 60
//     exitCode: 1
//   - name: myorg/private
//     failPull: "pull access denied"

import { isMap, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import { handleSignals, type Program } from '../process/program.js';
import { Signalled, sleep, waitForever } from '../process/task.js';
import type { CatalogImage } from './catalog.js';
import { DEFAULT_PATH } from './image.js';

export class ImageCatalogError extends Error {}

interface LogLine {
  afterSeconds: number;
  text: string;
  stream: 'stdout' | 'stderr';
}

interface Listener {
  port: number;
  status: number;
  body: string;
}

interface Behaviour {
  logs: LogLine[];
  listen: Listener[];
  exitAfterSeconds?: number;
  exitCode: number;
}

const FIELDS = new Set(['name', 'pullSeconds', 'failPull', 'sizeBytes', 'logs', 'listen', 'exitAfterSeconds', 'exitCode', 'shell']);

function behaviourProgram(b: Behaviour): Program {
  return function* (proc) {
    handleSignals(proc);
    for (const l of b.listen) {
      const ok = proc.host.listen(l.port, () => ({ status: l.status, headers: { 'content-type': 'text/plain' }, body: l.body }));
      if (!ok) {
        proc.stderr(`listen tcp :${l.port}: bind: address already in use\n`);
        return 1;
      }
    }
    try {
      let elapsed = 0;
      for (const line of [...b.logs].sort((x, y) => x.afterSeconds - y.afterSeconds)) {
        if (b.exitAfterSeconds !== undefined && line.afterSeconds > b.exitAfterSeconds) break;
        yield* sleep((line.afterSeconds - elapsed) * 1000);
        elapsed = line.afterSeconds;
        (line.stream === 'stderr' ? proc.stderr : proc.stdout)(`${line.text}\n`);
      }
      if (b.exitAfterSeconds === undefined) return yield* waitForever();
      yield* sleep((b.exitAfterSeconds - elapsed) * 1000);
      return b.exitCode;
    } catch (error) {
      if (error instanceof Signalled && error.signal === 'TERM') return 0;
      throw error;
    }
  };
}

/** Parses a catalog file; throws ImageCatalogError with `file:line:col: path: problem` on the first mistake. */
export function loadImageCatalogYaml(text: string, fileName = 'images.yaml'): CatalogImage[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const where = (node: Node | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return `${fileName}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw new ImageCatalogError(`${fileName}:${line}:${col}: ${e.message.split('\n')[0]}`);
  }
  const fail = (node: Node | null | undefined, path: string, problem: string): never => {
    throw new ImageCatalogError(`${where(node)}: ${path}: ${problem}`);
  };
  let list: Node | null | undefined = doc.contents as Node | null;
  if (isMap(list)) list = list.get('images', true) as Node | undefined;
  if (list == null) return [];
  if (!isSeq(list)) return fail(list, 'images', 'must be a list of images');

  const images: CatalogImage[] = [];
  list.items.forEach((item, i) => {
    const path = `images[${i}]`;
    if (!isMap(item)) return fail(item as Node, path, 'must be a mapping with at least `name`');
    const value = item.toJSON() as Record<string, unknown>;
    const nodeOf = (key: string) => (item.get(key, true) as Node | undefined) ?? item;
    for (const key of Object.keys(value)) if (!FIELDS.has(key)) fail(item.items.find((p) => (p.key as { value?: unknown })?.value === key)?.key as Node, `${path}.${key}`, `unknown field (known: ${[...FIELDS].join(', ')})`);
    const name = value.name;
    if (typeof name !== 'string' || name === '') return fail(nodeOf('name'), `${path}.name`, 'required: the image name, e.g. myorg/api or myorg/api:v1.*');
    const number = (key: string, min = 0): number | undefined => {
      const v = value[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min) return fail(nodeOf(key), `${path}.${key}`, `must be a number ≥ ${min}`);
      return v;
    };
    const pullSeconds = number('pullSeconds');
    const exitAfterSeconds = number('exitAfterSeconds');
    const exitCode = number('exitCode') ?? 0;
    if (!Number.isInteger(exitCode) || exitCode > 255) fail(nodeOf('exitCode'), `${path}.exitCode`, 'must be a whole number from 0 to 255');
    const sizeBytes = number('sizeBytes') ?? 52_428_800;
    const failPull = value.failPull;
    if (failPull !== undefined && typeof failPull !== 'string') fail(nodeOf('failPull'), `${path}.failPull`, 'must be the pull error message (a string)');
    const logs: LogLine[] = [];
    if (value.logs !== undefined) {
      if (!Array.isArray(value.logs)) fail(nodeOf('logs'), `${path}.logs`, 'must be a list');
      (value.logs as unknown[]).forEach((l, j) => {
        const lp = `${path}.logs[${j}]`;
        const ln = (isSeq(nodeOf('logs')) ? (nodeOf('logs') as unknown as { items: Node[] }).items[j] : item) as Node;
        const line = typeof l === 'string' ? { text: l } : (l as Record<string, unknown>);
        if (typeof line !== 'object' || line === null || typeof line.text !== 'string') fail(ln, lp, 'must be a string or { text, afterSeconds?, stream? }');
        const after = line.afterSeconds ?? 0;
        if (typeof after !== 'number' || after < 0) fail(ln, `${lp}.afterSeconds`, 'must be a number ≥ 0');
        const stream = line.stream ?? 'stdout';
        if (stream !== 'stdout' && stream !== 'stderr') fail(ln, `${lp}.stream`, 'must be stdout or stderr');
        logs.push({ text: line.text as string, afterSeconds: after as number, stream: stream as 'stdout' | 'stderr' });
      });
    }
    const listen: Listener[] = [];
    if (value.listen !== undefined) {
      if (!Array.isArray(value.listen)) fail(nodeOf('listen'), `${path}.listen`, 'must be a list');
      (value.listen as unknown[]).forEach((l, j) => {
        const lp = `${path}.listen[${j}]`;
        const ln = (isSeq(nodeOf('listen')) ? (nodeOf('listen') as unknown as { items: Node[] }).items[j] : item) as Node;
        const entry = typeof l === 'number' ? { port: l } : (l as Record<string, unknown>);
        const port = entry?.port;
        if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) fail(ln, `${lp}.port`, 'must be a port number from 1 to 65535');
        const status = entry.status ?? 200;
        if (typeof status !== 'number' || status < 100 || status > 599) fail(ln, `${lp}.status`, 'must be an HTTP status from 100 to 599');
        listen.push({ port: port as number, status: status as number, body: String(entry.body ?? '') });
      });
    }
    const shell = value.shell ?? 'alpine';
    if (shell !== 'alpine' && shell !== 'debian' && shell !== 'busybox' && shell !== 'none') fail(nodeOf('shell'), `${path}.shell`, 'must be alpine, busybox, debian or none');
    const program = behaviourProgram({ logs, listen, exitAfterSeconds, exitCode });
    images.push({
      name,
      ...(pullSeconds !== undefined ? { pullSeconds } : {}),
      ...(typeof failPull === 'string' ? { failPull } : {}),
      image: {
        repositories: [name],
        sizeBytes,
        flavour: shell === 'none' ? 'distroless' : (shell as 'alpine' | 'debian' | 'busybox'),
        entrypoint: ['/entrypoint'],
        env: [['PATH', DEFAULT_PATH]],
        programs: { '/entrypoint': program },
      },
    });
  });
  return images;
}

/** Entries already parsed from YAML or JSON: validated by the same rules (positions then refer to this list). */
export function imageEntriesFromData(entries: unknown[], source = '--images'): CatalogImage[] {
  return loadImageCatalogYaml(stringify({ images: entries }), source);
}
