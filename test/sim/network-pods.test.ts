import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterNetwork } from '../../src/sim/network.js';
import { ConnectionRefused } from '../../src/sim/runtime/types.js';

const GET = { method: 'GET', path: '/', headers: {} };
const answer = (body: string) => () => ({ status: 200, headers: {}, body });

test('a Pod listens on several ports; a taken port is refused, and a port is freed only by the handler that holds it', () => {
  const cluster = new ClusterNetwork();
  const net = cluster.attach('10.244.1.2', ['web', 'web.default'], false);
  const first = answer('80');
  assert.equal(net.listen(80, first), true);
  assert.equal(net.listen(80, answer('again')), false);
  assert.equal(net.listen(8080, answer('8080')), true);
  assert.equal(net.listen(9090, answer('9090')), true);
  assert.equal(net.request('localhost', 8080, GET).body, '8080');
  assert.equal(net.request('127.0.0.1', 80, GET).body, '80');
  net.unlisten(80, answer('not the holder'));
  assert.equal(net.isListening(80), true);
  net.unlisten(80, first);
  assert.equal(net.isListening(80), false);
  assert.throws(() => net.request('localhost', 80, GET), ConnectionRefused);
  assert.equal(net.listen(80, answer('new')), true);
  assert.equal(net.request('localhost', 80, GET).body, 'new');
  assert.equal(net.request('localhost', 9090, GET).body, '9090');
  cluster.detach(net);
  assert.equal(net.isListening(9090), false);
});

test('Pods reach each other by IP and by hostname; the latest Pod of a name wins, and a detached Pod is gone', () => {
  const cluster = new ClusterNetwork();
  const client = cluster.attach('10.244.1.2', ['client', 'client.default'], false);
  const old = cluster.attach('10.244.1.3', ['web', 'web.default'], false);
  old.listen(80, answer('old'));
  assert.equal(client.request('web', 80, GET).body, 'old');
  assert.equal(client.resolve('web.default'), '10.244.1.3');
  const replacement = cluster.attach('10.244.2.9', ['web', 'web.default'], false);
  replacement.listen(80, answer('new'));
  assert.equal(client.request('web.default', 80, GET).body, 'new');
  assert.equal(client.request('10.244.1.3', 80, GET).body, 'old');
  cluster.detach(replacement);
  assert.equal(client.resolve('10.244.2.9'), undefined);
  assert.equal(client.resolve('web'), '10.244.1.3', 'the earlier Pod of the name answers to it again');
  cluster.detach(old);
  assert.equal(client.resolve('web'), undefined);
  assert.throws(() => client.request('web', 80, GET), /bad address 'web'/);
  assert.throws(() => client.request('10.244.1.3', 80, GET), ConnectionRefused);
  const host = cluster.attach('172.18.0.3', ['kube-proxy-x'], true);
  assert.equal(client.resolve('kube-proxy-x'), undefined, 'a hostNetwork Pod has no name of its own on the Pod network');
  assert.equal(host.resolve('localhost'), '127.0.0.1');
});
