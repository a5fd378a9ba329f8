// startApiServer: the Kubernetes-compatible HTTP/WebSocket server over any ClusterSource, on loopback by
// default. No request can take the process down: every handler's failure becomes a Status response.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ClusterSource } from '../kube/cluster-source.js';
import { generateToken, hasBearerToken, isLoopback, isPublicPath } from './bearer-auth.js';
import { ExecUpgrades } from './exec-upgrade.js';
import { rawStatusResponse, sendStatus } from './http-responses.js';
import { ApiRouter } from './router.js';
import { unauthorized } from './status-errors.js';

export interface ApiServerOptions {
  /** Default 127.0.0.1. Any other address requires a bearer token (one is generated when not given). */
  host?: string;
  /** Default 6443; when taken, a free port. 0: a free port. */
  port?: number;
  token?: string;
  /** Watch bookmarks every so often (default 60 s); tests make it short. */
  watchBookmarkIntervalMs?: number;
}

export interface ApiServer {
  port: number;
  /** `http://127.0.0.1:6443` */
  url: string;
  /** The bearer token clients must send, when one is required. */
  token?: string;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function startApiServer(source: ClusterSource, options: ApiServerOptions = {}): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? (isLoopback(host) ? undefined : generateToken());
  let address = '';
  const router = new ApiRouter(source, () => address, options.watchBookmarkIntervalMs);
  const execs = new ExecUpgrades(source);
  const sockets = new Set<Socket | Duplex>();

  const authorized = (req: IncomingMessage) => token === undefined || isPublicPath(req.url) || hasBearerToken(req, token);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!authorized(req)) {
      sendStatus(res, unauthorized());
      return;
    }
    void router.handle(req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (!authorized(req)) {
      socket.on('error', () => socket.destroy());
      socket.end(rawStatusResponse(unauthorized()));
      return;
    }
    void execs.handle(req, socket, head);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_e, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const requested = options.port ?? 6443;
  let port: number;
  try {
    port = await listen(server, host, requested);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || requested === 0) throw e;
    port = await listen(server, host, 0);
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  address = `${urlHost}:${port}`;
  const url = `http://${address}`;

  return {
    port,
    url,
    ...(token !== undefined ? { token } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        execs.close();
        server.close(() => resolve());
        // Watches and log follows never end by themselves.
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections?.();
      }),
  };
}
