import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { headlessLine, startHeadless, useColour } from '../../src/cli/headless.js';
import { Reconciler } from '../../src/manifests/reconciler.js';
import type { ReadResult } from '../../src/manifests/read-file.js';
import { createFakeCluster } from '../manifests/fake-cluster.js';

const NOON = new Date(2026, 0, 1, 12, 0, 1).getTime();

function read(text: string): ReadResult {
  return { kind: 'text', text, hash: createHash('sha1').update(text).digest('hex') };
}

const SIMPLE = readFileSync(new URL('../../demo-manifests/simple-pod.yaml', import.meta.url), 'utf8');

test('headless prints applies, Pod changes and errors as in the issue sample', async () => {
  const cluster = createFakeCluster();
  const rec = new Reconciler({ source: cluster, dir: 'demo-manifests', readFile: async () => ({ kind: 'missing' }) });
  const lines: string[] = [];
  const stop = startHeadless({ source: cluster, status: rec.status, write: (l) => lines.push(l), color: false, now: () => NOON });
  await rec.fileChanged('simple-pod.yaml', read(SIMPLE), 'settled');
  const ref = { kind: 'Pod', namespace: 'default', name: 'simple-echo' };
  const containerStatus = (name: string, ready: boolean) => ({
    name, ready, restartCount: 0, image: '', imageID: '', state: ready ? { running: {} } : { waiting: { reason: 'ContainerCreating' } }, lastState: {},
  });
  cluster.edit(ref, (p) => {
    p.spec.nodeName = 'kubesim-worker';
    p.status = { phase: 'Pending', containerStatuses: [containerStatus('nginx', false), containerStatus('echo', false)] };
  });
  cluster.edit(ref, (p) => (p.metadata.labels = { unrelated: 'change' })); // same columns: no new line
  cluster.edit(ref, (p) => {
    p.status = { phase: 'Running', podIP: '10.244.1.2', containerStatuses: [containerStatus('nginx', true), containerStatus('echo', true)] };
  });
  await new Promise((r) => setImmediate(r));
  await rec.fileChanged('bad.yaml', read(SIMPLE.replace('simple-echo', 'bad').replace('    image: gihyodocker/echo:latest', '    imagee: x')), 'settled');
  stop();
  // The fake cluster gives a new Pod no status at all; the simulator's would say Pending.
  const withoutFirstPodLine = lines.filter((l) => !l.includes('<none>'));
  assert.deepEqual(withoutFirstPodLine, [
    '12:00:01 apply  demo-manifests/simple-pod.yaml  pod/simple-echo created',
    '12:00:01 pod    default/simple-echo  0/2  ContainerCreating  kubesim-worker',
    '12:00:01 pod    default/simple-echo  2/2  Running            kubesim-worker  10.244.1.2',
    '12:00:01 error  demo-manifests/bad.yaml:15:5  strict decoding error: unknown field "spec.containers[1].imagee"',
  ]);
});

test('colour only on a terminal, never with NO_COLOR or --no-color', () => {
  assert.equal(useColour(true, { isTTY: true }, {}), true);
  assert.equal(useColour(true, { isTTY: false }, {}), false);
  assert.equal(useColour(true, { isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(useColour(false, { isTTY: true }, {}), false);
  assert.match(headlessLine(NOON, 'error', ['f:1:1', 'boom'], true), /\x1b\[31merror\x1b\[0m /);
  assert.doesNotMatch(headlessLine(NOON, 'error', ['f:1:1', 'boom'], false), /\x1b/);
});
