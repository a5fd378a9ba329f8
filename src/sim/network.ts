// The Pod network: IP address management per node (host-local IPAM over the node's podCIDR) and one network
// namespace per Pod, so containers share the Pod's IP and reach each other on localhost, and Pods reach each
// other at POD_IP:PORT. Everything is synchronous: a request runs the listener's handler directly.

import { ConnectionRefused, type HttpRequest, type HttpResponse, type HttpHandler, type PodNetwork } from './runtime/types.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** host-local IPAM over one /24: hands out .2–.254, continuing after the last one given, so a freed IP is reused only after a wrap. */
class NodeIpam {
  private readonly used = new Set<number>();
  private next = 2;
  private readonly prefix: string;

  constructor(cidr: string) {
    this.prefix = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
  }

  allocate(): string | undefined {
    for (let tries = 0; tries < 253; tries++) {
      const host = this.next;
      this.next = this.next >= 254 ? 2 : this.next + 1;
      if (!this.used.has(host)) {
        this.used.add(host);
        // joined: a template literal would be kept as a tree of pieces for as long as the Pod has the IP
        return [this.prefix, host].join('.');
      }
    }
    return undefined;
  }

  release(ip: string): void {
    if (ip.startsWith(`${this.prefix}.`)) this.used.delete(Number(ip.slice(this.prefix.length + 1)));
  }
}

export class ClusterNetwork {
  private readonly ipam = new Map<string, NodeIpam>();
  private readonly byIP = new Map<string, SimPodNetwork>();
  /**
   * `name.namespace` and bare hostnames of Pods (what a Pod's /etc/hosts or cluster DNS would resolve), the
   * latest Pod's where two share one. Made when a name is first looked up (Pods mostly reach each other by IP,
   * and thousands start at once), then kept up as Pods attach; made again after a Pod that held a name goes.
   */
  private byHostname: Map<string, SimPodNetwork> | undefined;

  /** A fresh IP from `nodeName`'s pod CIDR; undefined when the range is exhausted. */
  allocateIP(nodeName: string, podCIDR: string): string | undefined {
    let ipam = this.ipam.get(nodeName);
    if (!ipam) this.ipam.set(nodeName, (ipam = new NodeIpam(podCIDR)));
    return ipam.allocate();
  }

  releaseIP(nodeName: string, ip: string): void {
    this.ipam.get(nodeName)?.release(ip);
  }

  /** The network namespace of a Pod with its own IP (reachable by others) or the node's (hostNetwork). */
  attach(podIP: string, hostnames: string[], hostNetwork: boolean): SimPodNetwork {
    const net = new SimPodNetwork(podIP, this, hostNetwork ? [] : hostnames);
    if (!hostNetwork) {
      this.byIP.set(podIP, net);
      if (this.byHostname) for (const h of net.hostnames) this.byHostname.set(h, net);
    }
    return net;
  }

  detach(net: SimPodNetwork): void {
    if (this.byIP.get(net.podIP) === net) {
      this.byIP.delete(net.podIP);
      // An earlier Pod of the same name answers to it again: the index is made anew when next asked.
      if (this.byHostname && net.hostnames.some((h) => this.byHostname!.get(h) === net)) this.byHostname = undefined;
    }
    net.closeAll();
  }

  private hostnameIndex(): Map<string, SimPodNetwork> {
    if (this.byHostname) return this.byHostname;
    const index = new Map<string, SimPodNetwork>();
    // in the order the Pods attached: a later Pod's name wins
    for (const net of this.byIP.values()) for (const h of net.hostnames) index.set(h, net);
    return (this.byHostname = index);
  }

  /** Resolves `host` seen from `from`: localhost is `from` itself. Undefined when no such address exists. */
  resolve(host: string, from: SimPodNetwork | undefined): SimPodNetwork | undefined {
    if (from && (LOCAL_HOSTS.has(host) || host === from.podIP)) return from;
    return this.byIP.get(host) ?? this.hostnameIndex().get(host);
  }

  /** An HTTP request from `remoteAddress` (a Pod IP, or a node's for probes) to `host:port`. */
  request(from: SimPodNetwork | undefined, remoteAddress: string, host: string, port: number, request: Omit<HttpRequest, 'remoteAddress'>): HttpResponse {
    const target = this.resolve(host, from);
    if (!target && !/^[0-9.]+$/.test(host)) throw new Error(`bad address '${host}'`);
    const handler = target?.handlerFor(port);
    if (!handler) throw new ConnectionRefused(host, port);
    return handler({ ...request, remoteAddress: target === from ? '127.0.0.1' : remoteAddress });
  }

  connect(from: SimPodNetwork | undefined, host: string, port: number): boolean {
    return this.resolve(host, from)?.isListening(port) ?? false;
  }
}

export class SimPodNetwork implements PodNetwork {
  // Most Pods listen on one port: it is kept in two fields, any others in a Map made for them.
  private port = -1;
  private handler: HttpHandler | undefined;
  private otherListeners: Map<number, HttpHandler> | undefined;

  constructor(
    readonly podIP: string,
    private readonly cluster: ClusterNetwork,
    readonly hostnames: readonly string[] = [],
  ) {}

  listen(port: number, handler: HttpHandler): boolean {
    if (this.handlerFor(port)) return false;
    if (this.handler === undefined) {
      this.port = port;
      this.handler = handler;
    } else (this.otherListeners ??= new Map()).set(port, handler);
    return true;
  }

  unlisten(port: number, handler: HttpHandler): void {
    if (port === this.port && handler === this.handler) {
      this.port = -1;
      this.handler = undefined;
    } else if (this.otherListeners?.get(port) === handler) this.otherListeners.delete(port);
  }

  isListening(port: number): boolean {
    return this.handlerFor(port) !== undefined;
  }

  handlerFor(port: number): HttpHandler | undefined {
    return port === this.port ? this.handler : this.otherListeners?.get(port);
  }

  request(host: string, port: number, request: Omit<HttpRequest, 'remoteAddress'>): HttpResponse {
    return this.cluster.request(this, this.podIP, host, port, request);
  }

  connect(host: string, port: number): boolean {
    return this.cluster.connect(this, host, port);
  }

  resolve(host: string): string | undefined {
    if (LOCAL_HOSTS.has(host)) return '127.0.0.1';
    return this.cluster.resolve(host, this)?.podIP;
  }

  closeAll(): void {
    this.port = -1;
    this.handler = this.otherListeners = undefined;
  }
}
