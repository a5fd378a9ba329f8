// apk (Alpine) and apt-get/apt (Debian, Ubuntu): installing a tool into a running container takes a few
// simulated seconds and makes its commands work — until the container restarts, which is the lesson.
// apt-get knows nothing before `apt-get update`, as in a fresh Debian image.

import type { Program, Proc } from '../process/program.js';
import { sleep, type Task } from '../process/task.js';

/** Package → the commands it brings (that kubesim can run). */
const PACKAGES: Record<string, { commands: string[]; version: string; deps?: string[] }> = {
  curl: { commands: ['curl'], version: '8.9.1-r2', deps: ['ca-certificates', 'brotli-libs', 'c-ares', 'libidn2', 'libpsl', 'nghttp2-libs', 'libcurl'] },
  wget: { commands: ['wget'], version: '1.24.5-r0', deps: ['libunistring', 'libidn2'] },
  procps: { commands: ['ps'], version: '4.0.4-r0' },
  'procps-ng': { commands: ['ps'], version: '4.0.4-r0' },
  bash: { commands: ['bash'], version: '5.2.26-r0', deps: ['ncurses-terminfo-base', 'libncursesw', 'readline'] },
  'netcat-openbsd': { commands: ['nc'], version: '1.226-r0' },
  'busybox-extras': { commands: ['nc'], version: '1.36.1-r29' },
  'bind-tools': { commands: ['nslookup'], version: '9.18.31-r0' },
  dnsutils: { commands: ['nslookup'], version: '1:9.18.28-1~deb12u2' },
  'iproute2': { commands: ['ip'], version: '6.9.0-r0' },
  jq: { commands: [], version: '1.7.1-r0' },
  vim: { commands: [], version: '9.1.0707-r0' },
  git: { commands: [], version: '2.45.2-r0' },
};

/** Versions of the libraries the packages above pull in, as Alpine 3.20 has them. */
const DEPENDENCY_VERSIONS: Record<string, string> = {
  'ca-certificates': '20240705-r0', 'brotli-libs': '1.1.0-r2', 'c-ares': '1.33.1-r0', libidn2: '2.3.7-r0', libpsl: '0.21.5-r1',
  'nghttp2-libs': '1.62.1-r0', libcurl: '8.9.1-r2', libunistring: '1.2-r0', 'ncurses-terminfo-base': '6.4_p20240420-r2',
  libncursesw: '6.4_p20240420-r2', readline: '8.2.10-r0',
};

function* apkAdd(proc: Proc, names: string[]): Task<number> {
  const unknown = names.filter((n) => !PACKAGES[n]);
  proc.stdout('fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz\n');
  yield* sleep(1000 + Math.floor(proc.host.context.random() * 1500));
  if (unknown.length > 0) {
    proc.stderr(`ERROR: unable to select packages:\n${unknown.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
    return unknown.length;
  }
  const all = [...new Set(names.flatMap((n) => [...(PACKAGES[n]!.deps ?? []), n]))];
  for (const [i, name] of all.entries()) proc.stdout(`(${i + 1}/${all.length}) Installing ${name} (${PACKAGES[name]?.version ?? DEPENDENCY_VERSIONS[name] ?? '1.0-r0'})\n`);
  yield* sleep(500 * all.length);
  proc.stdout(`Executing busybox-1.36.1-r29.trigger\nOK: ${12 + all.length} MiB in ${14 + all.length} packages\n`);
  proc.host.install(names.flatMap((n) => PACKAGES[n]!.commands));
  return 0;
}

export const apk: Program = function* (proc, argv) {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const verb = args.shift();
  if (verb === 'update') {
    proc.stdout('fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz\nv3.20.3-222-g3a8a5bdf5b0 [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]\nOK: 24169 distinct packages available\n');
    return 0;
  }
  if (verb === 'add') {
    if (args.length === 0) return 0;
    return yield* apkAdd(proc, args);
  }
  proc.stderr('usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n');
  return 1;
};

export const aptGet: Program = function* (proc, argv) {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const verb = args.shift();
  if (verb === 'update') {
    const mirror = 'http://deb.debian.org/debian';
    proc.stdout(`Get:1 ${mirror} bookworm InRelease [151 kB]\nGet:2 ${mirror} bookworm-updates InRelease [55.4 kB]\nGet:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\nGet:4 ${mirror} bookworm/main amd64 Packages [8789 kB]\n`);
    yield* sleep(2000 + Math.floor(proc.host.context.random() * 2000));
    proc.stdout('Fetched 9141 kB in 2s (4570 kB/s)\nReading package lists...\n');
    proc.host.packageListsFetched = true;
    return 0;
  }
  if (verb === 'install') {
    proc.stdout('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    const missing = args.find((n) => !proc.host.packageListsFetched || !PACKAGES[n]);
    if (missing) {
      proc.stderr(`E: Unable to locate package ${missing}\n`);
      return 100;
    }
    const all = [...new Set(args.flatMap((n) => [...(PACKAGES[n]!.deps ?? []).map((d) => d.replace(/-libs$/, '')), n]))];
    proc.stdout(`The following NEW packages will be installed:\n  ${all.join(' ')}\n0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.\n`);
    for (const [i, name] of all.entries()) proc.stdout(`Get:${i + 1} http://deb.debian.org/debian bookworm/main amd64 ${name} amd64 [${100 + i * 37} kB]\n`);
    yield* sleep(700 * all.length);
    for (const name of all) proc.stdout(`Setting up ${name} ...\n`);
    proc.host.install(args.flatMap((n) => PACKAGES[n]!.commands));
    return 0;
  }
  proc.stderr(`E: Invalid operation ${verb ?? ''}\n`);
  return 100;
};
