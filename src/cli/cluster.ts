// Building the simulated cluster the command line runs: the clock (real time scaled by --speed, or virtual
// time for `check`), the container runtime with the user's extra images (--images FILE), and the nodes.

import { readFile } from 'node:fs/promises';
import type { Clock } from '../sim/clock.js';
import { createContainerRuntime, ImageCatalogError, loadImageCatalogYaml } from '../sim/runtime/index.js';
import type { ContainerRuntime } from '../sim/runtime/types.js';
import { createSimulatedCluster, type SimulatedCluster } from '../sim/simulated-cluster.js';

export interface ClusterChoice {
  clock: Clock;
  /** Worker nodes (--nodes). */
  workers: number;
  seed?: number;
}

/** --images FILE cannot be used; `message` is one line naming the file (and, for a mistake in it, line, column and field). */
export class ImagesFileError extends Error {}

/** The runtime with the built-in images plus those of --images FILE; throws ImagesFileError when the file is unusable. */
export async function loadRuntime(choice: { seed?: number; imagesFile?: string }): Promise<ContainerRuntime> {
  const extraImages = choice.imagesFile ? await readImagesFile(choice.imagesFile) : [];
  return createContainerRuntime({ extraImages, ...(choice.seed !== undefined ? { seed: choice.seed } : {}) });
}

async function readImagesFile(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new ImagesFileError(`--images ${path}: ${why}`);
  }
  try {
    return loadImageCatalogYaml(text, path);
  } catch (e) {
    // already `file:line:col: images[i].field: problem`
    if (e instanceof ImageCatalogError) throw new ImagesFileError(e.message);
    throw e;
  }
}

export async function createCluster(choice: ClusterChoice, runtime: ContainerRuntime): Promise<SimulatedCluster> {
  return createSimulatedCluster({
    clock: choice.clock,
    workers: choice.workers,
    ...(choice.seed !== undefined ? { seed: choice.seed } : {}),
    runtime,
  });
}
