// Who and where the process is: hostname, pwd, id, whoami, uname.

import type { Program } from '../process/program.js';

export const hostname: Program = function* (proc, argv) {
  // -i: the addresses of the host name, which in a Pod is its IP
  proc.stdout(`${argv.includes('-i') ? proc.host.context.network.podIP : proc.host.context.hostname}\n`);
  return 0;
};

export const pwd: Program = function* (proc) {
  proc.stdout(`${proc.cwd}\n`);
  return 0;
};

export const whoami: Program = function* (proc) {
  proc.stdout('root\n');
  return 0;
};

const ALPINE_GROUPS = 'groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)';

export const id: Program = function* (proc, argv) {
  if (argv.includes('-u')) proc.stdout(argv.includes('-n') ? 'root\n' : '0\n');
  else if (argv.includes('-g')) proc.stdout(argv.includes('-n') ? 'root\n' : '0\n');
  else {
    const busybox = proc.host.flavour === 'busybox' || proc.host.flavour === 'alpine';
    proc.stdout(`uid=0(root) gid=0(root) ${busybox ? ALPINE_GROUPS : 'groups=0(root)'}\n`);
  }
  return 0;
};

const KERNEL = { release: '6.8.0-1015-kubesim', version: '#17-Ubuntu SMP PREEMPT_DYNAMIC Mon Sep  2 12:00:00 UTC 2024', machine: 'x86_64' };

export function kernelVersionLine(): string {
  return `Linux version ${KERNEL.release} (buildd@kubesim) (gcc 13.2.0) ${KERNEL.version}`;
}

export const uname: Program = function* (proc, argv) {
  const flags = argv.slice(1).join('').replace(/-/g, '');
  const host = proc.host.context.hostname;
  const os = proc.host.flavour === 'busybox' || proc.host.flavour === 'alpine' ? 'Linux' : 'GNU/Linux';
  if (flags.includes('a')) {
    proc.stdout(`Linux ${host} ${KERNEL.release} ${KERNEL.version} ${KERNEL.machine} ${os}\n`);
    return 0;
  }
  const parts: string[] = [];
  if (flags === '' || flags.includes('s')) parts.push('Linux');
  if (flags.includes('n')) parts.push(host);
  if (flags.includes('r')) parts.push(KERNEL.release);
  if (flags.includes('v')) parts.push(KERNEL.version);
  if (flags.includes('m')) parts.push(KERNEL.machine);
  if (flags.includes('o')) parts.push(os);
  proc.stdout(`${parts.join(' ')}\n`);
  return 0;
};
