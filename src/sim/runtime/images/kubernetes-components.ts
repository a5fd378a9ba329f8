// The kube-system Pods' images, as a kind cluster runs them: etcd's JSON log, the control-plane components'
// and kube-proxy's klog lines, CoreDNS's banner (with /health and /ready answering), kindnetd. Each logs
// its start-up within a second or two and runs until stopped.

import { handleSignals, type Program, type Proc } from '../process/program.js';
import { Signalled, sleep, waitForever } from '../process/task.js';
import type { ImageDefinition } from './image.js';

const p2 = (n: number, w = 2) => String(n).padStart(w, '0');

/** klog's header: `I1128 21:03:12.345678       1 file.go:66] `. */
function klog(proc: Proc, source: string, message: string): void {
  const d = new Date(proc.host.context.clock.wallTime());
  const micros = p2(d.getUTCMilliseconds(), 3) + p2(Math.floor(proc.host.context.random() * 1000), 3);
  proc.stderr(`I${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}       1 ${source}] ${message}\n`);
}

function versionOf(proc: Proc): string {
  return /:(v[\d.]+)/.exec(proc.host.context.image)?.[1] ?? 'v1.32.2';
}

type Step = (proc: Proc) => void;

/** A component that logs its steps a little apart, serves `ports` with `ok`, and exits 0 at TERM. */
function component(steps: Step[], ports: number[] = []): Program {
  return function* (proc) {
    handleSignals(proc);
    try {
      for (const step of steps) {
        step(proc);
        yield* sleep(50 + Math.floor(proc.host.context.random() * 250));
      }
      for (const port of ports) proc.host.listen(port, () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }));
      return yield* waitForever();
    } catch (error) {
      if (error instanceof Signalled && error.signal === 'TERM') return 0;
      throw error;
    }
  };
}

function definition(repository: string, program: Program, sizeBytes: number): ImageDefinition {
  return { repositories: [repository], sizeBytes, flavour: 'distroless', entrypoint: ['/usr/local/bin/component'], programs: { '/usr/local/bin/component': program } };
}

const etcdJson = (proc: Proc, caller: string, msg: string, extra = '') =>
  proc.stderr(`{"level":"info","ts":"${new Date(proc.host.context.clock.wallTime()).toISOString().replace('Z', '000Z')}","caller":"${caller}","msg":"${msg}"${extra}}\n`);

export const etcd = definition(
  'registry.k8s.io/etcd',
  component(
    [
      (p) => etcdJson(p, 'etcdmain/etcd.go:73', 'Running: ', `,"args":["etcd","--advertise-client-urls=https://${p.host.context.network.podIP}:2379","--data-dir=/var/lib/etcd","--listen-client-urls=https://127.0.0.1:2379,https://${p.host.context.network.podIP}:2379"]`),
      (p) => etcdJson(p, 'embed/etcd.go:311', 'starting an etcd server', ',"etcd-version":"3.5.16","git-sha":"f20bbad","go-version":"go1.22.7","go-os":"linux","go-arch":"amd64"'),
      (p) => etcdJson(p, 'raft/raft.go:812', '8e9e05c52164694d became leader at term 2'),
      (p) => etcdJson(p, 'etcdserver/server.go:2078', 'published local member to cluster through raft', ',"local-member-id":"8e9e05c52164694d","cluster-id":"cdf818194e3a8c32"'),
      (p) => etcdJson(p, 'embed/serve.go:103', 'ready to serve client requests'),
    ],
    [2379, 2381],
  ),
  57_680_541,
);

export const kubeApiserver = definition(
  'registry.k8s.io/kube-apiserver',
  component(
    [
      (p) => klog(p, 'options.go:228', `external host was not specified, using ${p.host.context.network.podIP}`),
      (p) => klog(p, 'server.go:142', `Version: ${versionOf(p)}`),
      (p) => klog(p, 'secure_serving.go:213', 'Serving securely on [::]:6443'),
      (p) => klog(p, 'controller.go:615', 'quota admission added evaluator for: namespaces'),
    ],
    [6443],
  ),
  98_051_552,
);

function leaderComponent(name: string, port: number): Step[] {
  return [
    (p) => klog(p, 'serving.go:386', 'Generated self-signed cert in-memory'),
    (p) => klog(p, name === 'kube-scheduler' ? 'server.go:167' : 'controllermanager.go:185', `"Starting ${name === 'kube-scheduler' ? 'Kubernetes Scheduler' : 'controller manager'}" version="${versionOf(p)}"`),
    (p) => klog(p, 'secure_serving.go:213', `Serving securely on 127.0.0.1:${port}`),
    (p) => klog(p, 'leaderelection.go:257', `attempting to acquire leader lease kube-system/${name}...`),
    (p) => klog(p, 'leaderelection.go:271', `successfully acquired lease kube-system/${name}`),
  ];
}

export const kubeControllerManager = definition('registry.k8s.io/kube-controller-manager', component(leaderComponent('kube-controller-manager', 10257), [10257]), 90_793_286);
export const kubeScheduler = definition('registry.k8s.io/kube-scheduler', component(leaderComponent('kube-scheduler', 10259), [10259]), 70_649_158);

export const kubeProxy = definition(
  'registry.k8s.io/kube-proxy',
  component([
    (p) => klog(p, 'server_linux.go:66', '"Using iptables proxy"'),
    (p) => klog(p, 'server.go:677', `"Successfully retrieved node IP(s)" IPs=["${p.host.context.network.podIP}"]`),
    (p) => klog(p, 'server_linux.go:170', '"Using iptables Proxier"'),
    (p) => klog(p, 'server.go:846', `"Version info" version="${versionOf(p)}"`),
    (p) => klog(p, 'config.go:199', '"Starting service config controller"'),
    (p) => klog(p, 'shared_informer.go:320', 'Caches are synced for service config'),
  ]),
  95_271_321,
);

export const coredns = definition(
  'registry.k8s.io/coredns/coredns',
  component(
    [
      (p) => p.stdout('.:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\nCoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9\n'),
    ],
    [8080, 8181, 9153],
  ),
  18_562_039,
);

export const kindnetd = definition(
  'kindest/kindnetd',
  component([
    (p) => klog(p, 'main.go:139', 'setting mtu 1500 for CNI '),
    (p) => klog(p, 'main.go:148', 'kindnetd IP family: "ipv4"'),
    (p) => klog(p, 'main.go:152', 'noMask IPv4 subnets: [10.244.0.0/16]'),
    (p) => klog(p, 'main.go:295', `Handling node with IPs: map[${p.host.context.network.podIP}:{}]`),
  ]),
  38_601_118,
);

export const KUBERNETES_COMPONENTS = [etcd, kubeApiserver, kubeControllerManager, kubeScheduler, kubeProxy, coredns, kindnetd];
