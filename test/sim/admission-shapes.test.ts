import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../src/kube/api-error.js';
import type { KubeObject } from '../../src/kube/types.js';
import { makeCluster } from './helpers.js';

/** Pods stamped from one template, as a manifest directory of copies gives them. */
function templated(name: string, labels: Record<string, unknown>, container: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ...container }] } } as KubeObject;
}

test('Pods of a shape already admitted are still refused for what differs: a label of the wrong type, an unknown field, a bad name or label value', async () => {
  const { cluster } = makeCluster();
  assert.equal((await cluster.apply(templated('web-0', { app: 'web' }))).outcome, 'created');
  const refusals: [KubeObject, string, RegExp][] = [
    [templated('web-1', { app: 5 }), 'BadRequest', /cannot unmarshal number into Go struct field ObjectMeta\.metadata\.labels of type string/],
    [templated('web-2', { app: 'web' }, { imagee: 'x' }), 'BadRequest', /strict decoding error: unknown field "spec\.containers\[0\]\.imagee"/],
    [templated('Web-3', { app: 'web' }), 'Invalid', /metadata\.name: Invalid value: "Web-3": a lowercase RFC 1123 subdomain/],
    [templated('web-4', { app: 'bad value!' }), 'Invalid', /metadata\.labels: Invalid value: "bad value!": a valid label must be/],
  ];
  for (const [pod, reason, message] of refusals) {
    await assert.rejects(cluster.apply(pod), (e) => isApiError(e) && e.reason === reason && message.test(e.message), pod.metadata.name);
  }
  assert.equal((await cluster.apply(templated('web-5', { app: 'api' }))).outcome, 'created');
  await cluster.close();
});

test('a Pod without containers is refused with the API server text, not a crash of admission', async () => {
  const { cluster } = makeCluster();
  for (const spec of [{}, { containers: null }]) {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'empty' }, spec } as unknown as KubeObject;
    await assert.rejects(cluster.apply(pod), (e) => isApiError(e) && e.reason === 'Invalid' && e.message === 'Pod "empty" is invalid: spec.containers: Required value');
  }
  await cluster.close();
});
