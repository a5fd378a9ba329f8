// Building the simulated cluster the command line runs: the clock (real time scaled by --speed, or virtual
// time for `check`), the container runtime with the user's extra images (--images FILE), and the nodes.

import { readFile } from 'node:fs/promises';
import type { Clock } from '../sim/clock.js';
import { createContainerRuntime, loadImageCatalogYaml } from '../sim/runtime/index.js';
import type { ContainerRuntime } from '../sim/runtime/types.js';
import { createSimulatedCluster, type SimulatedCluster } from '../sim/simulated-cluster.js';

export interface ClusterChoice {
  clock: Clock;
  /** Worker nodes (--nodes). */
  workers: number;
  seed?: number;
  /** --images FILE */
  imagesFile?: string;
}

/** The runtime with the built-in images plus those of --images FILE (errors name the file's line). */
export async function loadRuntime(choice: Pick<ClusterChoice, 'seed' | 'imagesFile'>): Promise<ContainerRuntime> {
  const extraImages = choice.imagesFile ? loadImageCatalogYaml(await readFile(choice.imagesFile, 'utf8'), choice.imagesFile) : [];
  return createContainerRuntime({ extraImages, ...(choice.seed !== undefined ? { seed: choice.seed } : {}) });
}

export async function createCluster(choice: ClusterChoice, runtime?: ContainerRuntime): Promise<SimulatedCluster> {
  return createSimulatedCluster({
    clock: choice.clock,
    workers: choice.workers,
    ...(choice.seed !== undefined ? { seed: choice.seed } : {}),
    runtime: runtime ?? (await loadRuntime(choice)),
  });
}
