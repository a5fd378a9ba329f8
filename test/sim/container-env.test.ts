import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, Pod } from '../../src/kube/types.js';
import { resolveContainerEnv } from '../../src/sim/container-env.js';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [] } } as unknown as Pod;
const lookup = { configMap: () => undefined, secret: () => undefined };
const node = { cpu: 4, memory: 8 * 1024 ** 3 };
const SERVICE = ['KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'KUBERNETES_SERVICE_PORT_HTTPS', 'KUBERNETES_PORT', 'KUBERNETES_PORT_443_TCP', 'KUBERNETES_PORT_443_TCP_PROTO', 'KUBERNETES_PORT_443_TCP_PORT', 'KUBERNETES_PORT_443_TCP_ADDR'];

test('a container that sets no env gets the kubernetes Service variables alone', () => {
  const env = resolveContainerEnv(pod, { name: 'app', image: 'nginx' } as Container, lookup, node);
  assert.deepEqual(env.map((e) => e.name), SERVICE);
  assert.equal(env.find((e) => e.name === 'KUBERNETES_SERVICE_HOST')!.value, '10.96.0.1');
  assert.deepEqual(resolveContainerEnv(pod, { name: 'app', image: 'nginx', env: [] } as Container, lookup, node), env);
});

test("a container's own variables come first, in order, and one named like a Service variable replaces it", () => {
  const container = { name: 'app', image: 'nginx', env: [{ name: 'A', value: '1' }, { name: 'KUBERNETES_SERVICE_PORT', value: '6443' }, { name: 'B', value: '$(A)2' }] } as Container;
  const env = resolveContainerEnv(pod, container, lookup, node);
  assert.deepEqual(env.map((e) => `${e.name}=${e.value}`), ['A=1', 'KUBERNETES_SERVICE_PORT=6443', 'B=12', ...SERVICE.filter((n) => n !== 'KUBERNETES_SERVICE_PORT').map((n) => `${n}=${env.find((e) => e.name === n)!.value}`)]);
  assert.equal(env.length, 10);
});
