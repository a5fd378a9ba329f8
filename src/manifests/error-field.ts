// Which field an API error is about, so it can be shown at that field's line. The API server names fields in
// the Status causes (422 Invalid) or only in the message (400 strict decoding errors).

import { isApiError } from '../kube/api-error.js';

const UNKNOWN_FIELD = /unknown field "([^"]+)"/;
/** `The Pod "x" is invalid: spec.containers[0].image: Required value` (single cause, in the message). */
const INVALID_FIELD = /is invalid: \[?([A-Za-z][\w.-]*(?:\[[^\]]*\][\w.-]*)*):/;
/** kubectl prints decode errors with a prefix that says nothing a user needs; the sample output drops it. */
const DECODE_PREFIX = /^[\w.]+ in version "[^"]*" cannot be handled as a \w+: /;

/** The field path named by an error (`spec.containers[0].imagee`), if any. */
export function fieldPathOfError(error: unknown): string | undefined {
  if (isApiError(error)) {
    const cause = error.status.details?.causes?.find((c) => c.field);
    if (cause?.field) return cause.field.replace(/^\./, '');
  }
  const message = error instanceof Error ? error.message : String(error);
  return UNKNOWN_FIELD.exec(message)?.[1] ?? INVALID_FIELD.exec(message)?.[1];
}

/** The message to show for an API error: the server's text, without the decoder's boilerplate prefix. */
export function messageOfError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(DECODE_PREFIX, '');
}

export function isNamespaceNotFound(error: unknown): string | undefined {
  if (!isApiError(error) || error.code !== 404) return undefined;
  return /^namespaces "([^"]+)" not found/.exec(error.message)?.[1];
}

/** 422 for a Pod update that changes fields other than the few that may change in place. */
export function isImmutablePodChange(error: unknown): boolean {
  return isApiError(error) && error.code === 422 && error.message.includes('Forbidden: pod updates may not change fields');
}

/**
 * kubectl's client-side error for a kind the server does not serve (no CRD): it fails before any request,
 * so there is no Status, only this text (on one line; kubectl puts the hint on a second one).
 */
export function resourceMappingNotFound(o: { name: string; namespace: string; file: string; kind: string; apiVersion: string }): string {
  return (
    `resource mapping not found for name: "${o.name}" namespace: "${o.namespace}" from "${o.file}": ` +
    `no matches for kind "${o.kind}" in version "${o.apiVersion}"; ensure CRDs are installed first`
  );
}
