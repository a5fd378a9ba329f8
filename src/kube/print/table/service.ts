import type { KubeObject } from '../../types.js';
import { formatLabels } from '../../selectors.js';
import { ageColumn } from '../human-duration.js';
import { ageColumnDefinition, nameColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

interface ServicePort {
  port: number;
  nodePort?: number;
  protocol?: string;
}

/** PORT(S): `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(ports: ServicePort[] | undefined): string {
  const text = (ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
  return text || '<none>';
}

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerAddresses(obj: KubeObject): string {
  const ingress: { ip?: string; hostname?: string }[] = obj.status?.loadBalancer?.ingress ?? [];
  const set = new Set<string>();
  for (const i of ingress) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/** EXTERNAL-IP; the server prints wide, so load balancer lists are not clipped. */
export function serviceExternalIP(obj: KubeObject, wide = true): string {
  const externalIPs: string[] = obj.spec?.externalIPs ?? [];
  switch (obj.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      let lb = loadBalancerAddresses(obj);
      if (!wide && lb.length > LOAD_BALANCER_WIDTH) lb = `${lb.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return obj.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const servicePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Type', 'string', 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.'),
    column('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    ageColumnDefinition(),
    column('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', { priority: 1 }),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    obj.spec?.type ?? 'ClusterIP',
    obj.spec?.clusterIPs?.[0] ?? obj.spec?.clusterIP ?? '<none>',
    serviceExternalIP(obj),
    servicePorts(obj.spec?.ports),
    ageColumn(obj.metadata.creationTimestamp, now),
    formatLabels(obj.spec?.selector),
  ],
};
