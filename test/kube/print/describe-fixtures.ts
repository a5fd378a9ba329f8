// Objects as a real API server and kubelet would hold them, for the describe golden tests. Every
// timestamp is relative to `now`, so the same objects can be served to the real kubectl to record goldens.
import type { KubeEvent, KubeObject, Node, Pod, Volume } from '../../../src/kube/types.js';

export function at(now: number, secondsAgo: number): string {
  return new Date(now - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
}

function event(now: number, o: { name: string; ns?: string; clusterScoped?: boolean; kind?: string; obj: string; uid: string; fieldPath?: string; reason: string; message: string; type?: 'Normal' | 'Warning'; component: string; host?: string; first: number; last?: number; count?: number }): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: o.name, namespace: o.ns ?? 'default', creationTimestamp: at(now, o.first) },
    involvedObject: { kind: o.kind ?? 'Pod', ...(o.clusterScoped ? {} : { namespace: o.ns ?? 'default' }), name: o.obj, uid: o.uid, apiVersion: 'v1', ...(o.fieldPath ? { fieldPath: o.fieldPath } : {}) },
    reason: o.reason,
    message: o.message,
    type: o.type ?? 'Normal',
    source: { component: o.component, ...(o.host ? { host: o.host } : {}) },
    firstTimestamp: at(now, o.first),
    lastTimestamp: at(now, o.last ?? o.first),
    count: o.count ?? 1,
    reportingComponent: o.component,
    reportingInstance: o.host ?? '',
  };
}

const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
];

const apiAccessVolume = {
  name: 'kube-api-access-7x2kq',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};
const apiAccessMount = { name: 'kube-api-access-7x2kq', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };

const SIMPLE_UID = '3c5e2a7d-9b1f-4e8a-a2c4-6f0d1e2b3c4d';

/** The book's two-container pod, running on sim-node-1, with what the API server and kubelet add. */
export function simpleEchoPod(now: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'simple-echo',
      namespace: 'default',
      uid: SIMPLE_UID,
      resourceVersion: '1004',
      creationTimestamp: at(now, 95),
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n',
      },
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'gihyodocker/nginx-proxy:latest',
          imagePullPolicy: 'Always',
          env: [{ name: 'BACKEND_HOST', value: 'localhost:8080' }],
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          volumeMounts: [apiAccessMount],
        },
        {
          name: 'echo',
          image: 'gihyodocker/echo:latest',
          imagePullPolicy: 'Always',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: {},
          volumeMounts: [apiAccessMount],
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: 'sim-node-1',
      schedulerName: 'default-scheduler',
      tolerations: defaultTolerations,
      priority: 0,
      volumes: [apiAccessVolume],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 93) },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 95) },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 90) },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 90) },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 95) },
      ],
      hostIP: '172.18.0.2',
      hostIPs: [{ ip: '172.18.0.2' }],
      podIP: '10.244.0.11',
      podIPs: [{ ip: '10.244.0.11' }],
      startTime: at(now, 95),
      qosClass: 'BestEffort',
      containerStatuses: [
        {
          name: 'echo',
          state: { running: { startedAt: at(now, 90) } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'docker.io/gihyodocker/echo:latest',
          imageID: 'docker.io/gihyodocker/echo@sha256:1f0a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8',
          containerID: 'containerd://8e2d7f0c1b3a4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d',
          started: true,
        },
        {
          name: 'nginx',
          state: { running: { startedAt: at(now, 91) } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'docker.io/gihyodocker/nginx-proxy:latest',
          imageID: 'docker.io/gihyodocker/nginx-proxy@sha256:9a8b7c6d5e4f30211a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081',
          containerID: 'containerd://1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
          started: true,
        },
      ],
    },
  };
}

