// How pulling an image goes: its duration (from its size, with jitter), digest and size, or the failure.

import type { PullResult } from '../types.js';
import type { ImageCatalog } from './catalog.js';
import { invalidImageNameMessage, parseImageReference } from './reference.js';
import { stableDigest } from './digest.js';

/** Roughly a home connection: 25 MB/s after a second of resolving. */
function secondsForSize(sizeBytes: number): [number, number] {
  const s = 1 + sizeBytes / 25_000_000;
  return [Math.max(2, s * 0.8), Math.max(3, Math.min(60, s * 1.25))];
}

export function pullImage(catalog: ImageCatalog, image: string, random: () => number): PullResult {
  const ref = parseImageReference(image);
  if (!ref) return { ok: false, durationMs: 0, reason: 'InvalidImageName', message: invalidImageNameMessage(image) };
  const resolution = catalog.resolve(ref);
  const jitter = random();
  if (resolution.kind === 'pull-error') {
    return { ok: false, durationMs: Math.round(500 + jitter * 1500), reason: 'ErrImagePull', message: resolution.message };
  }
  const [min, max] = resolution.pullSeconds ?? secondsForSize(resolution.image.sizeBytes);
  const repository = ref.registry === 'docker.io' ? `docker.io/${ref.path}` : `${ref.registry}/${ref.path}`;
  return {
    ok: true,
    durationMs: Math.round((min + (max - min) * jitter) * 1000),
    imageID: `${repository}@${ref.digest ?? stableDigest(`${repository}:${ref.tag}`)}`,
    sizeBytes: resolution.image.sizeBytes,
  };
}
