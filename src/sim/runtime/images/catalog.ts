// Which behaviour an image reference gets: a user's catalog entry, a built-in image, a pull failure (a
// misspelt or missing book image, a tag that does not exist, an unreachable registry), or the generic image.

import type { ImageDefinition } from './image.js';
import type { ImageReference } from './reference.js';
import { gihyodockerEcho } from './gihyodocker-echo.js';
import { gihyodockerNginxProxy } from './gihyodocker-nginx-proxy.js';
import { officialNginx } from './nginx.js';
import { alpine, busybox, debian, ubuntu } from './shell-images.js';
import { pause } from './pause.js';
import { genericImage } from './generic.js';
import { redis } from './redis.js';
import { postgres } from './postgres.js';
import { mysql } from './mysql.js';
import { httpd } from './httpd.js';
import { golangImage, nodeImage, pythonImage } from './language-runtimes.js';
import { KUBERNETES_COMPONENTS } from './kubernetes-components.js';
import { hashicorpHttpEcho } from './http-echo.js';
import { globMatches } from '../shell/expand.js';

/** An image from a user's catalog file (or code): a name with an optional tag glob, and how pulling it goes. */
export interface CatalogImage {
  /** `myorg/api`, `myorg/api:v1.*`, `ghcr.io/me/tool:*`. */
  name: string;
  pullSeconds?: number;
  /** Pulling fails with this message (ErrImagePull). */
  failPull?: string;
  image: ImageDefinition;
}

export type Resolution =
  | { kind: 'image'; image: ImageDefinition; pullSeconds?: [number, number] }
  | { kind: 'pull-error'; message: string };

export const BUILTIN_IMAGES: ImageDefinition[] = [
  gihyodockerEcho, gihyodockerNginxProxy, officialNginx, busybox, alpine, debian, ubuntu, pause,
  redis, postgres, mysql, httpd, pythonImage, nodeImage, golangImage, hashicorpHttpEcho, ...KUBERNETES_COMPONENTS,
];

/** First pulls of the book's images took readers tens of seconds; small images a few. */
const BOOK_PULL_SECONDS: [number, number] = [10, 30];

/** Edits (insert, delete, substitute, swap two neighbours) between `a` and `b`: `ngnix` is one from `nginx`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function unreachableRegistry(registry: string): string | undefined {
  const host = registry.replace(/:\d+$/, '');
  if (host.endsWith('.invalid') || host.endsWith('.example') || host.endsWith('.test')) return `dial tcp: lookup ${host}: no such host`;
  if (host === 'localhost' || host === '127.0.0.1') {
    const port = /:(\d+)$/.exec(registry)?.[1] ?? '443';
    return `dial tcp 127.0.0.1:${port}: connect: connection refused`;
  }
  return undefined;
}

function pullFailure(ref: ImageReference, why: string): string {
  return `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${why}`;
}

const ACCESS_DENIED = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';

export class ImageCatalog {
  private readonly byRepository = new Map<string, ImageDefinition>();

  constructor(
    private readonly userImages: CatalogImage[] = [],
    builtins: ImageDefinition[] = BUILTIN_IMAGES,
  ) {
    for (const image of builtins) for (const repository of image.repositories) this.byRepository.set(repository, image);
  }

  resolve(ref: ImageReference): Resolution {
    const user = this.userImages.find((u) => matchesName(u.name, ref));
    if (user) {
      if (user.failPull) return { kind: 'pull-error', message: user.failPull };
      return { kind: 'image', image: user.image, ...(user.pullSeconds !== undefined ? { pullSeconds: [user.pullSeconds, user.pullSeconds] as [number, number] } : {}) };
    }
    const unreachable = unreachableRegistry(ref.registry);
    if (unreachable) {
      const manifest = `https://${ref.registry}/v2/${ref.path}/manifests/${ref.tag || ref.digest}`;
      return { kind: 'pull-error', message: pullFailure(ref, `failed to do request: Head "${manifest}": ${unreachable}`) };
    }
    const known = this.byRepository.get(ref.repository);
    const book = ref.repository.startsWith('gihyodocker/');
    if (known) {
      if (known.tags && ref.tag && !known.tags.includes(ref.tag)) return { kind: 'pull-error', message: pullFailure(ref, `${ref.full}: not found`) };
      return { kind: 'image', image: known, ...(book ? { pullSeconds: BOOK_PULL_SECONDS } : {}) };
    }
    if (book || this.looksMisspelt(ref.repository)) return { kind: 'pull-error', message: pullFailure(ref, ACCESS_DENIED) };
    return { kind: 'image', image: genericImage(ref.repository) };
  }

  /** One or two letters away from an image we know, in the same namespace: `ngnix`, `gihyodocker/ecoh`. */
  private looksMisspelt(repository: string): boolean {
    const namespace = (r: string) => (r.includes('/') ? r.slice(0, r.lastIndexOf('/')) : '');
    for (const known of this.byRepository.keys()) {
      if (namespace(known) !== namespace(repository) || known.length < 5) continue;
      const distance = editDistance(known, repository);
      if (distance > 0 && distance <= (known.length >= 8 ? 2 : 1)) return true;
    }
    return false;
  }
}

function matchesName(pattern: string, ref: ImageReference): boolean {
  const colon = pattern.lastIndexOf(':');
  const hasTag = colon > pattern.lastIndexOf('/');
  const repository = hasTag ? pattern.slice(0, colon) : pattern;
  const normalised = repository.replace(/^docker\.io\//, '').replace(/^library\//, '');
  if (!globMatches(normalised, ref.repository)) return false;
  return !hasTag || globMatches(pattern.slice(colon + 1), ref.tag);
}
