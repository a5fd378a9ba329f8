// Records describe-goldens.ts: serves the objects of describe-fixtures.ts from a throwaway API on loopback,
// runs the real `kubectl describe` against it (TZ=UTC, a temp HOME) and writes what kubectl printed.
// Not a test; run by hand when the fixtures change: npx tsx test/kube/print/record-describe-goldens.ts
import http from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '../../../src/kube/types.js';
import { parseFieldSelector } from '../../../src/kube/selectors.js';
import * as fx from './describe-fixtures.js';

interface Served {
  pods: KubeObject[];
  events: KubeObject[];
  nodes: KubeObject[];
  leases: KubeObject[];
}
let served: Served = { pods: [], events: [], nodes: [], leases: [] };

function status(code: number, message: string, details?: Record<string, string>) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', ...(details ? { details } : {}), code };
}

const resources = [
  { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'] },
  { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: ['get', 'list'], shortNames: ['no'] },
  { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: ['get', 'list'], shortNames: ['ev'] },
];

function route(path: string, fieldSelector: string): [number, unknown] {
  const selected = parseFieldSelector(fieldSelector);
  const inNamespace = (ns: string | undefined) => (o: KubeObject) => (!ns || o.metadata.namespace === ns) && selected(o);
  let m: RegExpExecArray | null;
  if (path === '/version') return [200, { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' }];
  if (path === '/api') return [200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] }];
  if (path === '/apis') return [200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] }];
  if (path === '/api/v1') return [200, { kind: 'APIResourceList', groupVersion: 'v1', resources }];
  if ((m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)$/.exec(path))) {
    const [, ns, name] = m;
    const pod = served.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name);
    return pod ? [200, pod] : [404, status(404, `pods "${name}" not found`, { name, kind: 'pods' })];
  }
  if ((m = /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?(pods|events)$/.exec(path))) {
    const [, ns, resource] = m;
    const items = (resource === 'pods' ? served.pods : served.events).filter(inNamespace(ns));
    return [200, { kind: resource === 'pods' ? 'PodList' : 'EventList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items }];
  }
  if ((m = /^\/api\/v1\/nodes\/([^/]+)$/.exec(path))) {
    const name = m[1];
    const node = served.nodes.find((n) => n.metadata.name === name);
    return node ? [200, node] : [404, status(404, `nodes "${name}" not found`, { name, kind: 'nodes' })];
  }
  if ((m = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(path))) {
    const name = m[1];
    const lease = served.leases.find((l) => l.metadata.name === name);
    return lease ? [200, lease] : [404, status(404, `leases.coordination.k8s.io "${name}" not found`, { name, group: 'coordination.k8s.io', kind: 'leases' })];
  }
  return [404, status(404, 'the server could not find the requested resource')];
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const [code, body] = route(url.pathname, url.searchParams.get('fieldSelector') ?? '');
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
});

function kubectl(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', args, { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`kubectl ${args.join(' ')}: ${err}`))));
  });
}

/** Waits for the next whole second, so kubectl's clock reads the same whole seconds of age as `now`. */
async function nextSecond(): Promise<number> {
  const now = Date.now();
  const next = Math.ceil((now + 1) / 1000) * 1000;
  await new Promise((r) => setTimeout(r, next - now));
  return next;
}

const cases: Record<string, (now: number) => [Served, string[]]> = {
  simpleEcho: (now) => [{ pods: [fx.simpleEchoPod(now)], events: fx.simpleEchoEvents(now), nodes: [], leases: [] }, ['describe', 'pod', 'simple-echo']],
  crashLoop: (now) => [{ pods: [fx.crashLoopPod(now)], events: fx.crashLoopEvents(now), nodes: [], leases: [] }, ['describe', 'pod', '-n', 'shop', 'api-6d4f8b9c7-x2k9p']],
  pending: (now) => [{ pods: [fx.pendingPod(now)], events: fx.pendingEvents(now), nodes: [], leases: [] }, ['describe', 'pod', 'big']],
  terminating: (now) => [{ pods: [fx.terminatingPod(now)], events: [], nodes: [], leases: [] }, ['describe', 'pod', 'leaving']],
  node: (now) => [
    { pods: fx.simNodePods(now), events: fx.simNodeEvents(now), nodes: [fx.simNode(now)], leases: [fx.simNodeLease(now)] },
    ['describe', 'node', 'sim-node-1'],
  ],
  bareNode: (now) => [{ pods: [], events: [], nodes: [fx.bareNode(now)], leases: [] }, ['describe', 'node', 'sim-node-2']],
};

await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as AddressInfo).port;
const home = mkdtempSync(join(tmpdir(), 'kubesim-goldens-'));
const kubeconfig = join(home, 'config');
writeFileSync(
  kubeconfig,
  `apiVersion: v1\nkind: Config\nclusters: [{name: sim, cluster: {server: "http://127.0.0.1:${port}"}}]\n` +
    `contexts: [{name: sim, context: {cluster: sim, user: sim, namespace: default}}]\ncurrent-context: sim\nusers: [{name: sim, user: {}}]\n`,
);
const env = { ...process.env, HOME: home, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(home, 'cache'), TZ: 'UTC' };
await kubectl(['api-resources'], env); // warm the discovery cache so each describe starts quickly

const lines = [
  '// Recorded from the real kubectl 1.32 (TZ=UTC) describing the objects of describe-fixtures.ts, served at',
  '// `now`. Regenerate with: npx tsx test/kube/print/record-describe-goldens.ts (needs kubectl on PATH).',
  '',
  'export interface Golden {',
  '  now: number;',
  '  text: string;',
  '}',
  '',
  'export const describeGoldens: Record<string, Golden> = {',
];
for (const [name, make] of Object.entries(cases)) {
  const now = await nextSecond();
  const [objects, args] = make(now);
  served = objects;
  const text = await kubectl(args, env);
  lines.push(`  ${name}: {`, `    now: ${now},`, `    text: ${JSON.stringify(text)},`, '  },');
}
lines.push('};', '');
writeFileSync(new URL('./describe-goldens.ts', import.meta.url), lines.join('\n'));
server.close();
