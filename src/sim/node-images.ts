// A node's images: the per-node cache, imagePullPolicy (Always pulls, IfNotPresent uses the cache, Never
// never pulls), and serialized pulls (the kubelet's default serializeImagePulls) so a second Pod's pull
// waits behind the first and its event says so: `in 312ms (12.3s including waiting)`.

import type { KubeObject } from '../kube/types.js';
import type { Clock } from './clock.js';
import { eventText, type EventRecorder, type EventSource } from './events.js';
import { formatGoDuration, STAGE_MS } from './pod-lifecycle.js';
import type { ContainerRuntime } from './runtime/types.js';
import { remember } from './kube-deps.js';

export type ImageOutcome =
  | { ok: true; imageID: string }
  | { ok: false; reason: 'ErrImagePull' | 'InvalidImageName' | 'ErrImageNeverPull'; message: string };

interface CachedImage {
  imageID: string;
  sizeBytes: number;
  /** What every Pod that finds it here is told (one object per image, not one per container start). */
  present: ImageOutcome;
}

function cachedImage(imageID: string, sizeBytes: number): CachedImage {
  return { imageID, sizeBytes, present: Object.freeze({ ok: true, imageID }) };
}

interface PullRequest {
  image: string;
  requestedAt: number;
  pod: KubeObject;
  fieldPath: string;
  done: (outcome: ImageOutcome) => void;
}

/** Event texts by image: every Pod of a template says the same. */
const presentTexts = new Map<string, string>();
const pullingTexts = new Map<string, string>();
const presentText = (image: string): string => `Container image "${image}" already present on machine`;
const pullingText = (image: string): string => `Pulling image "${image}"`;

export class NodeImages {
  private readonly cache = new Map<string, CachedImage>();
  private readonly queue: PullRequest[] = [];
  private pulling = false;

  constructor(
    private readonly nodeName: string,
    private readonly runtime: ContainerRuntime,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    /** The node's kubelet as its events name their source (the kubelet's own, hostSource). */
    private readonly source: EventSource,
  ) {}

  /** Images a node starts with (kind preloads its system images). */
  preload(image: string, imageID: string, sizeBytes: number): void {
    this.cache.set(image, cachedImage(imageID, sizeBytes));
  }

  has(image: string): boolean {
    return this.cache.has(image);
  }

  /** Makes `image` present per `policy`, recording the kubelet's events; `done` runs when it is there or failed. */
  ensure(image: string, policy: string, pod: KubeObject, fieldPath: string, done: (outcome: ImageOutcome) => void): void {
    const cached = this.cache.get(image);
    if (policy === 'Never' || (policy !== 'Always' && cached)) {
      if (cached) {
        this.events.record(pod, 'Normal', 'Pulled', remember(presentTexts, image, presentText), this.source, fieldPath);
        done(cached.present);
        return;
      }
      const message = `Container image "${image}" is not present with pull policy of Never`;
      this.events.record(pod, 'Warning', 'ErrImageNeverPull', message, this.source, fieldPath);
      this.events.record(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', this.source, fieldPath);
      done({ ok: false, reason: 'ErrImageNeverPull', message });
      return;
    }
    const probe = this.runtime.pull(image, this.nodeName);
    if (!probe.ok && probe.reason === 'InvalidImageName') {
      this.events.record(pod, 'Warning', 'InspectFailed', probe.message, this.source, fieldPath);
      this.events.record(pod, 'Warning', 'Failed', 'Error: InvalidImageName', this.source, fieldPath);
      done({ ok: false, reason: 'InvalidImageName', message: probe.message });
      return;
    }
    this.events.record(pod, 'Normal', 'Pulling', remember(pullingTexts, image, pullingText), this.source, fieldPath);
    this.queue.push({ image, requestedAt: this.clock.now(), pod, fieldPath, done });
    this.pump();
  }

  private pump(): void {
    if (this.pulling) return;
    const next = this.queue.shift();
    if (!next) return;
    this.pulling = true;
    const result = this.runtime.pull(next.image, this.nodeName);
    const cached = this.cache.get(next.image);
    // Already fetched by an earlier pull: containerd only resolves the reference again.
    const duration = result.ok && cached ? Math.min(result.durationMs, STAGE_MS.repull) : result.durationMs;
    const started = this.clock.now();
    this.clock.setTimer(() => {
      this.pulling = false;
      if (result.ok) {
        let image = this.cache.get(next.image);
        if (image?.imageID !== result.imageID || image.sizeBytes !== result.sizeBytes) this.cache.set(next.image, (image = cachedImage(result.imageID, result.sizeBytes)));
        const took = this.clock.now() - started;
        const total = this.clock.now() - next.requestedAt;
        this.events.record(
          next.pod,
          'Normal',
          'Pulled',
          eventText('Successfully pulled image "', next.image, '" in ', formatGoDuration(took), ' (', formatGoDuration(total), ' including waiting). Image size: ', String(result.sizeBytes), ' bytes.'),
          this.source,
          next.fieldPath,
        );
        next.done(image.present);
      } else {
        this.events.record(next.pod, 'Warning', 'Failed', `Failed to pull image "${next.image}": ${result.message}`, this.source, next.fieldPath);
        this.events.record(next.pod, 'Warning', 'Failed', 'Error: ErrImagePull', this.source, next.fieldPath);
        next.done({ ok: false, reason: 'ErrImagePull', message: result.message });
      }
      this.pump();
    }, duration);
  }
}
