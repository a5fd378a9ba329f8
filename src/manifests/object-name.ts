// Objects named the way kubectl prints them in apply output: `pod/simple-echo`, `deployment.apps/web`.

import type { ObjectRef } from '../kube/types.js';

export function groupOf(apiVersion: string | undefined): string {
  return apiVersion && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

export function kubectlName(ref: ObjectRef): string {
  const group = groupOf(ref.apiVersion);
  return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}
