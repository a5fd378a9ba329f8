import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strategicMergePatch } from '../../../src/kube/merge/strategic-merge-patch.js';
import { ApiError } from '../../../src/kube/api-error.js';
import type { KubeObject } from '../../../src/kube/types.js';

function pod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'web', tier: 'front' }, finalizers: ['a', 'b'] },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.25',
          args: ['-x', '-y'],
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
          ports: [{ containerPort: 80, protocol: 'TCP' }],
        },
        { name: 'side', image: 'busybox' },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
      tolerations: [{ key: 'x', operator: 'Exists' }],
    },
    status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }] },
  };
}

test('maps merge recursively and null deletes a key', () => {
  const out = strategicMergePatch(pod(), { metadata: { labels: { tier: null, env: 'prod' } } });
  assert.deepEqual(out.metadata.labels, { app: 'web', env: 'prod' });
});

test('the inputs are never mutated and the result shares nothing with them', () => {
  const original = pod();
  const before = structuredClone(original);
  const patch = { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
  const out = strategicMergePatch(original, patch);
  assert.deepEqual(original, before);
  assert.deepEqual(patch, { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });
  out.spec.volumes[0]!.name = 'changed';
  out.spec.containers[1]!.image = 'changed';
  assert.equal(original.spec.volumes[0]!.name, 'data');
  assert.equal(original.spec.containers[1]!.image, 'busybox');
});

test('containers merge by name: a named container is patched, a new one is appended, the rest stay', () => {
  const out = strategicMergePatch(pod(), {
    spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'extra', image: 'redis' }] },
  });
  assert.deepEqual(
    out.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`),
    ['web=nginx:1.27', 'extra=redis', 'side=busybox'],
  );
  assert.deepEqual(out.spec.containers[0].env, pod().spec.containers[0]!.env);
});

test('env merges by name inside a container and ports by containerPort', () => {
  const out = strategicMergePatch(pod(), {
    spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '20' }], ports: [{ containerPort: 443 }] }] },
  });
  assert.deepEqual(out.spec.containers[0].env, [
    { name: 'A', value: '1' },
    { name: 'B', value: '20' },
  ]);
  assert.deepEqual(out.spec.containers[0].ports, [{ containerPort: 443 }, { containerPort: 80, protocol: 'TCP' }]);
});

test('lists without a merge key (args, tolerations) are replaced', () => {
  const out = strategicMergePatch(pod(), {
    spec: { tolerations: [{ key: 'y', operator: 'Exists' }], containers: [{ name: 'web', args: ['-z'] }] },
  });
  assert.deepEqual(out.spec.tolerations, [{ key: 'y', operator: 'Exists' }]);
  assert.deepEqual(out.spec.containers[0].args, ['-z']);
});

test('status.conditions merge by type', () => {
  const out = strategicMergePatch(pod(), { status: { conditions: [{ type: 'Ready', status: 'True' }] } });
  assert.deepEqual(out.status.conditions, [
    { type: 'Ready', status: 'True' },
    { type: 'Initialized', status: 'True' },
  ]);
});

test('finalizers merge as a set of strings', () => {
  const out = strategicMergePatch(pod(), { metadata: { finalizers: ['b', 'c'] } });
  assert.deepEqual([...(out.metadata.finalizers ?? [])].sort(), ['a', 'b', 'c']);
});

test('$patch: delete on a list item removes the item with that key', () => {
  const out = strategicMergePatch(pod(), { spec: { containers: [{ $patch: 'delete', name: 'side' }] } });
  assert.deepEqual(
    out.spec.containers.map((c: { name: string }) => c.name),
    ['web'],
  );
});

test('$patch: replace on a list item replaces the whole list with the other items', () => {
  const out = strategicMergePatch(pod(), {
    spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'alpine' }] },
  });
  assert.deepEqual(out.spec.containers, [{ name: 'only', image: 'alpine' }]);
});

test('$patch: replace on a map replaces the map instead of merging it', () => {
  const out = strategicMergePatch(pod(), { metadata: { labels: { $patch: 'replace', only: 'this' } } });
  assert.deepEqual(out.metadata.labels, { only: 'this' });
});

test('$patch: delete on a map empties it', () => {
  const out = strategicMergePatch(pod(), { metadata: { labels: { $patch: 'delete' } } });
  assert.deepEqual(out.metadata.labels, {});
});

test('$patch: merge is refused, like the API server does', () => {
  assert.throws(
    () => strategicMergePatch(pod(), { spec: { containers: [{ $patch: 'merge' }] } }),
    (e: unknown) => e instanceof ApiError && e.code === 400 && /merging lists cannot yet be specified in the patch/.test(e.message),
  );
  assert.throws(
    () => strategicMergePatch(pod(), { metadata: { labels: { $patch: 'merge' } } }),
    (e: unknown) => e instanceof ApiError && e.code === 400 && e.message.startsWith('unknown patch type: merge in map: map['),
  );
});

test('$setElementOrder orders the merged list, server-only items keep their live neighbours', () => {
  const out = strategicMergePatch(pod(), {
    spec: {
      '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }],
      containers: [{ name: 'web', image: 'nginx:1.27' }],
    },
  });
  assert.deepEqual(
    out.spec.containers.map((c: { name: string }) => c.name),
    ['side', 'web'],
  );
  assert.equal(out.spec.containers[1].image, 'nginx:1.27');
  assert.ok(!('$setElementOrder/containers' in out.spec));
});

test('$setElementOrder with a new item puts it where the order says', () => {
  const out = strategicMergePatch(pod(), {
    spec: {
      '$setElementOrder/containers': [{ name: 'web' }, { name: 'mid' }, { name: 'side' }],
      containers: [{ name: 'mid', image: 'redis' }],
    },
  });
  assert.deepEqual(
    out.spec.containers.map((c: { name: string }) => c.name),
    ['web', 'mid', 'side'],
  );
});

test('$deleteFromPrimitiveList removes values from a merged list of strings', () => {
  const out = strategicMergePatch(pod(), {
    metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], '$setElementOrder/finalizers': ['b'] },
  });
  assert.deepEqual(out.metadata.finalizers, ['b']);
  assert.ok(!('$deleteFromPrimitiveList/finalizers' in out.metadata));
});

test('$retainKeys clears the keys it does not list (a volume switching its source)', () => {
  const out = strategicMergePatch(pod(), {
    spec: {
      volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cfg' } }],
    },
  });
  assert.deepEqual(out.spec.volumes, [{ name: 'data', configMap: { name: 'cfg' } }]);
});

test('$retainKeys that does not list a key the patch sets is a bad request', () => {
  assert.throws(
    () => strategicMergePatch(pod(), { spec: { volumes: [{ name: 'data', $retainKeys: ['name'], configMap: { name: 'c' } }] } }),
    (e: unknown) => e instanceof ApiError && e.code === 400 && e.message === 'invalid patch format of retainKeys',
  );
});

test('a keyed list item without its merge key is refused with the library\'s message', () => {
  assert.throws(
    () => strategicMergePatch(pod(), { spec: { containers: [{ image: 'x' }] } }),
    (e: unknown) => e instanceof ApiError && e.message === 'map: map[image:x] does not contain declared merge key: name',
  );
});

test('a pod template inside a Deployment merges its containers by name', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { template: { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } },
  };
  const out = strategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'b', image: 'b:2' }] } } } });
  assert.deepEqual(out.spec.template.spec.containers, [
    { name: 'a', image: 'a:1' },
    { name: 'b', image: 'b:2' },
  ]);
});

test('a CronJob job template reaches the pod spec too', () => {
  const cron = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } } } },
  };
  const out = strategicMergePatch(cron, { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:2' }] } } } } } });
  assert.equal(out.spec.jobTemplate.spec.template.spec.containers.length, 2);
});

test('Service ports merge by port; an unknown kind replaces its lists', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }, { port: 443 }] } };
  const out = strategicMergePatch(svc, { spec: { ports: [{ port: 443, targetPort: 8443 }] } });
  assert.deepEqual(out.spec.ports, [{ port: 80 }, { port: 443, targetPort: 8443 }]);
  const custom = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { items: [{ name: 'a' }, { name: 'b' }] } };
  assert.deepEqual(strategicMergePatch(custom, { spec: { items: [{ name: 'b' }] } }).spec.items, [{ name: 'b' }]);
});

test('a new map taken from the patch loses its nulls and directives', () => {
  const out = strategicMergePatch(pod(), { spec: { nodeSelector: { disk: 'ssd', gone: null } } });
  assert.deepEqual(out.spec.nodeSelector, { disk: 'ssd' });
});

test('a patch that is not an object is a bad request', () => {
  assert.throws(() => strategicMergePatch(pod(), [1, 2]), (e: unknown) => e instanceof ApiError && e.code === 400);
});

test('Node taints are replaced whole, because the real NodeSpec gives them no patch strategy', () => {
  const node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n' },
    spec: { taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'NoSchedule' }] },
  };
  const out = strategicMergePatch(node, { spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } });
  assert.deepEqual(out.spec.taints, [{ key: 'b', effect: 'NoExecute' }]);
});
