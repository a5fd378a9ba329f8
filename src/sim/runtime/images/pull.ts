// How pulling an image goes: its duration (from its size, with jitter), digest and size, or the failure.

import type { PullResult } from '../types.js';
import type { ImageCatalog } from './catalog.js';
import { invalidImageNameMessage, parseImageReference } from './reference.js';
import { stableDigest } from './digest.js';
import { remember } from '../../kube-deps.js';

/** Roughly a home connection: 25 MB/s after a second of resolving. */
function secondsForSize(sizeBytes: number): [number, number] {
  const s = 1 + sizeBytes / 25_000_000;
  return [Math.max(2, s * 0.8), Math.max(3, Math.min(60, s * 1.25))];
}

/** What every pull of one image string has in common; only the jitter differs from pull to pull. */
type PullPlan =
  | { kind: 'invalid'; message: string }
  | { kind: 'pull-error'; message: string }
  | { kind: 'image'; seconds: [number, number]; imageID: string; sizeBytes: number };

function planPull(catalog: ImageCatalog, image: string): PullPlan {
  const ref = parseImageReference(image);
  if (!ref) return { kind: 'invalid', message: invalidImageNameMessage(image) };
  const resolution = catalog.resolve(ref);
  if (resolution.kind === 'pull-error') return { kind: 'pull-error', message: resolution.message };
  const repository = ref.registry === 'docker.io' ? `docker.io/${ref.path}` : `${ref.registry}/${ref.path}`;
  return {
    kind: 'image',
    seconds: resolution.pullSeconds ?? secondsForSize(resolution.image.sizeBytes),
    imageID: `${repository}@${ref.digest ?? stableDigest(`${repository}:${ref.tag}`)}`,
    sizeBytes: resolution.image.sizeBytes,
  };
}

// every node pulls the same few images: plan each image string once per catalog (which never changes)
const plans = new WeakMap<ImageCatalog, Map<string, PullPlan>>();

export function pullImage(catalog: ImageCatalog, image: string, random: () => number): PullResult {
  let known = plans.get(catalog);
  if (!known) plans.set(catalog, (known = new Map()));
  const plan = remember(known, image, () => planPull(catalog, image), 1000);
  if (plan.kind === 'invalid') return { ok: false, durationMs: 0, reason: 'InvalidImageName', message: plan.message };
  const jitter = random();
  if (plan.kind === 'pull-error') return { ok: false, durationMs: Math.round(500 + jitter * 1500), reason: 'ErrImagePull', message: plan.message };
  const [min, max] = plan.seconds;
  return { ok: true, durationMs: Math.round((min + (max - min) * jitter) * 1000), imageID: plan.imageID, sizeBytes: plan.sizeBytes };
}
