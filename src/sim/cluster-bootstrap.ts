// What a fresh kind cluster holds before the user applies anything: namespaces, the `default` ServiceAccount
// of each, a control-plane node plus workers, and the kube-system Pods (control plane, CoreDNS, kube-proxy and
// kindnet on every node). Names, labels, taints, addresses and versions follow kind v0.27 / Kubernetes v1.32.

import type { KubeObject, Node, Pod } from '../kube/types.js';
import { parseQuantity } from './kube-deps.js';
import type { SeededRandom } from './random.js';

export const CLUSTER_NAME = 'kubesim';
export const KUBERNETES_VERSION = 'v1.32.2';
export const CONTROL_PLANE_NODE = `${CLUSTER_NAME}-control-plane`;

export interface BootstrapOptions {
  workers: number;
  nodeCpu: string;
  nodeMemory: string;
  maxPods: number;
}

export const SYSTEM_IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.5.16-0',
  apiserver: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  controllerManager: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  scheduler: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  proxy: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  coredns: 'registry.k8s.io/coredns/coredns:v1.11.3',
  kindnet: 'docker.io/kindest/kindnetd:v20250214-acbabc1a',
} as const;

/** `kubesim-worker`, `kubesim-worker2`, ... as kind names them (index 0 is the control plane). */
export function nodeName(index: number): string {
  if (index === 0) return CONTROL_PLANE_NODE;
  return index === 1 ? `${CLUSTER_NAME}-worker` : `${CLUSTER_NAME}-worker${index}`;
}

/** The node's InternalIP on kind's docker network 172.18.0.0/16 (the gateway is .1). */
export function nodeInternalIP(index: number): string {
  const n = index + 2;
  return `172.18.${Math.floor(n / 256)}.${n % 256}`;
}

/**
 * The node's pod CIDR: kind's 10.244.0.0/16 gives 10.244.N.0/24. Beyond 256 nodes the cluster CIDR widens to
 * 10.244.0.0/14 (10.244–10.247), which holds 1,024 nodes; more continue into 10.248+ the same way.
 */
export function nodePodCIDR(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

function memoryKi(quantity: string): string {
  return `${Math.floor(parseQuantity(quantity) / 1024)}Ki`;
}

export function buildNode(index: number, options: BootstrapOptions, random: SeededRandom, created: string): Node {
  const name = nodeName(index);
  const controlPlane = index === 0;
  const capacity = {
    cpu: options.nodeCpu,
    'ephemeral-storage': '102626232Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: memoryKi(options.nodeMemory),
    pods: String(options.maxPods),
  };
  const heartbeat = { lastHeartbeatTime: created, lastTransitionTime: created };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: created,
    },
    spec: {
      podCIDR: nodePodCIDR(index),
      podCIDRs: [nodePodCIDR(index)],
      providerID: `kind://docker/${CLUSTER_NAME}/${name}`,
      ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: nodeInternalIP(index) },
        { type: 'Hostname', address: name },
      ],
      allocatable: { ...capacity },
      capacity,
      conditions: [
        { type: 'MemoryPressure', status: 'False', ...heartbeat, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', ...heartbeat, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', ...heartbeat, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', ...heartbeat, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: random.uid(),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-1021-gcp',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: random.hex(32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: random.uid(),
      },
      images: Object.values(SYSTEM_IMAGES)
        .filter((img) => controlPlane || img === SYSTEM_IMAGES.proxy || img === SYSTEM_IMAGES.kindnet)
        .map((img) => ({ names: [img], sizeBytes: 20_000_000 + random.int(60_000_000) })),
    },
  } as Node;
}

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export function buildNamespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function buildDefaultServiceAccount(namespace: string, name = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

/** The ServiceAccounts kube-system's own Pods run as (kubeadm and kind create them). */
export const SYSTEM_SERVICE_ACCOUNTS = ['coredns', 'kindnet', 'kube-proxy'];

const CRITICAL = { priorityClassName: 'system-node-critical', priority: 2000001000 };
const CLUSTER_CRITICAL = { priorityClassName: 'system-cluster-critical', priority: 2000000000 };

function staticPod(component: string, image: string, nodeIP: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${CONTROL_PLANE_NODE}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.source': 'file',
        'kubernetes.io/config.mirror': 'mirror',
        ...(component === 'kube-apiserver' ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIP}:6443` } : {}),
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: CONTROL_PLANE_NODE, uid: '', controller: true }],
    },
    spec: {
      containers: [{ name: component, image, imagePullPolicy: 'IfNotPresent' }],
      hostNetwork: true,
      nodeName: CONTROL_PLANE_NODE,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      ...CRITICAL,
    },
  };
}

function daemonPod(app: string, image: string, node: string, random: SeededRandom, revision: string, extra: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${app}-${random.nameSuffix(5)}`,
      namespace: 'kube-system',
      labels: { 'k8s-app': app, 'controller-revision-hash': revision, 'pod-template-generation': '1', ...(app === 'kindnet' ? { app: 'kindnet', tier: 'node' } : {}) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: app, uid: '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [{ name: app === 'kindnet' ? 'kindnet-cni' : app, image, imagePullPolicy: 'IfNotPresent' }],
      hostNetwork: true,
      nodeName: node,
      serviceAccountName: app,
      tolerations: [{ operator: 'Exists' }],
      ...CRITICAL,
      ...extra,
    },
  };
}

