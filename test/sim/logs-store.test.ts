import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogStore } from '../../src/sim/logs.js';

const texts = (log: { all(): { text: string }[] } | undefined) => log?.all().map((l) => l.text);

test('each container of a Pod has its current instance and keeps the one before it for --previous', () => {
  const store = new LogStore(() => 1_000);
  store.startInstance('uid-1', 'nginx').write('stdout', 'nginx 1\n');
  store.startInstance('uid-1', 'echo').write('stdout', 'echo 1\n');
  store.startInstance('uid-2', 'nginx').write('stdout', 'other pod\n');
  assert.equal(store.previous('uid-1', 'nginx'), undefined);
  const first = store.current('uid-1', 'nginx')!;
  store.startInstance('uid-1', 'nginx').write('stdout', 'nginx 2\n');
  assert.equal(first.ended, true, 'the restarted instance ended');
  store.startInstance('uid-1', 'nginx').write('stdout', 'nginx 3\n');
  assert.deepEqual(texts(store.current('uid-1', 'nginx')), ['nginx 3']);
  assert.deepEqual(texts(store.previous('uid-1', 'nginx')), ['nginx 2']);
  assert.deepEqual(texts(store.current('uid-1', 'echo')), ['echo 1']);
  assert.deepEqual(texts(store.current('uid-2', 'nginx')), ['other pod']);
  assert.equal(store.current('uid-1', 'sidecar'), undefined);
});

test('forgetting a Pod ends and frees the containers named, and only those', () => {
  const store = new LogStore(() => 1_000);
  const a = store.startInstance('uid-1', 'a');
  store.startInstance('uid-1', 'b');
  const c = store.startInstance('uid-1', 'c');
  store.forgetPod('uid-1', ['a', 'c']);
  assert.equal(a.ended, true);
  assert.equal(c.ended, true);
  assert.equal(store.current('uid-1', 'a'), undefined);
  assert.equal(store.current('uid-1', 'c'), undefined);
  assert.equal(store.current('uid-1', 'b')!.ended, false);
  store.forgetPod('uid-1', ['b']);
  assert.equal(store.current('uid-1', 'b'), undefined);
  assert.equal(store.startInstance('uid-1', 'a').ended, false, 'a new instance after forgetting starts afresh');
  assert.equal(store.previous('uid-1', 'a'), undefined);
});
