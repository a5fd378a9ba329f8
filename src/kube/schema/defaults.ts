// API-server defaulting (the SetDefaults_* functions of each API group) plus the admission plugins that shape
// new Pods. Mutates the object. Identity and bookkeeping (uid, resourceVersion, creationTimestamp, generation),
// generated names, the token volume and cluster IPs are the store's business.
import { findKind } from '../kinds.js';
import type { KubeObject } from '../types.js';
import { defaultPodOnly, defaultPodSpec } from './defaults-pod-spec.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

function child(parent: Obj, key: string): Obj {
  if (!isObj(parent[key])) parent[key] = {};
  return parent[key] as Obj;
}

/** Defaults for a pod template's spec, if the template is there (validation reports a missing one). */
function defaultTemplate(template: unknown): void {
  if (isObj(template) && isObj(template.spec)) defaultPodSpec(template.spec);
}

type Defaulter = (obj: KubeObject, spec: Obj) => void;

const byKind: Record<string, Defaulter> = {
  Pod(_obj, spec) {
    defaultPodSpec(spec);
    defaultPodOnly(spec);
  },
  Namespace(obj) {
    const labels = child(obj.metadata, 'labels');
    if (typeof obj.metadata.name === 'string') labels['kubernetes.io/metadata.name'] = obj.metadata.name;
    const spec = child(obj, 'spec');
    spec.finalizers ??= ['kubernetes'];
  },
  Secret(obj) {
    obj.type ??= 'Opaque';
    // stringData is write-only: it is merged into data, base64-encoded, and not stored.
    if (isObj(obj.stringData)) {
      const data = (obj.data ??= {}) as Obj;
      for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
      delete obj.stringData;
    }
  },
  Service(_obj, spec) {
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
    for (const p of objects(spec.ports)) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
    }
  },
  PersistentVolumeClaim(_obj, spec) {
    spec.volumeMode ??= 'Filesystem';
  },
  PersistentVolume(_obj, spec) {
    spec.persistentVolumeReclaimPolicy ??= 'Retain';
    spec.volumeMode ??= 'Filesystem';
  },
  ReplicationController(obj, spec) {
    spec.replicas ??= 1;
    const template = isObj(spec.template) ? spec.template : undefined;
    const labels = template && isObj(template.metadata) && isObj(template.metadata.labels) ? template.metadata.labels : undefined;
    if (labels && !isObj(spec.selector)) spec.selector = { ...labels };
    if (labels && !obj.metadata.labels) obj.metadata.labels = { ...(labels as Record<string, string>) };
    defaultTemplate(spec.template);
  },
  PodTemplate(obj) {
    defaultTemplate(obj.template);
  },
  Deployment(_obj, spec) {
    spec.replicas ??= 1;
    const strategy = child(spec, 'strategy');
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rolling = child(strategy, 'rollingUpdate');
      rolling.maxUnavailable ??= '25%';
      rolling.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    defaultTemplate(spec.template);
  },
  ReplicaSet(_obj, spec) {
    spec.replicas ??= 1;
    defaultTemplate(spec.template);
  },
  StatefulSet(_obj, spec) {
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    const strategy = child(spec, 'updateStrategy');
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') child(strategy, 'rollingUpdate').partition ??= 0;
    spec.revisionHistoryLimit ??= 10;
    const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
    retention.whenDeleted ??= 'Retain';
    retention.whenScaled ??= 'Retain';
    for (const claim of objects(spec.volumeClaimTemplates)) {
      claim.apiVersion ??= 'v1';
      claim.kind ??= 'PersistentVolumeClaim';
      child(claim, 'spec').volumeMode ??= 'Filesystem';
      child(claim, 'status').phase ??= 'Pending';
    }
    defaultTemplate(spec.template);
  },
  DaemonSet(_obj, spec) {
    const strategy = child(spec, 'updateStrategy');
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rolling = child(strategy, 'rollingUpdate');
      rolling.maxUnavailable ??= 1;
      rolling.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    defaultTemplate(spec.template);
  },
  Job(_obj, spec) {
    defaultJobSpec(spec);
  },
  CronJob(_obj, spec) {
    spec.concurrencyPolicy ??= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    const jobTemplate = child(spec, 'jobTemplate');
    defaultJobSpec(child(jobTemplate, 'spec'));
  },
  NetworkPolicy(_obj, spec) {
    if (!Array.isArray(spec.policyTypes)) spec.policyTypes = spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
    for (const rule of [...objects(spec.ingress), ...objects(spec.egress)]) {
      for (const p of objects(rule.ports)) p.protocol ??= 'TCP';
    }
  },
};

function defaultJobSpec(spec: Obj): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  // With per-index back-off limits the global one is effectively unlimited.
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy === undefined ? 'TerminatingOrFailed' : 'Failed';
  defaultTemplate(spec.template);
}

/**
 * Fills in what the API server would: the namespace (`default`) of a namespaced kind, or removes it from a
 * cluster-scoped one, then the kind's defaults. Unknown kinds only get the namespace.
 */
export function applyDefaults(obj: KubeObject): void {
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (!isObj(obj.metadata)) return; // not decodable; the decode step reports it
  const info = findKind(obj.apiVersion, obj.kind);
  if (info?.namespaced === false) delete obj.metadata.namespace;
  else obj.metadata.namespace ||= 'default';
  const defaulter = info ? byKind[obj.kind] : undefined;
  if (!defaulter) return;
  const spec = isObj(obj.spec) ? obj.spec : undefined;
  if (obj.kind === 'Pod' || obj.kind === 'Namespace' || obj.kind === 'Secret' || obj.kind === 'PodTemplate') defaulter(obj, spec ?? {});
  else if (spec) defaulter(obj, spec);
}
