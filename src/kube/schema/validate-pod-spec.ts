// PodSpec validation (ValidatePodSpec), for Pods and every pod template: volumes, containers, probes,
// resources, restart and DNS policies, tolerations. Texts as pkg/apis/core/validation prints them.
import { canonicalQuantity, isQuantity, parseQuantity } from '../quantity.js';
import { configKeyErrors, dns1123LabelErrors, portNameErrors } from './names.js';
import {
  duplicate,
  forbidden,
  invalidEach,
  invalidValue,
  notFoundValue,
  notSupported,
  required,
  type FieldError,
} from './field-errors.js';

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(asObj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface PodSpecContext {
  /** Ephemeral containers cannot be set when a Pod is created. */
  create: boolean;
  /** The restart policies this owner allows (`Always` only for Deployments; `OnFailure`, `Never` for Jobs). */
  restartPolicies?: string[];
  /** Volume names mounts may refer to besides spec.volumes (a StatefulSet's volumeClaimTemplates). */
  extraVolumes?: string[];
}

const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];

export function validatePodSpec(spec: Obj, path: string, ctx: PodSpecContext): FieldError[] {
  const errs: FieldError[] = [];
  const volumes = validateVolumes(asList(spec.volumes), `${path}.volumes`, errs);
  for (const name of ctx.extraVolumes ?? []) volumes.add(name);
  const names = new Set<string>();

  const containers = asList(spec.containers);
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  containers.forEach((c, i) => validateContainer(c, `${path}.containers[${i}]`, { volumes, names, init: false }, errs));
  asList(spec.initContainers).forEach((c, i) =>
    validateContainer(c, `${path}.initContainers[${i}]`, { volumes, names, init: true }, errs),
  );
  if (ctx.create && asList(spec.ephemeralContainers).length > 0) {
    errs.push(forbidden(`${path}.ephemeralContainers`, 'cannot be set on create'));
  }

  const restartPolicy = spec.restartPolicy;
  if (ctx.restartPolicies) {
    // Owners (Jobs, Deployments) check after defaulting: an absent policy is the default `Always`.
    const effective = restartPolicy ?? 'Always';
    if (!ctx.restartPolicies.includes(str(effective))) {
      errs.push(notSupported(`${path}.restartPolicy`, effective, ctx.restartPolicies));
    }
  } else if (restartPolicy !== undefined && !RESTART_POLICIES.includes(str(restartPolicy))) {
    errs.push(str(restartPolicy) === '' ? required(`${path}.restartPolicy`) : notSupported(`${path}.restartPolicy`, restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(str(spec.dnsPolicy))) {
    errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalidValue(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  asList(spec.tolerations).forEach((t, i) => errs.push(...validateToleration(t, `${path}.tolerations[${i}]`)));
  if (typeof spec.hostname === 'string') errs.push(...invalidEach(`${path}.hostname`, spec.hostname, dns1123LabelErrors(spec.hostname)));
  if (typeof spec.subdomain === 'string') errs.push(...invalidEach(`${path}.subdomain`, spec.subdomain, dns1123LabelErrors(spec.subdomain)));
  return errs;
}

/** Validates volumes and returns their names, which volumeMounts must refer to. */
function validateVolumes(volumes: Obj[], path: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const p = `${path}[${i}]`;
    const name = str(v.name);
    if (!name) errs.push(required(`${p}.name`));
    else if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else errs.push(...invalidEach(`${p}.name`, name, dns1123LabelErrors(name)));
    names.add(name);
    const sources = Object.keys(v).filter((k) => k !== 'name' && v[k] !== null && v[k] !== undefined);
    if (sources.length === 0) errs.push(required(p, 'must specify a volume type'));
    for (const extra of sources.slice(1)) errs.push(forbidden(`${p}.${extra}`, 'may not specify more than 1 volume type'));
    for (const src of ['configMap', 'secret'] as const) {
      asList(asObj(v[src]).items).forEach((item, j) => {
        if (!str(item.key)) errs.push(required(`${p}.${src}.items[${j}].key`));
        if (!str(item.path)) errs.push(required(`${p}.${src}.items[${j}].path`));
      });
    }
  });
  return names;
}

interface ContainerContext {
  volumes: Set<string>;
  /** Container names seen so far, across containers and init containers. */
  names: Set<string>;
  init: boolean;
}

function validateContainer(c: Obj, path: string, ctx: ContainerContext, errs: FieldError[]): void {
  const name = str(c.name);
  if (!name) errs.push(required(`${path}.name`));
  else if (ctx.names.has(name)) errs.push(duplicate(`${path}.name`, name));
  else errs.push(...invalidEach(`${path}.name`, name, dns1123LabelErrors(name)));
  ctx.names.add(name);

  const image = str(c.image);
  if (!image) errs.push(required(`${path}.image`));
  else if (image.trim() !== image) errs.push(invalidValue(`${path}.image`, image, 'must not have leading or trailing whitespace'));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(str(c.imagePullPolicy))) {
    errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }

  const sidecar = ctx.init && c.restartPolicy === 'Always';
  if (c.restartPolicy !== undefined) {
    if (!ctx.init) errs.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
    else if (c.restartPolicy !== 'Always') errs.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
  }

  validatePorts(asList(c.ports), `${path}.ports`, errs);
  asList(c.env).forEach((e, i) => {
    if (!str(e.name)) errs.push(required(`${path}.env[${i}].name`));
  });
  validateVolumeMounts(asList(c.volumeMounts), `${path}.volumeMounts`, ctx.volumes, errs);

  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (c[probe] === undefined || c[probe] === null) continue;
    const p = `${path}.${probe}`;
    if (ctx.init && !sidecar) {
      errs.push(forbidden(p, 'may not be set for init containers without restartPolicy=Always'));
      continue;
    }
    validateProbe(asObj(c[probe]), p, probe !== 'readinessProbe', errs);
  }
  if (c.lifecycle && typeof c.lifecycle === 'object') {
    for (const hook of ['postStart', 'preStop'] as const) {
      const h = asObj(asObj(c.lifecycle)[hook]);
      if (asObj(c.lifecycle)[hook] !== undefined) validateHandler(h, `${path}.lifecycle.${hook}`, errs);
    }
  }
  validateResources(asObj(c.resources), `${path}.resources`, errs);
}

