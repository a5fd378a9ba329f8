import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/kube/types.js';
import {
  clientSideApply,
  isNoop,
  threeWayMergePatch,
} from '../../../src/kube/merge/three-way.js';
import { LAST_APPLIED_ANNOTATION, lastAppliedFor } from '../../../src/kube/merge/last-applied.js';
import { strategicMergePatch } from '../../../src/kube/merge/strategic-merge-patch.js';

/** The book's simple-pod.yaml, as parsed. */
function bookPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'simple-echo' },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'gihyodocker/nginx-proxy:latest',
          env: [{ name: 'BACKEND_HOST', value: 'localhost:8080' }],
          ports: [{ containerPort: 80 }],
        },
        { name: 'echo', image: 'gihyodocker/echo:latest', ports: [{ containerPort: 8080 }] },
      ],
    },
  };
}

/** What a cluster stores after `kubectl apply -f simple-pod.yaml`: the manifest plus defaults and status. */
function appliedAndRunning(manifest: KubeObject): KubeObject {
  const created = clientSideApply(undefined, manifest, { namespace: 'default' }).object;
  const live = structuredClone(created);
  live.metadata.uid = '6f1c0f3e-0000-4000-8000-000000000001';
  live.metadata.resourceVersion = '1001';
  live.metadata.creationTimestamp = '2026-11-28T10:00:00Z';
  live.spec.restartPolicy = 'Always';
  live.spec.dnsPolicy = 'ClusterFirst';
  live.spec.nodeName = 'sim-node-1';
  live.spec.tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];
  for (const c of live.spec.containers) {
    c.imagePullPolicy = 'Always';
    c.terminationMessagePath = '/dev/termination-log';
    for (const p of c.ports) p.protocol = 'TCP';
  }
  live.status = { phase: 'Running', podIP: '10.244.0.11', conditions: [{ type: 'Ready', status: 'True' }] };
  return live;
}

const bookAnnotation =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"simple-echo","namespace":"default"},' +
  '"spec":{"containers":[{"env":[{"name":"BACKEND_HOST","value":"localhost:8080"}],"image":"gihyodocker/nginx-proxy:latest",' +
  '"name":"nginx","ports":[{"containerPort":80}]},{"image":"gihyodocker/echo:latest","name":"echo","ports":[{"containerPort":8080}]}]}}\n';

test('the last-applied annotation is the manifest as compact JSON with sorted keys, empty annotations and the namespace, ending in a newline', () => {
  assert.equal(lastAppliedFor(bookPod(), { namespace: 'default' }), bookAnnotation);
});

test('the last-applied annotation escapes <, > and & like Go and never contains itself', () => {
  const pod = bookPod();
  pod.metadata.annotations = { note: 'a<b & c>d', [LAST_APPLIED_ANNOTATION]: 'old' };
  const text = lastAppliedFor(pod);
  assert.match(text, /"annotations":\{"note":"a\\u003cb \\u0026 c\\u003ed"\}/);
  assert.ok(!text.includes('last-applied'));
});

test('a cluster-scoped object gets no namespace in its annotation, and U+2028 is escaped like Go does', () => {
  const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { note: 'a\u2028b' } } };
  assert.equal(
    lastAppliedFor(node),
    '{"apiVersion":"v1","kind":"Node","metadata":{"annotations":{},"labels":{"note":"a\\u2028b"},"name":"n1"}}\n',
  );
});

test('applying the book Pod to an empty cluster creates it carrying the annotation', () => {
  const result = clientSideApply(undefined, bookPod(), { namespace: 'default' });
  assert.equal(result.outcome, 'created');
  assert.equal(result.object.metadata.namespace, 'default');
  assert.equal(result.object.metadata.annotations?.[LAST_APPLIED_ANNOTATION], bookAnnotation);
});

test('re-applying an unchanged manifest gives {} even though the live Pod has defaults and status the manifest never named', () => {
  const live = appliedAndRunning(bookPod());
  const patch = threeWayMergePatch({ desired: bookPod(), live, namespace: 'default' });
  assert.deepEqual(patch, {});
  assert.ok(isNoop(patch));
  assert.equal(clientSideApply(live, bookPod(), { namespace: 'default' }).outcome, 'unchanged');
});

