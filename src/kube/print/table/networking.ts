// Endpoints, EndpointSlice, Ingress, IngressClass and NetworkPolicy, as the API server prints them.

import type { KubeObject } from '../../types.js';
import { formatLabelSelectorObject } from '../../selectors.js';
import { ageColumn } from '../human-duration.js';
import { ageColumnDefinition, nameColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

const MAX_SHOWN = 3;

/** `a,b,c + 2 more...`; `<unset>` when empty (listWithMoreString). */
function listWithMore(list: string[], total: number, emptyText = '<unset>'): string {
  if (total > MAX_SHOWN) return `${list.slice(0, MAX_SHOWN).join(',')} + ${total - MAX_SHOWN} more...`;
  return list.join(',') || emptyText;
}

interface Subset {
  addresses?: { ip: string }[];
  ports?: { name?: string; port: number }[];
}

/** ENDPOINTS: up to three `ip:port`, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(subsets: Subset[] | undefined): string {
  if (!subsets || subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) if (list.length < MAX_SHOWN) list.push(a.ip);
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) if (list.length < MAX_SHOWN) list.push(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
    }
  }
  return count > MAX_SHOWN ? `${list.join(',')} + ${count - MAX_SHOWN} more...` : list.join(',');
}

export const endpointsPrinter: KindPrinter = {
  columns: [nameColumn(), column('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), ageColumnDefinition()],
  cells: (obj, now) => [obj.metadata.name ?? '', formatEndpoints(obj.subsets), ageColumn(obj.metadata.creationTimestamp, now)],
};

export const endpointSlicePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'),
    column('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
    column('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
    ageColumnDefinition(),
  ],
  cells(obj, now) {
    const ports: { port?: number; name?: string }[] = obj.ports ?? [];
    const portList = ports.map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*')));
    const addresses: string[] = (obj.endpoints ?? []).flatMap((e: { addresses?: string[] }) => e.addresses ?? []);
    return [
      obj.metadata.name ?? '',
      obj.addressType ?? '',
      listWithMore(portList, portList.length),
      listWithMore(addresses, addresses.length),
      ageColumn(obj.metadata.creationTimestamp, now),
    ];
  },
};

function ingressHosts(rules: { host?: string }[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === MAX_SHOWN) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${(rules ?? []).length - MAX_SHOWN} more...` : list.join(',');
}

function ingressAddress(obj: KubeObject): string {
  const set = new Set<string>();
  for (const i of (obj.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

export const ingressPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumnDefinition(),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    obj.spec?.ingressClassName ?? '<none>',
    ingressHosts(obj.spec?.rules),
    ingressAddress(obj),
    (obj.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
    ageColumn(obj.metadata.creationTimestamp, now),
  ],
};

export const ingressClassPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageColumnDefinition(),
  ],
  cells(obj, now) {
    const p = obj.spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [obj.metadata.name ?? '', obj.spec?.controller ?? '', parameters, ageColumn(obj.metadata.creationTimestamp, now)];
  },
};

export const networkPolicyPrinter: KindPrinter = {
  columns: [nameColumn(), column('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'), ageColumnDefinition()],
  cells: (obj, now) => [obj.metadata.name ?? '', formatLabelSelectorObject(obj.spec?.podSelector ?? {}), ageColumn(obj.metadata.creationTimestamp, now)],
};
