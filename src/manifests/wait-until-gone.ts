// Waiting for a gracefully deleted object to be really gone (its containers stopped, its grace period over),
// through a watch, before it is created again.

import { isApiError } from '../kube/api-error.js';
import type { ClusterSource, Unsubscribe } from '../kube/cluster-source.js';
import type { ObjectRef } from '../kube/types.js';

export function waitUntilGone(source: ClusterSource, ref: ObjectRef): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let unsubscribe: Unsubscribe | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      unsubscribe?.();
      resolve();
    };
    unsubscribe = source.watch(
      ref.kind,
      { ...(ref.namespace ? { namespace: ref.namespace } : {}), fieldSelector: `metadata.name=${ref.name}` },
      (event) => {
        if (event.type === 'DELETED' && event.object.metadata.name === ref.name) finish();
      },
      ref.apiVersion,
    );
    if (done) unsubscribe();
    // It may already be gone (a grace period of 0, or deleted before we watched).
    source.get(ref).catch((e) => {
      if (isApiError(e) && e.code === 404) finish();
    });
  });
}