export function simpleEchoEvents(now: number): KubeEvent[] {
  const base = { obj: 'simple-echo', uid: SIMPLE_UID };
  return [
    event(now, { ...base, name: 'simple-echo.1', reason: 'Scheduled', message: 'Successfully assigned default/simple-echo to sim-node-1', component: 'default-scheduler', first: 95 }),
    event(now, { ...base, name: 'simple-echo.2', fieldPath: 'spec.containers{nginx}', reason: 'Pulling', message: 'Pulling image "gihyodocker/nginx-proxy:latest"', component: 'kubelet', host: 'sim-node-1', first: 94 }),
    event(now, { ...base, name: 'simple-echo.3', fieldPath: 'spec.containers{nginx}', reason: 'Pulled', message: 'Successfully pulled image "gihyodocker/nginx-proxy:latest" in 1.204s (1.204s including waiting). Image size: 8675309 bytes.', component: 'kubelet', host: 'sim-node-1', first: 92 }),
    event(now, { ...base, name: 'simple-echo.4', fieldPath: 'spec.containers{nginx}', reason: 'Created', message: 'Created container nginx', component: 'kubelet', host: 'sim-node-1', first: 91 }),
    event(now, { ...base, name: 'simple-echo.5', fieldPath: 'spec.containers{nginx}', reason: 'Started', message: 'Started container nginx', component: 'kubelet', host: 'sim-node-1', first: 91 }),
    event(now, { ...base, name: 'simple-echo.6', fieldPath: 'spec.containers{echo}', reason: 'Pulling', message: 'Pulling image "gihyodocker/echo:latest"', component: 'kubelet', host: 'sim-node-1', first: 91 }),
    event(now, { ...base, name: 'simple-echo.7', fieldPath: 'spec.containers{echo}', reason: 'Pulled', message: 'Successfully pulled image "gihyodocker/echo:latest" in 512ms (512ms including waiting). Image size: 4215001 bytes.', component: 'kubelet', host: 'sim-node-1', first: 90 }),
    event(now, { ...base, name: 'simple-echo.8', fieldPath: 'spec.containers{echo}', reason: 'Created', message: 'Created container echo', component: 'kubelet', host: 'sim-node-1', first: 90 }),
    event(now, { ...base, name: 'simple-echo.9', fieldPath: 'spec.containers{echo}', reason: 'Started', message: 'Started container echo', component: 'kubelet', host: 'sim-node-1', first: 90 }),
  ];
}

const CRASH_UID = '7d1c9e2f-3a4b-4c5d-8e6f-0a1b2c3d4e5f';

/** A pod from a ReplicaSet whose app container keeps crashing, with probes, resources, env and an init container. */
export function crashLoopPod(now: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'api-6d4f8b9c7-x2k9p',
      generateName: 'api-6d4f8b9c7-',
      namespace: 'shop',
      uid: CRASH_UID,
      creationTimestamp: at(now, 3 * 3600 + 125),
      labels: { app: 'api', 'pod-template-hash': '6d4f8b9c7', tier: 'backend' },
      annotations: {
        'example.com/owner': 'team-a',
        'example.com/long-note': 'x'.repeat(150),
        'example.com/multi': 'line one\nline two\n',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-6d4f8b9c7', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      initContainers: [
        { name: 'migrate', image: 'busybox:1.36', command: ['sh', '-c', 'echo migrating\nsleep 1'], resources: {}, volumeMounts: [] },
      ],
      containers: [
        {
          name: 'api',
          image: 'example/api:1.4.2',
          args: ['--port=8080', '--verbose'],
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
          resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '0.1', memory: '128Mi' } },
          livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
          startupProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
          envFrom: [{ configMapRef: { name: 'api-config' } }, { prefix: 'DB_', secretRef: { name: 'db', optional: true } }],
          env: [
            { name: 'MODE', value: 'production' },
            { name: 'BANNER', value: 'hello\nworld' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
            { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'api-config', key: 'level', optional: true } } },
          ],
          volumeMounts: [
            { name: 'config', mountPath: '/etc/api', readOnly: true },
            { name: 'data', mountPath: '/data', subPath: 'api' },
            { name: 'cache', mountPath: '/cache' },
          ],
        },
      ],
      restartPolicy: 'Always',
      serviceAccountName: 'api',
      nodeName: 'sim-node-2',
      priority: 1000,
      priorityClassName: 'high',
      readinessGates: [{ conditionType: 'example.com/load-balancer' }, { conditionType: 'example.com/dns' }],
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'api' } } },
        { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' },
      ],
      nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' },
      tolerations: [
        { key: 'dedicated', operator: 'Equal', value: 'api', effect: 'NoSchedule' },
        { operator: 'Exists' },
        ...defaultTolerations,
      ],
      volumes: [
        { name: 'config', configMap: { name: 'api-config', defaultMode: 420 } },
        { name: 'data', persistentVolumeClaim: { claimName: 'api-data' } },
        { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
        { name: 'creds', secret: { secretName: 'db', optional: true, defaultMode: 420 } },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
        { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }, { path: 'cpu', resourceFieldRef: { containerName: 'api', resource: 'limits.cpu' } }] } },
      ] as unknown as Volume[],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 3 * 3600 + 120) },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 3 * 3600 + 115) },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [api]', lastProbeTime: null, lastTransitionTime: at(now, 3 * 3600 + 115) },
        { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [api]', lastProbeTime: null, lastTransitionTime: at(now, 3 * 3600 + 115) },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 3 * 3600 + 125) },
        { type: 'example.com/load-balancer', status: 'True', lastProbeTime: null, lastTransitionTime: at(now, 3 * 3600) },
      ],
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      podIP: '10.244.1.7',
      podIPs: [{ ip: '10.244.1.7' }],
      startTime: at(now, 3 * 3600 + 125),
      qosClass: 'Burstable',
      initContainerStatuses: [
        {
          name: 'migrate',
          state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(now, 3 * 3600 + 119), finishedAt: at(now, 3 * 3600 + 116), containerID: 'containerd://aaaa' } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'docker.io/library/busybox:1.36',
          imageID: 'docker.io/library/busybox@sha256:1111',
          containerID: 'containerd://aaaa',
          started: false,
        },
      ],
      containerStatuses: [
        {
          name: 'api',
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=api pod=api-6d4f8b9c7-x2k9p_shop(7d1c9e2f)' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', message: 'config missing', startedAt: at(now, 50), finishedAt: at(now, 40), containerID: 'containerd://bbbb' } },
          ready: false,
          restartCount: 3,
          image: 'docker.io/example/api:1.4.2',
          imageID: 'docker.io/example/api@sha256:2222',
          containerID: 'containerd://bbbb',
          started: false,
        },
      ],
    },
  };
}

