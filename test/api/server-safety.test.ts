import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { parse } from 'yaml';
import { startApiServer, writeKubeconfig } from '../../src/api/index.js';
import { FakeCluster, pod } from './fake-cluster.js';
import { fetchJson } from './json-fetch.js';

test('a non-loopback address requires the generated bearer token: 401 Status without it', async () => {
  const server = await startApiServer(new FakeCluster(), { host: '0.0.0.0', port: 0 });
  try {
    assert.ok(server.token && server.token.length >= 20);
    const base = `http://127.0.0.1:${server.port}`;
    const denied = await fetchJson(`${base}/api/v1/pods`);
    assert.equal(denied.status, 401);
    assert.equal(denied.json.reason, 'Unauthorized');
    const wrong = await fetchJson(`${base}/api/v1/pods`, { headers: { Authorization: 'Bearer nope' } });
    assert.equal(wrong.status, 401);
    const allowed = await fetchJson(`${base}/api/v1/pods`, { headers: { Authorization: `Bearer ${server.token}` } });
    assert.equal(allowed.status, 200);
    assert.equal((await fetchJson(`${base}/version`)).status, 200);
  } finally {
    await server.close();
  }
});

test('an exec upgrade without the token is refused with 401 too', async () => {
  const cluster = new FakeCluster();
  cluster.seed(pod('web'));
  const server = await startApiServer(cluster, { port: 0, token: 'secret' });
  try {
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => {
        socket.write('GET /api/v1/namespaces/default/pods/web/exec?command=sh HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
      });
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('close', () => resolve(data));
    });
    assert.match(reply, /^HTTP\/1\.1 401 /);
  } finally {
    await server.close();
  }
});

test('a taken port falls back to a free one', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = (blocker.address() as net.AddressInfo).port;
  const server = await startApiServer(new FakeCluster(), { port: taken });
  try {
    assert.notEqual(server.port, taken);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  } finally {
    await server.close();
    blocker.close();
  }
});

test('writeKubeconfig writes a private kubesim context into the temp folder by default', () => {
  const path = writeKubeconfig({ url: 'http://127.0.0.1:45678', token: 't0k' });
  try {
    assert.equal(path, `${tmpdir()}/kubesim-45678.kubeconfig`);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const config = parse(readFileSync(path, 'utf8'));
    assert.equal(config['current-context'], 'kubesim');
    assert.deepEqual(config.contexts[0], { name: 'kubesim', context: { cluster: 'kubesim', user: 'kubesim', namespace: 'default' } });
    assert.equal(config.clusters[0].cluster.server, 'http://127.0.0.1:45678');
    assert.equal(config.users[0].user.token, 't0k');
  } finally {
    rmSync(path, { force: true });
  }
});

test('odd requests get Status answers and never take the server down', async () => {
  const server = await startApiServer(new FakeCluster(), { port: 0 });
  try {
    const bad = [
      '/api/v1/namespaces/%zz/pods/%',
      '/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=abc',
      '/api/v1/namespaces/default/pods/x/log?tailLines=-',
      '/apis/nope/v9/things',
      '/api/v1/namespaces/default/pods/x/y/z/w',
    ];
    for (const path of bad) {
      const r = await fetchJson(server.url + path);
      assert.equal(r.json?.kind, 'Status', path);
      assert.ok(r.status >= 400, path);
    }
    // A request line Node cannot parse is answered 400 on the socket.
    const raw = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('close', () => resolve(data));
    });
    assert.match(raw, /^HTTP\/1\.1 400/);
    const aborted = http.request(`${server.url}/api/v1/namespaces/default/pods`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '100' } });
    aborted.on('error', () => {});
    aborted.write('{"kind"');
    aborted.destroy();
    assert.equal((await fetchJson(`${server.url}/version`)).status, 200);
  } finally {
    await server.close();
  }
});
