// The files every image of a userland has (/etc/os-release, /etc/passwd, /bin), built once per image and
// shared by all its containers.

import type { ImageFiles } from '../filesystem.js';
import type { OsFlavour } from '../process/program.js';
import type { ImageDefinition } from './image.js';

const ROOT_DIRS = ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
const DEBIAN_ROOT_DIRS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
const EXTRA_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local', '/usr/local/bin', '/usr/share', '/usr/lib', '/var/log', '/var/tmp', '/var/cache', '/var/run', '/etc/ssl'];

const BUSYBOX_APPLETS = 'arch ash base64 busybox cat chgrp chmod chown cp date dd df dmesg echo egrep false fgrep grep gunzip gzip hostname kill ln login ls mkdir mknod mktemp more mount mv netstat nice pidof ping ps pwd rm rmdir sed sh sleep stat stty su sync tar touch true umount uname usleep watch zcat'.split(' ');
const COREUTILS = 'bash cat chgrp chmod chown cp dash date dd df dir echo false grep gunzip gzip hostname ln login ls mkdir mknod mktemp more mount mv pwd readlink rm rmdir sed sh sleep stty su sync tar touch true umount uname zcat'.split(' ');

const OS_RELEASE: Record<OsFlavour, string> = {
  alpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  busybox: '',
  debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  ubuntu: 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nUBUNTU_CODENAME=noble\n',
  distroless: '',
};

const PASSWD: Record<'busybox' | 'debian', string> = {
  busybox: 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
  debian: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
};

function flavourFiles(flavour: OsFlavour): Record<string, string> {
  const files: Record<string, string> = {};
  if (flavour === 'distroless') return files;
  const busyboxLike = flavour === 'busybox' || flavour === 'alpine';
  for (const name of busyboxLike ? BUSYBOX_APPLETS : COREUTILS) files[`/bin/${name}`] = '\x7fELF';
  files['/etc/passwd'] = PASSWD[busyboxLike ? 'busybox' : 'debian'];
  files['/etc/group'] = 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nnobody:x:65534:\n';
  files['/etc/shells'] = busyboxLike ? '/bin/sh\n/bin/ash\n' : '/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n';
  if (OS_RELEASE[flavour]) files['/etc/os-release'] = OS_RELEASE[flavour];
  if (flavour === 'alpine') files['/etc/alpine-release'] = '3.20.3\n';
  if (flavour === 'debian') files['/etc/debian_version'] = '12.8\n';
  if (!busyboxLike) files['/root/.bashrc'] = '# ~/.bashrc: executed by bash(1) for non-login shells.\n';
  return files;
}

const cache = new WeakMap<ImageDefinition, ImageFiles>();

/** The image's read-only layer: its flavour's files plus its own. */
export function imageFiles(image: ImageDefinition): ImageFiles {
  let layer = cache.get(image);
  if (layer) return layer;
  const files = new Map(Object.entries({ ...flavourFiles(image.flavour), ...image.files }));
  const dirs = new Set<string>();
  if (image.flavour !== 'distroless') {
    for (const d of image.flavour === 'debian' || image.flavour === 'ubuntu' ? DEBIAN_ROOT_DIRS : ROOT_DIRS) dirs.add(`/${d}`);
    for (const d of EXTRA_DIRS) dirs.add(d);
  } else {
    for (const d of ['/dev', '/etc', '/proc', '/sys', '/tmp']) dirs.add(d);
  }
  if (image.workingDir) dirs.add(image.workingDir);
  layer = { files, dirs };
  cache.set(image, layer);
  return layer;
}