export function crashLoopEvents(now: number): KubeEvent[] {
  const base = { ns: 'shop', obj: 'api-6d4f8b9c7-x2k9p', uid: CRASH_UID };
  return [
    event(now, { ...base, name: 'api.1', reason: 'Scheduled', message: 'Successfully assigned shop/api-6d4f8b9c7-x2k9p to sim-node-2', component: 'default-scheduler', first: 3 * 3600 + 125 }),
    event(now, { ...base, name: 'api.2', fieldPath: 'spec.containers{api}', reason: 'Pulled', message: 'Container image "example/api:1.4.2" already present on machine', component: 'kubelet', host: 'sim-node-2', first: 3 * 3600 + 110, last: 50, count: 4 }),
    event(now, { ...base, name: 'api.3', fieldPath: 'spec.containers{api}', reason: 'BackOff', message: 'Back-off restarting failed container api in pod api-6d4f8b9c7-x2k9p_shop(7d1c9e2f)', type: 'Warning', component: 'kubelet', host: 'sim-node-2', first: 3 * 3600 + 90, last: 5, count: 12 }),
    event(now, { ...base, name: 'api.4', fieldPath: 'spec.containers{api}', reason: 'Unhealthy', message: 'Readiness probe failed: cat: /tmp/ready: No such file or directory\n', type: 'Warning', component: 'kubelet', host: 'sim-node-2', first: 700 }),
  ];
}

/** A pod that cannot be scheduled, with no containers started. */
export function pendingPod(now: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'big', namespace: 'default', uid: 'pending-uid', creationTimestamp: at(now, 8 * 86400) },
    spec: {
      containers: [{ name: 'big', image: 'nginx', resources: { requests: { cpu: '64', memory: '1Ti' }, limits: { cpu: '64', memory: '1Ti' } } }],
      serviceAccountName: 'default',
      priority: 0,
      tolerations: defaultTolerations,
    },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/2 nodes are available: 2 Insufficient cpu.', lastProbeTime: null, lastTransitionTime: at(now, 8 * 86400) }],
      qosClass: 'Guaranteed',
    },
  };
}

export function pendingEvents(now: number): KubeEvent[] {
  return [
    event(now, {
      obj: 'big',
      uid: 'pending-uid',
      name: 'big.1',
      reason: 'FailedScheduling',
      message: '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      type: 'Warning',
      component: 'default-scheduler',
      first: 8 * 86400,
      last: 3 * 60 + 20,
      count: 2100,
    }),
  ];
}

/** A pod being deleted: Terminating with its grace period, and no events. */
export function terminatingPod(now: number): Pod {
  const p = simpleEchoPod(now);
  p.metadata.name = 'leaving';
  p.metadata.uid = 'leaving-uid';
  p.metadata.labels = { app: 'echo' };
  p.metadata.deletionTimestamp = at(now, -25);
  p.metadata.deletionGracePeriodSeconds = 30;
  return p;
}

