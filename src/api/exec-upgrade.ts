// `kubectl exec` arrives as an HTTP upgrade: WebSocket with subprotocol v5.channel.k8s.io (kubectl ≥1.30),
// or, when that fails, a SPDY/3.1 POST. Both are validated the same way, so the error kubectl prints (it
// shows the fallback's) is the real one; SPDY itself is not spoken.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { WebSocketServer, type WebSocket } from 'ws';
import { badRequest } from '../kube/api-error.js';
import type { ClusterSource, ContainerTarget, ExecSession } from '../kube/cluster-source.js';
import type { Pod } from '../kube/types.js';
import { parseApiPath } from './api-paths.js';
import { Channel, EXEC_PROTOCOL, exitStatus, frame, parseResize } from './exec-channels.js';
import { rawStatusResponse } from './http-responses.js';
import { isTrue } from './query-options.js';
import { unknownPath } from './status-errors.js';

export interface ExecRequest {
  target: ContainerTarget;
  argv: string[];
  tty: boolean;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** The checks the API server and kubelet make before a process starts, with their messages. */
export async function validateExec(source: ClusterSource, namespace: string, podName: string, query: URLSearchParams): Promise<ExecRequest> {
  const pod = (await source.get({ apiVersion: 'v1', kind: 'Pod', namespace, name: podName })) as Pod;
  const spec = pod.spec ?? { containers: [] };
  const names = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...((spec['ephemeralContainers'] as { name: string }[] | undefined) ?? [])].map(
    (c) => c.name,
  );
  let container = query.get('container') ?? '';
  if (!container) {
    if ((spec.containers ?? []).length !== 1) {
      throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${(spec.containers ?? []).map((c) => c.name).join(' ')}]`);
    }
    container = spec.containers[0]!.name;
  }
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${podName}`);
  if (!spec.nodeName) throw badRequest(`pod ${podName} does not have a host assigned`);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const argv = query.getAll('command');
  if (argv.length === 0) throw badRequest('you must specify at least 1 command');
  const tty = isTrue(query.get('tty'));
  return {
    target: { namespace, pod: podName, container },
    argv,
    tty,
    stdin: isTrue(query.get('stdin')),
    stdout: isTrue(query.get('stdout')),
    stderr: !tty && isTrue(query.get('stderr')),
  };
}

function reject(socket: Duplex, error: unknown): void {
  if (socket.destroyed) return;
  socket.end(rawStatusResponse(error));
}

function offeredProtocols(req: IncomingMessage): string[] {
  return String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export class ExecUpgrades {
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(EXEC_PROTOCOL) ? EXEC_PROTOCOL : false),
  });
  private readonly sessions = new Set<ExecSession>();

  constructor(private readonly source: ClusterSource) {}

  /** The http.Server `upgrade` event, after authentication. Never throws. */
  async handle(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = parseApiPath(url.pathname);
      if (route.type !== 'resource' || route.path.group !== '' || route.path.resource !== 'pods' || !route.path.name || !route.path.namespace) {
        reject(socket, unknownPath());
        return;
      }
      if (route.path.subresource !== 'exec') {
        reject(socket, badRequest(`the simulator does not support the ${route.path.subresource ?? 'upgrade'} subresource`));
        return;
      }
      const exec = await validateExec(this.source, route.path.namespace, route.path.name, url.searchParams);
      const websocket = String(req.headers['upgrade'] ?? '').toLowerCase() === 'websocket';
      if (!websocket || !offeredProtocols(req).includes(EXEC_PROTOCOL)) {
        reject(socket, badRequest(`simulator supports only the websocket exec protocol (${EXEC_PROTOCOL})`));
        return;
      }
      await this.start(req, socket, head, exec);
    } catch (e) {
      reject(socket, e);
    }
  }

  private async start(req: IncomingMessage, socket: Duplex, head: Buffer, exec: ExecRequest): Promise<void> {
    // Output produced before the WebSocket is open is held, then sent after the initial empty stdout frame.
    let ws: WebSocket | undefined;
    const held: Buffer[] = [];
    const send = (channel: number, data: string) => {
      const message = frame(channel, data);
      if (ws) {
        if (ws.readyState === ws.OPEN) ws.send(message);
      } else held.push(message);
    };
    const session = await this.source.exec(exec.target, exec.argv, {
      tty: exec.tty,
      stdin: exec.stdin,
      stdout: (data) => {
        if (exec.stdout || exec.tty) send(Channel.stdout, data);
      },
      stderr: (data) => {
        if (exec.tty) send(Channel.stdout, data);
        else if (exec.stderr) send(Channel.stderr, data);
      },
    });
    this.sessions.add(session);
    let exited = false;
    let exitCode: number | undefined;
    const finish = () => {
      if (!ws || ws.readyState !== ws.OPEN || exitCode === undefined) return;
      // Exactly one Status on channel 3, then a clean close: kubectl reads the exit code from it.
      ws.send(frame(Channel.status, JSON.stringify(exitStatus(exitCode, exec.argv))));
      ws.close(1000);
    };
    if (socket.destroyed) {
      session.kill();
      this.sessions.delete(session);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (client) => {
      ws = client;
      client.send(frame(Channel.stdout));
      for (const message of held.splice(0)) client.send(message);
      const stdin = new StringDecoder('utf8');
      client.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (!isBinary) return;
        const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        if (bytes.length === 0) return;
        const payload = bytes.subarray(1);
        try {
          switch (bytes[0]) {
            case Channel.stdin: {
              const text = stdin.write(payload);
              if (text && exec.stdin) session.write(text);
              break;
            }
            case Channel.resize: {
              const size = parseResize(payload);
              if (size) session.resize(size.width, size.height);
              break;
            }
            case Channel.close:
              if (payload[0] === Channel.stdin && exec.stdin) {
                const rest = stdin.end();
                if (rest) session.write(rest);
                session.closeStdin();
              }
              break;
          }
        } catch {
          // A failing write into a process that is ending is not the client's problem.
        }
      });
      client.on('close', () => {
        if (!exited) session.kill();
      });
      client.on('error', () => client.terminate());
      if (!exec.stdin) session.closeStdin();
      finish();
    });
    session.exited.then(
      (code) => {
        exited = true;
        exitCode = code;
        this.sessions.delete(session);
        finish();
      },
      () => {
        exited = true;
        this.sessions.delete(session);
        ws?.close(1000);
      },
    );
  }

  close(): void {
    for (const session of this.sessions) session.kill();
    this.sessions.clear();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
