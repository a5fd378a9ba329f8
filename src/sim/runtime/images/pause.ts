// registry.k8s.io/pause: the sandbox's placeholder; does nothing, forever, and exits at TERM.

import { Signalled, waitForever } from '../process/task.js';
import { handleSignals } from '../process/program.js';
import type { ImageDefinition } from './image.js';

export const pause: ImageDefinition = {
  repositories: ['registry.k8s.io/pause', 'k8s.gcr.io/pause'],
  sizeBytes: 320_368,
  flavour: 'distroless',
  entrypoint: ['/pause'],
  programs: {
    *'/pause'(proc) {
      handleSignals(proc);
      try {
        return yield* waitForever();
      } catch (error) {
        if (error instanceof Signalled) return 0;
        throw error;
      }
    },
  },
};
