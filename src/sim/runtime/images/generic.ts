// Any image the catalog does not know: it pulls, logs one start line and runs until it is stopped.
// An Alpine-like userland so that `command: [sh, -c, …]` and `kubectl exec … -- sh` still work.
//
// Most images are a program behind an ENTRYPOINT, so `args` alone are its flags (`-text=hi`, `--port=8080`)
// and never a command. Like the docker-entrypoint.sh of many official images, though, it runs its first
// argument instead when that names an executable (`args: [sh, -c, …]`), so such Pods work as written.

import { handleSignals, type Program } from '../process/program.js';
import { sleep, Signalled, waitForever } from '../process/task.js';
import { DEFAULT_PATH, type ImageDefinition } from './image.js';

const APP = '/usr/local/bin/app';

const genericMain: Program = function* (proc, argv) {
  const first = argv[1];
  const command = first !== undefined && !first.startsWith('-') && first !== 'app' && first !== APP ? proc.host.findProgram(first) : undefined;
  if (command) {
    // `exec "$@"`: the command becomes the process
    proc.host.setTitle(proc.pid, argv.slice(1));
    return yield* command(proc, argv.slice(1));
  }
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
    entrypoint: [APP],
    env: [['PATH', DEFAULT_PATH]],
    programs: { [APP]: genericMain, app: genericMain },
  };
}
