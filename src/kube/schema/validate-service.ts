// Service validation (ValidateService): type, ports (names, numbers, protocols, target ports), ExternalName.
import { dns1123LabelErrors, dns1123SubdomainErrors, portNameErrors } from './names.js';
import { duplicate, forbidden, invalidEach, invalidValue, notSupported, required, type FieldError } from './field-errors.js';
import { portNumberErrors } from './validate-pod-spec.js';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validateServiceSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(String(type))) errs.push(notSupported('spec.type', type, TYPES));
  const ports = Array.isArray(spec.ports) ? spec.ports.map(asObj) : [];
  const headless = spec.clusterIP === 'None';
  if (type === 'ExternalName') {
    const name = typeof spec.externalName === 'string' ? spec.externalName : '';
    if (!name) errs.push(required('spec.externalName'));
    else errs.push(...invalidEach('spec.externalName', name, dns1123SubdomainErrors(name.replace(/\.$/, ''))));
  } else if (ports.length === 0 && !headless) {
    errs.push(required('spec.ports'));
  }
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    const name = typeof port.name === 'string' ? port.name : '';
    if (ports.length > 1 && !name) errs.push(required(`${p}.name`));
    if (name) {
      if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      names.add(name);
      errs.push(...invalidEach(`${p}.name`, name, dns1123LabelErrors(name)));
    }
    if (port.port === undefined) errs.push(required(`${p}.port`));
    else errs.push(...portNumberErrors(port.port, `${p}.port`));
    if (port.protocol !== undefined && !PROTOCOLS.includes(String(port.protocol))) {
      errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
    }
    const target = port.targetPort;
    if (typeof target === 'number') errs.push(...portNumberErrors(target, `${p}.targetPort`));
    else if (typeof target === 'string') errs.push(...invalidEach(`${p}.targetPort`, target, portNameErrors(target)));
    if (port.nodePort !== undefined && port.nodePort !== 0 && type !== 'NodePort' && type !== 'LoadBalancer') {
      errs.push(forbidden(`${p}.nodePort`, `may not be used when \`type\` is '${String(type)}'`));
    }
  });
  const affinity = spec.sessionAffinity;
  if (affinity !== undefined && affinity !== 'None' && affinity !== 'ClientIP') {
    errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  }
  if (spec.ipFamilyPolicy !== undefined && !['SingleStack', 'PreferDualStack', 'RequireDualStack'].includes(String(spec.ipFamilyPolicy))) {
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  for (const key of ['externalTrafficPolicy', 'internalTrafficPolicy'] as const) {
    const v = spec[key];
    if (v !== undefined && v !== 'Cluster' && v !== 'Local') errs.push(notSupported(`spec.${key}`, v, ['Cluster', 'Local']));
  }
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && spec.clusterIP !== 'None' && !/^\d+\.\d+\.\d+\.\d+$|:/.test(spec.clusterIP)) {
    errs.push(invalidValue('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  return errs;
}