export function simNode(now: number): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'sim-node-1',
      uid: 'node-uid-1',
      creationTimestamp: at(now, 2 * 86400 + 3 * 3600),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': 'sim-node-1',
        'kubernetes.io/os': 'linux',
        'node-role.kubernetes.io/control-plane': '',
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: '10.244.0.0/24',
      podCIDRs: ['10.244.0.0/24'],
      providerID: 'kind://docker/sim/sim-node-1',
      taints: [
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        { key: 'dedicated', value: 'infra', effect: 'PreferNoSchedule' },
      ],
    },
    status: {
      capacity: { cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16332644Ki', pods: '110' },
      allocatable: { cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16332644Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: at(now, 20), lastTransitionTime: at(now, 2 * 86400 + 3 * 3600), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: at(now, 20), lastTransitionTime: at(now, 2 * 86400 + 3 * 3600), reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: at(now, 20), lastTransitionTime: at(now, 2 * 86400 + 3 * 3600), reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: at(now, 20), lastTransitionTime: at(now, 2 * 86400 + 3 * 3600 - 30), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'Hostname', address: 'sim-node-1' },
      ],
      nodeInfo: {
        machineID: '6b3a5c1e2d4f4a8b9c0d1e2f3a4b5c6d',
        systemUUID: '6b3a5c1e-2d4f-4a8b-9c0d-1e2f3a4b5c6d',
        bootID: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
        kernelVersion: '6.8.0-1015-gcp',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: 'v1.32.4',
        kubeProxyVersion: 'v1.32.4',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** The non-terminated pods on sim-node-1 that `kubectl describe node` lists. */
export function simNodePods(now: number): Pod[] {
  const echo = simpleEchoPod(now);
  const dns = simpleEchoPod(now);
  dns.metadata = { name: 'coredns-668d6bf9bc-abcde', namespace: 'kube-system', uid: 'dns-uid', creationTimestamp: at(now, 2 * 86400 + 3 * 3600 - 60) };
  dns.spec.containers = [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } } }];
  const web = simpleEchoPod(now);
  web.metadata = { name: 'web', namespace: 'default', uid: 'web-uid', creationTimestamp: at(now, 600) };
  web.spec.containers = [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '250m', memory: '256Mi' } } }];
  // In the API's list order: namespace, then name.
  return [echo, web, dns];
}

export function simNodeEvents(now: number): KubeEvent[] {
  const base = { ns: 'default', clusterScoped: true, kind: 'Node', obj: 'sim-node-1', uid: 'sim-node-1' };
  return [
    event(now, { ...base, name: 'n.1', reason: 'Starting', message: 'Starting kubelet.', component: 'kubelet', host: 'sim-node-1', first: 2 * 86400 + 3 * 3600 + 5 }),
    event(now, { ...base, name: 'n.2', reason: 'NodeHasSufficientMemory', message: 'Node sim-node-1 status is now: NodeHasSufficientMemory', component: 'kubelet', host: 'sim-node-1', first: 2 * 86400 + 3 * 3600 + 5, last: 2 * 86400 + 3 * 3600, count: 8 }),
    event(now, { ...base, uid: 'node-uid-1', name: 'n.3', reason: 'RegisteredNode', message: 'Node sim-node-1 event: Registered Node sim-node-1 in Controller', component: 'node-controller', first: 2 * 86400 + 3 * 3600 - 10 }),
  ];
}

export function simNodeLease(now: number): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'sim-node-1', namespace: 'kube-node-lease' },
    spec: { holderIdentity: 'sim-node-1', leaseDurationSeconds: 40, renewTime: '2024-05-01T11:59:58.123456Z'.replace('2024-05-01T11:59:58', at(now, 2).slice(0, 19)) },
  };
}

/** A bare worker: no roles, no taints, cordoned, no pods, no events. */
export function bareNode(now: number): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'sim-node-2', uid: 'node-uid-2', creationTimestamp: at(now, 40), labels: { 'kubernetes.io/hostname': 'sim-node-2' } },
    spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at(now, 10) }] },
    status: {
      capacity: { cpu: '2', memory: '4Gi', pods: '110' },
      allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'Unknown', lastHeartbeatTime: at(now, 30), lastTransitionTime: at(now, 5), reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }],
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
      nodeInfo: { kubeletVersion: 'v1.32.4', operatingSystem: 'linux', architecture: 'amd64' },
    },
  };
}
