// Content negotiation on the Accept header. kubectl lists what it wants in order of preference, each media
// type with parameters: `application/json;as=Table;v=v1;g=meta.k8s.io`, the aggregated discovery types
// `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`, then plain `application/json`.

export interface MediaRange {
  /** `application/json` */
  type: string;
  params: Record<string, string>;
}

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [type, ...rest] = part.split(';').map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0) params[p.slice(0, eq).toLowerCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
      }
      return { type: (type ?? '').toLowerCase(), params };
    });
}

function isJsonLike(range: MediaRange): boolean {
  return range.type === 'application/json' || range.type === '*/*' || range.type === 'application/*';
}

/** Whether the client takes a JSON answer at all (kubectl always does; a protobuf-only client does not). */
export function acceptsJson(ranges: MediaRange[]): boolean {
  return ranges.length === 0 || ranges.some(isJsonLike);
}

export type ResponseShape = { table: false } | { table: true; apiVersion: string };

/** `as=Table` asked for before any plain JSON: kubectl's human-readable `get`. */
export function responseShape(ranges: MediaRange[]): ResponseShape {
  for (const r of ranges) {
    if (!isJsonLike(r)) continue;
    const as = r.params['as'];
    if (as === 'Table' && r.params['g'] === 'meta.k8s.io') {
      const v = r.params['v'];
      if (v === 'v1' || v === 'v1beta1') return { table: true, apiVersion: `meta.k8s.io/${v}` };
      continue;
    }
    if (as === undefined) return { table: false };
  }
  return { table: false };
}

export type DiscoveryShape = { aggregated: false } | { aggregated: true; version: 'v2' | 'v2beta1'; contentType: string };

/**
 * Aggregated discovery in the version the client lists first, with its media type echoed exactly (kubectl
 * rejects the document otherwise); plain legacy JSON when the client lists none we speak.
 */
export function discoveryShape(ranges: MediaRange[]): DiscoveryShape {
  for (const r of ranges) {
    if (!isJsonLike(r)) continue;
    const as = r.params['as'];
    if (as === 'APIGroupDiscoveryList' && r.params['g'] === 'apidiscovery.k8s.io') {
      const v = r.params['v'];
      if (v === 'v2' || v === 'v2beta1') {
        return { aggregated: true, version: v, contentType: `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList` };
      }
      continue;
    }
    if (as === undefined) return { aggregated: false };
  }
  return { aggregated: false };
}
