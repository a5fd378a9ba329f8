import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/kube/types.js';
import { shapeMemo } from '../../src/sim/shape-memo.js';

function pod(name: string, overrides: { metadata?: Record<string, unknown>; spec?: Record<string, unknown>; container?: Record<string, unknown> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web', tier: 'front' }, annotations: { note: `for ${name}` }, ...overrides.metadata },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...overrides.container }], ...overrides.spec },
  } as KubeObject;
}

test('Pods that differ only in names, label and annotation values and the node share one memo, in any order of arrival', () => {
  const memo = shapeMemo(pod('shape-a-0'));
  assert.ok(memo);
  assert.equal(shapeMemo(pod('shape-a-1')), memo);
  assert.equal(shapeMemo(pod('shape-a-2', { metadata: { labels: { app: 'api', tier: 'back' }, annotations: { note: '' } } })), memo);
  assert.equal(shapeMemo(pod('shape-a-3', { metadata: { namespace: 'other' } })), memo);
  const bound = shapeMemo(pod('shape-a-4', { spec: { nodeName: 'node-1' } }));
  assert.notEqual(bound, memo, 'a spec with a nodeName has another key');
  assert.equal(shapeMemo(pod('shape-a-5', { spec: { nodeName: 'node-2' } })), bound);
  assert.equal(shapeMemo(pod('shape-a-6')), memo, 'back to the first shape');
});

test('whatever the key keeps tells shapes apart, also right after a Pod of the other shape', () => {
  const base = shapeMemo(pod('shape-b-0', { container: { image: 'busybox' } }));
  const variants: [string, KubeObject][] = [
    ['a container name (validated, not blanked)', pod('shape-b-1', { container: { image: 'busybox', name: 'other' } })],
    ['an image', pod('shape-b-2', { container: { image: 'busybox:2' } })],
    ['a label value of another type', pod('shape-b-3', { container: { image: 'busybox' }, metadata: { labels: { app: 5, tier: 'front' } } })],
    ['a label more', pod('shape-b-4', { container: { image: 'busybox' }, metadata: { labels: { app: 'web', tier: 'front', x: 'y' } } })],
    ['labels in another order', pod('shape-b-5', { container: { image: 'busybox' }, metadata: { labels: { tier: 'front', app: 'web' } } })],
    ['a port number', pod('shape-b-6', { container: { image: 'busybox', ports: [{ containerPort: 81 }] } })],
    ['a port more', pod('shape-b-7', { container: { image: 'busybox', ports: [{ containerPort: 80 }, { containerPort: 81 }] } })],
    ['a number as a string', pod('shape-b-8', { container: { image: 'busybox', ports: [{ containerPort: '80' }] } })],
    ['an unknown field', pod('shape-b-9', { container: { image: 'busybox', imagee: 'x' } })],
    ['a nodeName that is not a string', pod('shape-b-10', { container: { image: 'busybox' }, spec: { nodeName: 7 } })],
  ];
  for (const [what, variant] of variants) {
    const memo = shapeMemo(variant);
    assert.notEqual(memo, base, what);
    assert.equal(shapeMemo(pod('shape-b-11', { container: { image: 'busybox' } })), base, `after ${what}`);
    assert.equal(shapeMemo(variant), memo, `${what}, again`);
  }
});

test('members JSON leaves out do not change the shape, and values JSON writes otherwise do', () => {
  const base = shapeMemo(pod('shape-c-0', { container: { image: 'alpine' } }));
  assert.equal(shapeMemo(pod('shape-c-1', { container: { image: 'alpine', command: undefined } })), base);
  const dated = shapeMemo(pod('shape-c-2', { container: { image: 'alpine' }, metadata: { creationTimestamp: new Date(0) } }));
  const text = shapeMemo(pod('shape-c-3', { container: { image: 'alpine' }, metadata: { creationTimestamp: '1970-01-01T00:00:00.000Z' } }));
  assert.equal(dated, text, 'a Date is its JSON text');
  assert.equal(shapeMemo(pod('shape-c-4', { container: { image: 'alpine' }, metadata: { creationTimestamp: new Date(0) } })), text);
  assert.notEqual(text, base);
});