test('changing an env value sends exactly the patch body kubectl sends, with $setElementOrder for containers and env', () => {
  const live = appliedAndRunning(bookPod());
  const changed = bookPod();
  changed.spec.containers[0].env[0].value = '127.0.0.1:8080';
  const patch = threeWayMergePatch({ desired: changed, live, namespace: 'default' });
  const annotation = lastAppliedFor(changed, { namespace: 'default' });
  assert.equal(
    JSON.stringify(patch),
    JSON.stringify({
      metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: annotation } },
      spec: {
        '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'echo' }],
        containers: [
          {
            '$setElementOrder/env': [{ name: 'BACKEND_HOST' }],
            env: [{ name: 'BACKEND_HOST', value: '127.0.0.1:8080' }],
            name: 'nginx',
          },
        ],
      },
    }),
  );
});

test('the env change applied to the live Pod changes only that value and keeps defaults and status', () => {
  const live = appliedAndRunning(bookPod());
  const changed = bookPod();
  changed.spec.containers[0].env[0].value = '127.0.0.1:8080';
  const result = clientSideApply(live, changed, { namespace: 'default' });
  assert.equal(result.outcome, 'configured');
  const expected = structuredClone(live);
  expected.spec.containers[0].env[0].value = '127.0.0.1:8080';
  expected.metadata.annotations![LAST_APPLIED_ANNOTATION] = lastAppliedFor(changed, { namespace: 'default' });
  assert.deepEqual(result.object, expected);
  assert.equal(live.spec.containers[0].env[0].value, 'localhost:8080', 'the live object is not mutated');
});

test('a container removed from the manifest is deleted through the keyed list', () => {
  const live = appliedAndRunning(bookPod());
  const without = bookPod();
  without.spec.containers.pop();
  const patch = threeWayMergePatch({ desired: without, live, namespace: 'default' });
  assert.deepEqual(patch.spec, {
    '$setElementOrder/containers': [{ name: 'nginx' }],
    containers: [{ $patch: 'delete', name: 'echo' }],
  });
  const next = strategicMergePatch(live, patch);
  assert.deepEqual(
    next.spec.containers.map((c: { name: string }) => c.name),
    ['nginx'],
  );
});

test('a label removed from the manifest is set to null, and the other labels stay', () => {
  const withLabels = bookPod();
  withLabels.metadata.labels = { app: 'echo', tier: 'web' };
  const live = appliedAndRunning(withLabels);
  const fewer = bookPod();
  fewer.metadata.labels = { app: 'echo' };
  const patch = threeWayMergePatch({ desired: fewer, live, namespace: 'default' });
  assert.deepEqual(patch.metadata, {
    annotations: { [LAST_APPLIED_ANNOTATION]: lastAppliedFor(fewer, { namespace: 'default' }) },
    labels: { tier: null },
  });
  assert.deepEqual(strategicMergePatch(live, patch).metadata.labels, { app: 'echo' });
});

test('an annotation another client added behind kubectl\'s back is kept', () => {
  const live = appliedAndRunning(bookPod());
  live.metadata.annotations!['example.com/owner'] = 'team-a';
  const changed = bookPod();
  changed.spec.containers[1].image = 'gihyodocker/echo:v2';
  const result = clientSideApply(live, changed, { namespace: 'default' });
  assert.equal(result.outcome, 'configured');
  assert.equal(result.object.metadata.annotations?.['example.com/owner'], 'team-a');
  assert.equal(result.object.spec.containers[1].image, 'gihyodocker/echo:v2');
  assert.ok(!('example.com/owner' in ((result.patch?.metadata as { annotations: object }).annotations)));
});

test('a field the cluster defaulted is left alone, but a field the manifest sets over a default wins', () => {
  const live = appliedAndRunning(bookPod());
  const pinned = bookPod();
  pinned.spec.restartPolicy = 'Never';
  const patch = threeWayMergePatch({ desired: pinned, live, namespace: 'default' });
  assert.equal((patch.spec as { restartPolicy: string }).restartPolicy, 'Never');
  assert.ok(!('dnsPolicy' in (patch.spec as object)));
});

test('a field removed from the manifest that was applied before is deleted with null', () => {
  const first = bookPod();
  first.spec.activeDeadlineSeconds = 60;
  const live = appliedAndRunning(first);
  const patch = threeWayMergePatch({ desired: bookPod(), live, namespace: 'default' });
  assert.equal((patch.spec as { activeDeadlineSeconds: null }).activeDeadlineSeconds, null);
  assert.ok(!('activeDeadlineSeconds' in strategicMergePatch(live, patch).spec));
});

