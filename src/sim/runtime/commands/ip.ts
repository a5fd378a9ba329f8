// BusyBox `ip addr` / `ip a`: loopback and eth0 with the Pod's IP from its node's /24.

import type { Program } from '../process/program.js';

export const ip: Program = function* (proc, argv) {
  const object = argv[1] ?? '';
  if (!['a', 'addr', 'address', 'r', 'route'].includes(object)) {
    proc.stderr('BusyBox v1.36.1 (2023-11-07 18:53:09 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n');
    return 1;
  }
  const podIP = proc.host.context.network.podIP;
  const base = podIP.split('.').slice(0, 3).join('.');
  if (object.startsWith('r')) {
    proc.stdout(`default via ${base}.1 dev eth0 \n${base}.0/24 via ${base}.1 dev eth0 src ${podIP} \n${base}.1 dev eth0 scope link src ${podIP} \n`);
    return 0;
  }
  const mac = podIP.split('.').map((n) => Number(n).toString(16).padStart(2, '0')).join(':');
  proc.stdout(
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n' +
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
      '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
      '2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n' +
      `    link/ether 0a:58:${mac} brd ff:ff:ff:ff:ff:ff\n` +
      `    inet ${podIP}/24 brd ${base}.255 scope global eth0\n       valid_lft forever preferred_lft forever\n`,
  );
  return 0;
};
