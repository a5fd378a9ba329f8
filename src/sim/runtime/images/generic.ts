// Any image the catalog does not know: it pulls, logs one start line and runs until it is stopped.
// An Alpine-like userland so that `command: [sh, -c, …]` and `kubectl exec … -- sh` still work.

import { handleSignals, type Program } from '../process/program.js';
import { sleep, Signalled, waitForever } from '../process/task.js';
import { DEFAULT_PATH, type ImageDefinition } from './image.js';

const genericMain: Program = function* (proc) {
  handleSignals(proc);
  yield* sleep(200 + Math.floor(proc.host.context.random() * 800));
  proc.stdout(`Starting ${proc.host.context.image}\n`);
  try {
    return yield* waitForever();
  } catch (error) {
    if (error instanceof Signalled && error.signal === 'TERM') return 0;
    throw error;
  }
};

const cache = new Map<string, ImageDefinition>();

/** One definition per repository, so its containers share one read-only layer. */
export function genericImage(repository: string): ImageDefinition {
  let image = cache.get(repository);
  if (!image) cache.set(repository, (image = makeGenericImage(repository)));
  return image;
}

function makeGenericImage(repository: string): ImageDefinition {
  return {
    repositories: [repository],
    sizeBytes: 52_428_800,
    flavour: 'alpine',
    // a CMD, not an ENTRYPOINT: `args: [sh, -c, …]` on an unknown image then runs as written
    cmd: ['/usr/local/bin/app'],
    env: [['PATH', DEFAULT_PATH]],
    programs: { '/usr/local/bin/app': genericMain, app: genericMain },
  };
}
