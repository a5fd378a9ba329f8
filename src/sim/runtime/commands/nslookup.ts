// BusyBox nslookup against the cluster DNS (10.96.0.10): the name's address, or NXDOMAIN for every search
// domain of the Pod's resolv.conf — what an init container's `until nslookup myservice` loop waits on.

import type { Program } from '../process/program.js';

const HEADER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

export const nslookup: Program = function* (proc, argv) {
  const name = argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) {
    proc.stderr('BusyBox v1.36.1 (2023-11-07 18:53:09 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  const network = proc.host.context.network;
  const address = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? name : name === 'localhost' ? '127.0.0.1' : network.resolve?.(name);
  const namespace = proc.host.context.namespace;
  const searched = name.includes('.') ? [name] : [`${name}.${namespace}.svc.cluster.local`, `${name}.svc.cluster.local`, `${name}.cluster.local`];
  if (!address) {
    proc.stdout(`${HEADER}${searched.map((n) => `** server can't find ${n}: NXDOMAIN\n\n`).join('')}`);
    return 1;
  }
  proc.stdout(`${HEADER}Name:\t${searched[0]}\nAddress: ${address}\n\n`);
  return 0;
};
