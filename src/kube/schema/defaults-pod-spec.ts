// SetDefaults_PodSpec and the container, port, probe and volume defaults of pkg/apis/core/v1/defaults.go:
// what `kubectl get pod -o yaml` shows that nobody wrote. Applies to Pods and every pod template.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** `visit` for each map in a list (the pod spec's lists), without gathering them into a new array first. */
function forEachObject(list: unknown, visit: (o: Obj) => void): void {
  if (!Array.isArray(list)) return;
  for (const item of list) if (isObj(item)) visit(item);
}

/** `Always` for `:latest` or no tag, `IfNotPresent` for any other tag or a digest. */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon < 0 ? '' : lastSegment.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  if (spec.hostNetwork === true) defaultHostPorts(spec);
  forEachObject(spec.initContainers, defaultContainer);
  forEachObject(spec.containers, defaultContainer);
  forEachObject(spec.ephemeralContainers, defaultContainer);
  forEachObject(spec.volumes, defaultVolume);
}

// With the host network a container port is a host port.
function defaultHostPorts(spec: Obj): void {
  for (const c of [...objects(spec.initContainers), ...objects(spec.containers)]) {
    for (const p of objects(c.ports)) p.hostPort ??= p.containerPort;
  }
}

function defaultContainer(c: Obj): void {
  if (c.imagePullPolicy === undefined && typeof c.image === 'string') c.imagePullPolicy = defaultImagePullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  forEachObject(c.ports, defaultPortProtocol);
  forEachObject(c.env, defaultEnvFieldRef);
  if (isObj(c.livenessProbe)) defaultProbe(c.livenessProbe);
  if (isObj(c.readinessProbe)) defaultProbe(c.readinessProbe);
  if (isObj(c.startupProbe)) defaultProbe(c.startupProbe);
  if (isObj(c.lifecycle)) {
    for (const hook of ['postStart', 'preStop']) {
      const h = c.lifecycle[hook];
      if (isObj(h) && isObj(h.httpGet)) defaultHttpGet(h.httpGet);
    }
  }
}

function defaultPortProtocol(port: Obj): void {
  port.protocol ??= 'TCP';
}

function defaultEnvFieldRef(env: Obj): void {
  const fieldRef = isObj(env.valueFrom) ? env.valueFrom.fieldRef : undefined;
  if (isObj(fieldRef)) fieldRef.apiVersion ??= 'v1';
}

function defaultProbe(probe: Obj): void {
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (isObj(probe.httpGet)) defaultHttpGet(probe.httpGet);
  if (isObj(probe.grpc)) probe.grpc.service ??= '';
}

function defaultHttpGet(action: Obj): void {
  action.path ??= '/';
  action.scheme ??= 'HTTP';
}

function defaultVolume(v: Obj): void {
  for (const source of ['configMap', 'secret', 'downwardAPI', 'projected'] as const) {
    const s = v[source];
    if (isObj(s)) s.defaultMode ??= 420;
  }
  if (isObj(v.hostPath)) v.hostPath.type ??= '';
  if (isObj(v.downwardAPI)) {
    for (const item of objects(v.downwardAPI.items)) {
      if (isObj(item.fieldRef)) item.fieldRef.apiVersion ??= 'v1';
    }
  }
  if (isObj(v.projected)) {
    for (const src of objects(v.projected.sources)) {
      if (isObj(src.serviceAccountToken)) src.serviceAccountToken.expirationSeconds ??= 3600;
      if (isObj(src.downwardAPI)) {
        for (const item of objects(src.downwardAPI.items)) {
          if (isObj(item.fieldRef)) item.fieldRef.apiVersion ??= 'v1';
        }
      }
    }
  }
  if (isObj(v.iscsi)) v.iscsi.iscsiInterface ??= 'default';
}

/**
 * The Pod object's own defaults and the admission plugins that shape every new Pod: requests default to
 * limits and service links are on (SetDefaults_Pod), Priority admission (priority 0, PreemptLowerPriority), ServiceAccount admission's
 * account name, and DefaultTolerationSeconds (tolerate not-ready and unreachable nodes for 300 s).
 */
export function defaultPodOnly(spec: Obj): void {
  forEachObject(spec.initContainers, defaultRequestsToLimits);
  forEachObject(spec.containers, defaultRequestsToLimits);
  spec.enableServiceLinks ??= true;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const account = (spec.serviceAccountName ?? spec.serviceAccount ?? 'default') as string;
  spec.serviceAccountName = account;
  spec.serviceAccount = account;
  defaultTolerations(spec);
}

function defaultRequestsToLimits(c: Obj): void {
  const resources = isObj(c.resources) ? c.resources : undefined;
  if (!resources || !isObj(resources.limits)) return;
  const requests = isObj(resources.requests) ? resources.requests : {};
  for (const [name, limit] of Object.entries(resources.limits)) requests[name] ??= limit;
  resources.requests = requests;
}

const TOLERATED_NODE_TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

function defaultTolerations(spec: Obj): void {
  const tolerations = objects(spec.tolerations);
  for (const key of TOLERATED_NODE_TAINTS) {
    if (!toleratesNoExecute(tolerations, key)) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

function toleratesNoExecute(tolerations: Obj[], key: string): boolean {
  for (const t of tolerations) {
    if ((t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute')) return true;
  }
  return false;
}
