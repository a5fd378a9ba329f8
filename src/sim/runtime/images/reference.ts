// Image references as the kubelet parses them (distribution/reference): `[host[:port]/]path[:tag][@digest]`,
// lower-case path components, and `docker.io/library/` filled in for short names.

export interface ImageReference {
  /** `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  registry: string;
  /** `library/nginx`, `gihyodocker/echo`, `pause`. */
  path: string;
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx:latest`: what containerd and the kubelet print. */
  full: string;
  /** The catalog key: `nginx`, `gihyodocker/echo`, `registry.k8s.io/pause`. */
  repository: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::\d+)?$/;

/** Parses `image` or returns undefined when it is not a valid reference (the kubelet's InvalidImageName). */
export function parseImageReference(image: string): ImageReference | undefined {
  if (image === '' || image.trim() !== image) return undefined;
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  const first = parts[0]!;
  // as distribution's splitDockerDomain: a first component with `.` or `:`, `localhost`, or upper case is a host
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first)) {
    if (!HOST.test(first)) return undefined;
    registry = first;
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) return undefined;
  let path = parts.join('/');
  if (registry === 'docker.io' && parts.length === 1) path = `library/${path}`;
  if (path.length > 255) return undefined;
  tag ??= digest ? undefined : 'latest';
  const repository = registry === 'docker.io' ? path.replace(/^library\//, '') : `${registry}/${path}`;
  const full = `${registry}/${path}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { registry, path, tag: tag ?? '', digest, full, repository };
}

/** The kubelet's message for an invalid reference, as the Failed event and the container's waiting message show it. */
export function invalidImageNameMessage(image: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
}
