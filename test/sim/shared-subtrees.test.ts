import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulatedCluster } from '../../src/sim/simulated-cluster.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { shareSubtrees } from '../../src/sim/shared-subtrees.js';
import type { Pod } from '../../src/kube/types.js';

const manifest = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m' } } }] },
});

test('Pods stored from the same manifest shape share their defaulted tolerations, volume sources, ports and conditions', async () => {
  const cluster = createSimulatedCluster({ clock: new VirtualClock(), workers: 1 });
  await cluster.apply(manifest('a'));
  await cluster.apply(manifest('b'));
  await cluster.advance(60_000);
  const [a, b] = (await cluster.list('Pod', { namespace: 'default' })).items as Pod[];
  assert.equal(a!.spec.tolerations, b!.spec.tolerations);
  assert.equal(a!.spec.volumes![0]!.projected, b!.spec.volumes![0]!.projected);
  assert.notEqual(a!.spec.volumes![0]!.name, b!.spec.volumes![0]!.name, 'what names the Pod stays its own');
  assert.equal(a!.spec.containers[0]!.ports, b!.spec.containers[0]!.ports);
  assert.equal(a!.status!.phase, 'Running');
  assert.equal(
    a!.status!.conditions!.find((c) => c.type === 'Initialized'),
    b!.status!.conditions!.find((c) => c.type === 'Initialized'),
  );
  await cluster.close();
});

test('sharing changes no byte of the object, and a shared piece cannot be changed under the other Pods', () => {
  const pod = {
    ...manifest('c'),
    spec: { ...manifest('c').spec, tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] },
  } as unknown as Pod;
  const before = JSON.stringify(pod);
  const shared = shareSubtrees(pod) as Pod;
  assert.equal(JSON.stringify(shared), before);
  assert.equal((shareSubtrees(structuredClone(pod)) as Pod).spec.tolerations, shared.spec.tolerations);
  assert.throws(() => {
    (shared.spec.tolerations![0] as { tolerationSeconds: number }).tolerationSeconds = 1;
  }, TypeError);
});

test('a piece with the same content in another key order keeps its own order (kubectl prints what is stored)', () => {
  const first = { resources: { requests: { cpu: '1', memory: '1Gi' } } };
  const second = { resources: { requests: { memory: '1Gi', cpu: '1' } } };
  const pod = (r: object, name: string) => ({ ...manifest(name), spec: { containers: [{ name: 'web', image: 'nginx', ...r }] } }) as unknown as Pod;
  shareSubtrees(pod(first, 'x'));
  const stored = shareSubtrees(pod(second, 'y')) as Pod;
  assert.equal(JSON.stringify(stored.spec.containers[0]!.resources), '{"requests":{"memory":"1Gi","cpu":"1"}}');
});

test('a spec written again with a member changed (a bind sets nodeName) keeps the containers and volumes it already shared', () => {
  const pod = {
    ...manifest('d'),
    spec: { ...manifest('d').spec, volumes: [{ name: 'kube-api-access-x', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }] },
  } as unknown as Pod;
  const created = shareSubtrees(pod) as Pod;
  const bound = shareSubtrees({ ...created, spec: { ...created.spec, nodeName: 'kubesim-worker' } } as Pod, created) as Pod;
  assert.equal(bound.spec.nodeName, 'kubesim-worker');
  assert.equal(bound.spec.containers, created.spec.containers);
  assert.equal(bound.spec.volumes, created.spec.volumes);
  assert.equal(JSON.stringify({ ...bound.spec, nodeName: undefined }), JSON.stringify(created.spec));
});
