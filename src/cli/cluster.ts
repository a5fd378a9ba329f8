// Building the simulated cluster the command line runs: the clock (real time scaled by --speed, or virtual
// time for `check`), the container runtime with the user's extra images, and the nodes.

import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Clock } from '../sim/clock.js';
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

/** The runtime module is the sim-runtime team's; it is loaded by name so the CLI can say clearly when it is missing. */
const RUNTIME_MODULE = '../sim/runtime/index.js';

interface RuntimeModule {
  createContainerRuntime(options: { images?: unknown[]; seed?: number }): ContainerRuntime;
}

/** Reads --images FILE: a YAML or JSON list of image entries (or `{images: [...]}`). */
export async function readImagesFile(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8');
  const data: unknown = parse(text, { uniqueKeys: true });
  const list = Array.isArray(data) ? data : (data as { images?: unknown } | null)?.images;
  if (!Array.isArray(list)) throw new Error(`${path}: expected a list of images (or a map with an "images" list)`);
  return list;
}

export async function loadRuntime(choice: ClusterChoice): Promise<ContainerRuntime> {
  let mod: RuntimeModule;
  try {
    mod = (await import(RUNTIME_MODULE)) as RuntimeModule;
  } catch (e) {
    throw new Error(`the container runtime (src/sim/runtime) is not available in this build yet: ${(e as Error).message}`);
  }
  const images = choice.imagesFile ? await readImagesFile(choice.imagesFile) : undefined;
  return mod.createContainerRuntime({ ...(images ? { images } : {}), ...(choice.seed !== undefined ? { seed: choice.seed } : {}) });
}

export async function createCluster(choice: ClusterChoice, runtime?: ContainerRuntime): Promise<SimulatedCluster> {
  return createSimulatedCluster({
    clock: choice.clock,
    workers: choice.workers,
    ...(choice.seed !== undefined ? { seed: choice.seed } : {}),
    runtime: runtime ?? (await loadRuntime(choice)),
  });
}
