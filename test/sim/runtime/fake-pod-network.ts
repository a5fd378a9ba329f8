// A tiny stand-in for sim-core's network: Pods by IP, ports per Pod, localhost meaning the caller's Pod.

import { ConnectionRefused, type ContainerContext, type HttpHandler, type PodNetwork, type ProcessExit } from '../../../src/sim/runtime/types.js';
import { VirtualClock } from '../../../src/sim/clock.js';

export class FakeCluster {
  private readonly pods = new Map<string, Map<number, HttpHandler>>();
  private nextIP = 5;

  pod(ip = `10.244.1.${this.nextIP++}`): PodNetwork {
    const ports = new Map<number, HttpHandler>();
    this.pods.set(ip, ports);
    const cluster = this;
    return {
      podIP: ip,
      listen(port, handler) {
        if (ports.has(port)) return false;
        ports.set(port, handler);
        return true;
      },
      unlisten(port, handler) {
        if (ports.get(port) === handler) ports.delete(port);
      },
      isListening: (port) => ports.has(port),
      request(host, port, request) {
        const target = host === 'localhost' || host === '127.0.0.1' ? ports : cluster.pods.get(host);
        if (!target) throw new Error(`lookup ${host}: no such host`);
        const handler = target.get(port);
        if (!handler) throw new ConnectionRefused(host, port);
        return handler({ ...request, remoteAddress: host === 'localhost' || host === '127.0.0.1' ? '127.0.0.1' : ip });
      },
      connect(host, port) {
        const target = host === 'localhost' || host === '127.0.0.1' ? ports : cluster.pods.get(host);
        return !!target?.has(port);
      },
    };
  }
}

export function makeContext(options: {
  image: string;
  clock: VirtualClock;
  network: PodNetwork;
  env?: Record<string, string>;
  name?: string;
  podName?: string;
  files?: Record<string, string>;
}): ContainerContext {
  const podName = options.podName ?? 'simple-echo';
  let seed = 0.5;
  return {
    namespace: 'default',
    podName,
    containerName: options.name ?? 'main',
    nodeName: 'kubesim-worker',
    hostname: podName,
    image: options.image,
    env: Object.entries(options.env ?? {}).map(([name, value]) => ({ name, value })),
    files: new Map(Object.entries({ '/etc/hostname': `${podName}\n`, ...options.files })),
    network: options.network,
    clock: options.clock,
    random: () => (seed = (seed * 9301 + 49297) % 233280 / 233280),
  };
}

/** Collects a container's output as log lines with the simulated second they appeared at. */
export class Output {
  stdoutText = '';
  stderrText = '';
  readonly lines: { at: number; stream: 'stdout' | 'stderr'; text: string }[] = [];

  constructor(private readonly clock: VirtualClock) {}

  readonly stdout = (text: string) => this.write('stdout', text);
  readonly stderr = (text: string) => this.write('stderr', text);

  private write(stream: 'stdout' | 'stderr', text: string): void {
    if (stream === 'stdout') this.stdoutText += text;
    else this.stderrText += text;
    for (const line of text.split('\n').filter(Boolean)) this.lines.push({ at: this.clock.now() / 1000, stream, text: line });
  }
}

/** Lets promise callbacks run (the runtime resolves `exited` promises). */
export const settle = () => new Promise<void>((r) => setImmediate(r));

/** Remembers a process's exit once it comes, so a test can see that it has not (yet). */
export function track(exited: Promise<ProcessExit>): { exit?: ProcessExit } {
  const box: { exit?: ProcessExit } = {};
  void exited.then((e) => (box.exit = e));
  return box;
}