function validatePorts(ports: Obj[], path: string, errs: FieldError[]): void {
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (typeof port.name === 'string' && port.name !== '') {
      errs.push(...invalidEach(`${p}.name`, port.name, portNameErrors(port.name)));
      if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      names.add(port.name);
    }
    if (port.containerPort === undefined || port.containerPort === 0) errs.push(required(`${p}.containerPort`));
    else errs.push(...portNumberErrors(port.containerPort, `${p}.containerPort`));
    if (port.hostPort !== undefined && port.hostPort !== 0) errs.push(...portNumberErrors(port.hostPort, `${p}.hostPort`));
    if (port.protocol !== undefined && !PROTOCOLS.includes(str(port.protocol))) {
      errs.push(str(port.protocol) === '' ? required(`${p}.protocol`) : notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
    }
  });
}

export function portNumberErrors(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535) return [];
  return [invalidValue(path, port, 'must be between 1 and 65535, inclusive')];
}

function validateVolumeMounts(mounts: Obj[], path: string, volumes: Set<string>, errs: FieldError[]): void {
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = str(m.name);
    if (!name) errs.push(required(`${p}.name`));
    else if (!volumes.has(name)) errs.push(notFoundValue(`${p}.name`, name));
    const mountPath = str(m.mountPath);
    if (!mountPath) errs.push(required(`${p}.mountPath`));
    else if (paths.has(mountPath)) errs.push(invalidValue(`${p}.mountPath`, mountPath, 'must be unique'));
    paths.add(mountPath);
  });
}