test('an env var removed from a container is deleted by key inside that container', () => {
  const first = bookPod();
  first.spec.containers[0].env.push({ name: 'DEBUG', value: '1' });
  const live = appliedAndRunning(first);
  const patch = threeWayMergePatch({ desired: bookPod(), live, namespace: 'default' });
  assert.deepEqual((patch.spec as { containers: unknown }).containers, [
    { '$setElementOrder/env': [{ name: 'BACKEND_HOST' }], env: [{ $patch: 'delete', name: 'DEBUG' }], name: 'nginx' },
  ]);
  const next = strategicMergePatch(live, patch);
  assert.deepEqual(next.spec.containers[0].env, [{ name: 'BACKEND_HOST', value: 'localhost:8080' }]);
});

test('tolerations and args are replaced whole, not merged', () => {
  const first = bookPod();
  first.spec.containers[1].args = ['-a', '-b'];
  const live = appliedAndRunning(first);
  const next = bookPod();
  next.spec.containers[1].args = ['-b'];
  next.spec.tolerations = [{ key: 'dedicated', operator: 'Exists' }];
  const result = clientSideApply(live, next, { namespace: 'default' });
  assert.deepEqual(result.object.spec.containers[1].args, ['-b']);
  assert.deepEqual(result.object.spec.tolerations, [{ key: 'dedicated', operator: 'Exists' }]);
});

test('a finalizer removed from the manifest goes through $deleteFromPrimitiveList', () => {
  const first = bookPod();
  first.metadata.finalizers = ['example.com/a', 'example.com/b'];
  const live = appliedAndRunning(first);
  const next = bookPod();
  next.metadata.finalizers = ['example.com/a'];
  const patch = threeWayMergePatch({ desired: next, live, namespace: 'default' });
  const meta = patch.metadata as Record<string, unknown>;
  assert.deepEqual(meta['$deleteFromPrimitiveList/finalizers'], ['example.com/b']);
  assert.deepEqual(meta['$setElementOrder/finalizers'], ['example.com/a']);
  assert.deepEqual(strategicMergePatch(live, patch).metadata.finalizers, ['example.com/a']);
});

test('without a last-applied annotation nothing is deleted, only set', () => {
  const live = appliedAndRunning(bookPod());
  live.metadata.labels = { stray: 'yes' };
  delete live.metadata.annotations![LAST_APPLIED_ANNOTATION];
  const patch = threeWayMergePatch({ desired: bookPod(), live, namespace: 'default' });
  assert.deepEqual(Object.keys(patch), ['metadata']);
  assert.equal(strategicMergePatch(live, patch).metadata.labels?.stray, 'yes');
});

test('an explicit lastApplied (text or object) is used instead of the live annotation', () => {
  const live = appliedAndRunning(bookPod());
  const previous = structuredClone(bookPod());
  previous.metadata.labels = { gone: 'x' };
  const fromObject = threeWayMergePatch({ desired: bookPod(), live, lastApplied: previous, namespace: 'default' });
  const fromText = threeWayMergePatch({ desired: bookPod(), live, lastApplied: JSON.stringify(previous), namespace: 'default' });
  assert.equal((fromObject.metadata as { labels: unknown }).labels, null, 'the whole labels map was applied before and is gone now');
  assert.deepEqual(fromText, fromObject);
});

test('a container reordered in the manifest sends only $setElementOrder and the annotation', () => {
  const live = appliedAndRunning(bookPod());
  const swapped = bookPod();
  swapped.spec.containers.reverse();
  const patch = threeWayMergePatch({ desired: swapped, live, namespace: 'default' });
  assert.deepEqual(patch.spec, { '$setElementOrder/containers': [{ name: 'echo' }, { name: 'nginx' }] });
  assert.deepEqual(
    strategicMergePatch(live, patch).spec.containers.map((c: { name: string }) => c.name),
    ['echo', 'nginx'],
  );
});

test('a Deployment template change merges its containers by name and keeps $retainKeys for the strategy', () => {
  const deployment = (image: string, strategy: object): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 2,
      strategy,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    },
  });
  const live = clientSideApply(undefined, deployment('nginx:1.25', { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } })).object;
  const next = deployment('nginx:1.27', { type: 'Recreate' });
  const patch = threeWayMergePatch({ desired: next, live });
  const spec = patch.spec as Record<string, unknown>;
  assert.deepEqual(spec.strategy, { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' });
  assert.deepEqual(spec.template, {
    spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ image: 'nginx:1.27', name: 'web' }] },
  });
  const result = strategicMergePatch(live, patch);
  assert.deepEqual(result.spec.strategy, { type: 'Recreate' });
  assert.equal(result.spec.template.spec.containers[0].image, 'nginx:1.27');
});