function corednsPod(random: SeededRandom, rsHash: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `coredns-${rsHash}-${random.nameSuffix(5)}`,
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': rsHash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `coredns-${rsHash}`, uid: '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [
        {
          name: 'coredns',
          image: SYSTEM_IMAGES.coredns,
          imagePullPolicy: 'IfNotPresent',
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        },
      ],
      nodeName: CONTROL_PLANE_NODE,
      serviceAccountName: 'coredns',
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
      ...CLUSTER_CRITICAL,
    },
  };
}

/** The kube-system Pods of a kind cluster with `nodes` nodes (index 0 the control plane). */
export function buildSystemPods(nodes: number, random: SeededRandom): Pod[] {
  const cpIP = nodeInternalIP(0);
  const pods: Pod[] = [
    staticPod('etcd', SYSTEM_IMAGES.etcd, cpIP),
    staticPod('kube-apiserver', SYSTEM_IMAGES.apiserver, cpIP),
    staticPod('kube-controller-manager', SYSTEM_IMAGES.controllerManager, cpIP),
    staticPod('kube-scheduler', SYSTEM_IMAGES.scheduler, cpIP),
  ];
  const rsHash = random.nameSuffix(10);
  pods.push(corednsPod(random, rsHash), corednsPod(random, rsHash));
  // A DaemonSet's Pods share its revision hash.
  const proxyRevision = random.hex(10);
  const kindnetRevision = random.hex(10);
  for (let i = 0; i < nodes; i++) {
    pods.push(daemonPod('kube-proxy', SYSTEM_IMAGES.proxy, nodeName(i), random, proxyRevision));
    pods.push(
      daemonPod('kindnet', SYSTEM_IMAGES.kindnet, nodeName(i), random, kindnetRevision, {
        containers: [{ name: 'kindnet-cni', image: SYSTEM_IMAGES.kindnet, imagePullPolicy: 'IfNotPresent', resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } } }],
        serviceAccountName: 'kindnet',
      }),
    );
  }
  // Random five-letter suffixes collide now and then across thousands of nodes; names must stay unique.
  const seen = new Set<string>();
  for (const pod of pods) {
    while (seen.has(pod.metadata.name!)) pod.metadata.name = pod.metadata.name!.replace(/-[^-]+$/, `-${random.nameSuffix(5)}`);
    seen.add(pod.metadata.name!);
  }
  return pods;
}

/**
 * The objects behind the kube-system Pods and the cluster's two Services, as `kubectl get all -A` shows them
 * on a fresh kind cluster. Their controllers are not simulated: status is written once, as settled.
 */
export function buildSystemWorkloads(nodes: number, pods: Pod[], created: string): KubeObject[] {
  const label = (app: string, key: string) => pods.find((p) => p.metadata.labels?.['k8s-app'] === app)?.metadata.labels?.[key] ?? '';
  const rsHash = label('kube-dns', 'pod-template-hash');
  const template = (app: string) => pods.find((p) => p.metadata.labels?.['k8s-app'] === app)!;
  const podTemplate = (pod: Pod) => ({ metadata: { labels: { ...pod.metadata.labels, 'controller-revision-hash': undefined, 'pod-template-generation': undefined } }, spec: { ...pod.spec, nodeName: undefined } });
  const daemonSet = (app: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: app, namespace: 'kube-system', labels: { 'k8s-app': app }, annotations: { 'deprecated.daemonset.template.generation': '1' }, creationTimestamp: created },
    spec: { selector: { matchLabels: { 'k8s-app': app } }, template: podTemplate(template(app)), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, revisionHistoryLimit: 10 },
    status: { currentNumberScheduled: nodes, desiredNumberScheduled: nodes, numberAvailable: nodes, numberMisscheduled: 0, numberReady: nodes, observedGeneration: 1, updatedNumberScheduled: nodes },
  });
  const coredns = template('kube-dns');
  const replicaStatus = { availableReplicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2 };
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' }, creationTimestamp: created },
      spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' }, creationTimestamp: created },
      spec: {
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
    daemonSet('kube-proxy'),
    daemonSet('kindnet'),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, annotations: { 'deployment.kubernetes.io/revision': '1' }, creationTimestamp: created },
      spec: { replicas: 2, selector: { matchLabels: { 'k8s-app': 'kube-dns' } }, template: podTemplate(coredns), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
      status: {
        availableReplicas: 2,
        observedGeneration: 1,
        readyReplicas: 2,
        replicas: 2,
        updatedReplicas: 2,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: created, lastTransitionTime: created },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "coredns-${rsHash}" has successfully progressed.`, lastUpdateTime: created, lastTransitionTime: created },
        ],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `coredns-${rsHash}`,
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': rsHash },
        annotations: { 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'coredns', uid: '', controller: true, blockOwnerDeletion: true }],
        creationTimestamp: created,
      },
      spec: { replicas: 2, selector: { matchLabels: { 'k8s-app': 'kube-dns', 'pod-template-hash': rsHash } }, template: podTemplate(coredns) },
      status: replicaStatus,
    },
  ];
}

/** Points ownerReferences (uid '' until now) at the stored owners. */
export function resolveOwnerUids(obj: KubeObject, uidOf: (kind: string, namespace: string | undefined, name: string) => string | undefined): void {
  for (const ref of obj.metadata.ownerReferences ?? []) {
    if (ref.uid) continue;
    ref.uid = uidOf(ref.kind, ref.kind === 'Node' ? undefined : obj.metadata.namespace, ref.name) ?? '';
  }
}
