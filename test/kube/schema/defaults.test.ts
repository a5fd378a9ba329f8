import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults } from '../../../src/kube/schema/defaults.js';
import { defaultImagePullPolicy } from '../../../src/kube/schema/defaults-pod-spec.js';
import { podQOSClass } from '../../../src/kube/schema/qos.js';
import type { KubeObject, Pod } from '../../../src/kube/types.js';

test('a bare Pod gets what kubectl get -o yaml shows on a real cluster', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
  };
  applyDefaults(pod);
  assert.equal(pod.metadata.namespace, 'default');
  const { containers, ...spec } = pod.spec;
  assert.deepEqual(spec, {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  });
  assert.deepEqual(containers, [
    {
      name: 'web',
      image: 'nginx:1.27',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    },
  ]);
});

test('defaulting twice changes nothing more, and keeps tolerations the Pod already has', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'team' },
    spec: { containers: [{ name: 'web', image: 'nginx' }], tolerations: [{ operator: 'Exists' }] },
  };
  applyDefaults(pod);
  const once = structuredClone(pod);
  applyDefaults(pod);
  assert.deepEqual(pod, once);
  assert.equal(pod.metadata.namespace, 'team');
  assert.deepEqual(pod.spec.tolerations, [{ operator: 'Exists' }]);
});

test('image pull policy: Always for latest or no tag, IfNotPresent for a tag or digest', () => {
  assert.equal(defaultImagePullPolicy('nginx'), 'Always');
  assert.equal(defaultImagePullPolicy('nginx:latest'), 'Always');
  assert.equal(defaultImagePullPolicy('localhost:5000/app'), 'Always');
  assert.equal(defaultImagePullPolicy('localhost:5000/app:v1'), 'IfNotPresent');
  assert.equal(defaultImagePullPolicy('nginx@sha256:abc'), 'IfNotPresent');
});

test('probes get their periods and thresholds, httpGet its path and scheme; limits become requests', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx',
          livenessProbe: { httpGet: { port: 80 } },
          resources: { limits: { cpu: '500m', memory: '128Mi' } },
        },
      ],
    },
  };
  applyDefaults(pod);
  const c = pod.spec.containers[0];
  assert.deepEqual(c.livenessProbe, {
    httpGet: { port: 80, path: '/', scheme: 'HTTP' },
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  });
  assert.deepEqual(c.resources.requests, { cpu: '500m', memory: '128Mi' });
});

test('a Deployment gets its strategy, history and deadline, and its template the container defaults', () => {
  const d: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  };
  applyDefaults(d);
  assert.equal(d.spec.replicas, 1);
  assert.deepEqual(d.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(d.spec.revisionHistoryLimit, 10);
  assert.equal(d.spec.progressDeadlineSeconds, 600);
  assert.equal(d.spec.template.spec.restartPolicy, 'Always');
  assert.equal(d.spec.template.spec.containers[0].imagePullPolicy, 'Always');
  assert.equal(d.spec.template.spec.tolerations, undefined, 'admission defaults are for Pods, not templates');
  assert.equal(d.spec.template.spec.enableServiceLinks, undefined, 'SetDefaults_Pod is for Pods, not templates');
});

test('a Service gets type ClusterIP, session affinity None, TCP and the target port', () => {
  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } };
  applyDefaults(svc);
  assert.equal(svc.spec.type, 'ClusterIP');
  assert.equal(svc.spec.sessionAffinity, 'None');
  assert.deepEqual(svc.spec.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
});

test('a Job without a restart policy still gets Always in its template (which validation then rejects)', () => {
  const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } } };
  applyDefaults(job);
  assert.equal(job.spec.template.spec.restartPolicy, 'Always');
  assert.equal(job.spec.backoffLimit, 6);
  assert.equal(job.spec.completions, 1);
  assert.equal(job.spec.parallelism, 1);
});

test('a cluster-scoped object loses a namespace; a Namespace gets its name label and finalizer', () => {
  const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', namespace: 'default' } };
  applyDefaults(ns);
  assert.equal(ns.metadata.namespace, undefined);
  assert.deepEqual(ns.metadata.labels, { 'kubernetes.io/metadata.name': 'team' });
  assert.deepEqual(ns.spec, { finalizers: ['kubernetes'] });
});

test('Secret stringData is merged into data, base64-encoded', () => {
  const s: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { user: 'admin' } };
  applyDefaults(s);
  assert.deepEqual(s.data, { user: 'YWRtaW4=' });
  assert.equal(s.stringData, undefined);
  assert.equal(s.type, 'Opaque');
});

const withResources = (...resources: Record<string, unknown>[]): Pick<Pod, 'spec'> => ({
  spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: 'x', resources: r })) },
});

test('QoS class: BestEffort without resources, Guaranteed when limits equal requests, else Burstable', () => {
  assert.equal(podQOSClass(withResources({})), 'BestEffort');
  assert.equal(podQOSClass(withResources({ limits: { cpu: '1', memory: '1Gi' } })), 'Guaranteed');
  assert.equal(podQOSClass(withResources({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1Gi' } })), 'Guaranteed');
  assert.equal(podQOSClass(withResources({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } })), 'Burstable');
  assert.equal(podQOSClass(withResources({ limits: { cpu: '100m' } })), 'Burstable');
  assert.equal(podQOSClass(withResources({ limits: { cpu: '1', memory: '1Gi' } }, {})), 'Burstable');
});