function validateProbe(probe: Obj, path: string, successMustBeOne: boolean, errs: FieldError[]): void {
  validateHandler(probe, path, errs);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = probe[f];
    if (typeof v === 'number' && v < 0) errs.push(invalidValue(`${path}.${f}`, v, 'must be greater than or equal to 0'));
  }
  if (successMustBeOne && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1) {
    errs.push(invalidValue(`${path}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
}

/** Exactly one of exec, httpGet, tcpSocket, grpc (probes and lifecycle hooks). */
function validateHandler(handler: Obj, path: string, errs: FieldError[]): void {
  const present = HANDLERS.filter((h) => handler[h] !== undefined && handler[h] !== null);
  if (present.length === 0) {
    errs.push(required(path, 'must specify a handler type'));
    return;
  }
  for (const extra of present.slice(1)) errs.push(forbidden(`${path}.${extra}`, 'may not specify more than 1 handler type'));
  const httpGet = asObj(handler.httpGet);
  if (present.includes('httpGet')) {
    if (httpGet.port === undefined) errs.push(required(`${path}.httpGet.port`));
    if (httpGet.scheme !== undefined && !['HTTP', 'HTTPS'].includes(str(httpGet.scheme))) {
      errs.push(notSupported(`${path}.httpGet.scheme`, httpGet.scheme, ['HTTP', 'HTTPS']));
    }
  }
  if (present.includes('exec') && asList(asObj(handler.exec).command).length === 0) {
    errs.push(required(`${path}.exec.command`));
  }
}

function validateResources(resources: Obj, path: string, errs: FieldError[]): void {
  const limits = asObj(resources.limits);
  const requests = asObj(resources.requests);
  for (const [group, values] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, q] of Object.entries(values)) {
      if (!isQuantity(q)) continue; // a decode error, reported before validation
      if (parseQuantity(q) < 0) errs.push(invalidValue(`${path}.${group}[${name}]`, canonicalQuantity(q), 'must be greater than or equal to 0'));
    }
  }
  for (const [name, q] of Object.entries(requests)) {
    const limit = limits[name];
    if (limit === undefined || !isQuantity(q) || !isQuantity(limit)) continue;
    if (!overcommitAllowed(name) && parseQuantity(q) !== parseQuantity(limit)) {
      errs.push(invalidValue(`${path}.requests`, canonicalQuantity(q), `must be equal to ${name} limit of ${canonicalQuantity(limit)}`));
    } else if (parseQuantity(q) > parseQuantity(limit)) {
      errs.push(
        invalidValue(`${path}.requests`, canonicalQuantity(q), `must be less than or equal to ${name} limit of ${canonicalQuantity(limit)}`),
      );
    }
  }
}

/** Native resources (no domain, or kubernetes.io/) other than hugepages may request less than their limit. */
function overcommitAllowed(name: string): boolean {
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return native && !name.startsWith('hugepages-');
}

function validateToleration(t: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const operator = t.operator ?? 'Equal';
  if (operator !== 'Equal' && operator !== 'Exists') {
    errs.push(notSupported(`${path}.operator`, operator, ['Equal', 'Exists']));
  }
  if (operator === 'Exists' && str(t.value) !== '') {
    errs.push(invalidValue(`${path}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
  }
  if (!t.key && operator !== 'Exists') {
    errs.push(invalidValue(`${path}.operator`, operator, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
  }
  const effect = str(t.effect);
  if (effect && !['NoExecute', 'NoSchedule', 'PreferNoSchedule'].includes(effect)) {
    errs.push(notSupported(`${path}.effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
  }
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
    errs.push(invalidValue(`${path}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  return errs;
}

/** ConfigMap and Secret keys: syntax, and no key in both data and binaryData. */
export function validateDataKeys(obj: Obj, dataFields: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const field of dataFields) {
    for (const key of Object.keys(asObj(obj[field]))) {
      errs.push(...invalidEach(`${field}[${key}]`, key, configKeyErrors(key)));
      const other = seen.get(key);
      if (other && other !== field) errs.push(invalidValue(`${field}[${key}]`, key, `duplicate of key present in ${other}`));
      seen.set(key, field);
    }
  }
  return errs;
}
