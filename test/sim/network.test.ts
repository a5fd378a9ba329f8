import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../src/kube/types.js';
import { bookPod, getPod, makeCluster, simplePod } from './helpers.js';

async function execOutput(cluster: ReturnType<typeof makeCluster>['cluster'], pod: string, container: string, argv: string[]) {
  let out = '';
  const session = await cluster.exec({ namespace: 'default', pod, container }, argv, { tty: false, stdin: false, stdout: (d) => (out += d), stderr: (d) => (out += d) });
  const code = await session.exited;
  return { out, code };
}

test('Pod IPs are unique, come from the node pod CIDR, and hostNetwork system Pods use the node IP', async () => {
  const { cluster } = makeCluster();
  for (let i = 0; i < 12; i++) await cluster.apply(simplePod(`p${i}`, { containers: [{ name: 'app', image: 'nginx:1.27' }] }));
  await cluster.advance(10_000);
  const pods = (await cluster.list('Pod', { namespace: 'default' })).items as Pod[];
  const ips = pods.map((p) => p.status!.podIP!);
  assert.equal(new Set(ips).size, 12);
  for (const p of pods) {
    const third = p.spec.nodeName === 'kubesim-worker' ? 1 : 2;
    assert.match(p.status!.podIP!, new RegExp(`^10\\.244\\.${third}\\.\\d+$`));
    assert.deepEqual(p.status!.podIPs, [{ ip: p.status!.podIP }]);
  }
  const proxy = ((await cluster.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=kube-proxy' })).items as Pod[]).find((p) => p.spec.nodeName === 'kubesim-worker')!;
  assert.equal(proxy.status!.podIP, '172.18.0.3');
  await cluster.close();
});

test("wget -qO- localhost:8080 in the book's nginx container answers Hello Docker!! and echo logs received request", async () => {
  const { cluster } = makeCluster();
  await cluster.apply(bookPod());
  await cluster.advance(10_000);
  const { out, code } = await execOutput(cluster, 'simple-echo', 'nginx', ['wget', '-qO-', 'http://localhost:8080/']);
  assert.equal(out, 'Hello Docker!!');
  assert.equal(code, 0);
  const lines: string[] = [];
  await cluster.logs({ namespace: 'default', pod: 'simple-echo', container: 'echo' }, {}, { line: (l) => lines.push(`${l.stream} ${l.text}`), end: () => {} });
  assert.match(lines[0]!, /^stderr \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d start server$/);
  assert.match(lines[1]!, /^stderr \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d received request$/);
  await cluster.close();
});

test('one Pod reaches another at POD_IP:PORT through nginx-proxy', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('backend', { containers: [{ name: 'echo', image: 'gihyodocker/echo:latest' }] }));
  await cluster.advance(10_000);
  const ip = (await getPod(cluster, 'backend')).status!.podIP!;
  await cluster.apply(simplePod('proxy', { containers: [{ name: 'nginx', image: 'gihyodocker/nginx:latest', env: [{ name: 'BACKEND_HOST', value: `${ip}:8080` }] }] }));
  await cluster.advance(10_000);
  const { out } = await execOutput(cluster, 'proxy', 'nginx', ['wget', '-qO-', 'http://localhost:80/']);
  assert.equal(out, 'Hello Docker!!');
  await cluster.close();
});

test('exec and logs refuse with the API server texts', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(bookPod());
  const target = { namespace: 'default', pod: 'simple-echo', container: 'echo' };
  const sink = { line: () => {}, end: () => {} };
  await assert.rejects(cluster.exec(target, ['sh'], { tty: false, stdin: false, stdout: () => {}, stderr: () => {} }), { reason: 'BadRequest', message: 'pod simple-echo does not have a host assigned' });
  await cluster.advance(500);
  await assert.rejects(cluster.logs(target, {}, sink), { reason: 'BadRequest', message: 'container "echo" in pod "simple-echo" is waiting to start: ContainerCreating' });
  await assert.rejects(cluster.exec(target, ['sh'], { tty: false, stdin: false, stdout: () => {}, stderr: () => {} }), { reason: 'BadRequest', message: 'unable to upgrade connection: container not found ("echo")' });
  await cluster.advance(10_000);
  await assert.rejects(cluster.logs({ ...target, container: 'nope' }, {}, sink), { reason: 'BadRequest', message: 'container nope is not valid for pod simple-echo' });
  await assert.rejects(cluster.logs(target, { previous: true }, sink), { reason: 'BadRequest', message: 'previous terminated container "echo" in pod "simple-echo" not found' });
  await assert.rejects(cluster.logs({ ...target, pod: 'nope' }, {}, sink), { reason: 'NotFound', message: 'pods "nope" not found' });
  await cluster.close();
});

test('logs follow gets new lines live and ends when the container stops', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(bookPod());
  await cluster.advance(10_000);
  const lines: string[] = [];
  let ended = false;
  await cluster.logs({ namespace: 'default', pod: 'simple-echo', container: 'echo' }, { follow: true, tailLines: 0 }, { line: (l) => lines.push(l.text), end: () => (ended = true) });
  assert.deepEqual(lines, []);
  await execOutput(cluster, 'simple-echo', 'nginx', ['wget', '-qO-', 'http://localhost/']);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /received request$/);
  assert.equal(ended, false);
  await cluster.delete({ kind: 'Pod', namespace: 'default', name: 'simple-echo' });
  await cluster.advance(1_000);
  assert.equal(ended, true);
  await cluster.close();
});
