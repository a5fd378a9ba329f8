// Images whose default command is a shell: busybox and alpine (BusyBox ash), debian and ubuntu (bash).
// Without a terminal or stdin, `sh` reads EOF at once and exits 0, so a bare `busybox` Pod completes and
// (restartPolicy Always) crash-loops with `Completed`.

import type { ImageDefinition } from './image.js';
import { DEFAULT_PATH } from './image.js';

export const busybox: ImageDefinition = {
  repositories: ['busybox', 'registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox'],
  sizeBytes: 4_269_056,
  flavour: 'busybox',
  cmd: ['sh'],
  env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']],
};

export const alpine: ImageDefinition = {
  repositories: ['alpine'],
  sizeBytes: 7_797_760,
  flavour: 'alpine',
  cmd: ['/bin/sh'],
  env: [['PATH', DEFAULT_PATH]],
};

export const debian: ImageDefinition = {
  repositories: ['debian'],
  sizeBytes: 116_555_776,
  flavour: 'debian',
  cmd: ['bash'],
  env: [['PATH', DEFAULT_PATH]],
};

export const ubuntu: ImageDefinition = {
  repositories: ['ubuntu'],
  sizeBytes: 78_118_912,
  flavour: 'ubuntu',
  cmd: ['/bin/bash'],
  env: [['PATH', DEFAULT_PATH]],
};
