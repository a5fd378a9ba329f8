import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';
import { startApiServer, type ApiServer } from '../../src/api/index.js';
import { rfc3339Nano } from '../../src/api/log-stream.js';
import { FakeCluster, pod } from './fake-cluster.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

let server: ApiServer;
let cluster: FakeCluster;

before(async () => {
  cluster = new FakeCluster();
  cluster.seed(pod('web'));
  cluster.logLines.set('web/main', [
    { time: Date.UTC(2026, 0, 1, 12, 0, 1, 500) + 0.0001, text: 'start server' },
    { time: Date.UTC(2026, 0, 1, 12, 0, 2), text: 'second' },
  ]);
  server = await startApiServer(cluster, { port: 0 });
});
after(() => server.close());

/** Reads a streaming response line by line until `until` says stop or the deadline passes. */
function readLines(path: string, accept: string, until: (lines: string[]) => boolean, onOpen?: () => void): Promise<{ status: number; lines: string[]; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(server.url + path, { headers: { Accept: accept } }, (res) => {
      const lines: string[] = [];
      let buffer = '';
      let done = false;
      const finish = (ended: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, lines, ended });
      };
      const timer = setTimeout(() => finish(false), 3000);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          lines.push(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
        }
        if (until(lines)) finish(false);
      });
      res.on('end', () => {
        if (buffer) lines.push(buffer);
        finish(true);
      });
      onOpen?.();
    });
    req.on('error', reject);
  });
}

test('a watch from resourceVersion 0 starts with a synthetic ADDED and then streams changes as JSON lines', async () => {
  const result = await readLines(
    '/api/v1/namespaces/default/pods?watch=true&resourceVersion=0',
    'application/json',
    (lines) => lines.length >= 2,
    () => setTimeout(() => cluster.seed(pod('later')), 50),
  );
  const events = result.lines.map((l) => JSON.parse(l));
  assert.deepEqual(events.map((e) => [e.type, e.object.metadata.name]), [
    ['ADDED', 'web'],
    ['ADDED', 'later'],
  ]);
  assert.equal(events[0].object.kind, 'Pod');
});

test('a watch from a list resourceVersion sends only later changes, as one-row Tables when asked', async () => {
  const list = (await (await fetch(server.url + '/api/v1/namespaces/default/pods', { headers: { Accept: TABLE } })).json()) as any;
  const rv = list.metadata.resourceVersion;
  const result = await readLines(`/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`, TABLE, (lines) => lines.length >= 2, () =>
    setTimeout(() => {
      cluster.seed(pod('web', { metadata: { name: 'web', namespace: 'default', labels: { v: '2' } } }));
      cluster.remove({ kind: 'Pod', namespace: 'default', name: 'later' });
    }, 50),
  );
  const events = result.lines.map((l) => JSON.parse(l));
  assert.deepEqual(events.map((e) => e.type), ['MODIFIED', 'DELETED']);
  assert.equal(events[0].object.kind, 'Table');
  assert.equal(events[0].object.rows.length, 1);
  assert.equal(events[0].object.rows[0].cells[0], 'web');
  assert.ok(events[0].object.columnDefinitions.length > 0);
  assert.equal(events[1].object.rows[0].cells[0], 'later');
});

test('a watch honours the name field selector and ends after timeoutSeconds', async () => {
  const started = Date.now();
  const result = await readLines('/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Dweb&timeoutSeconds=1', 'application/json', () => false);
  assert.equal(result.ended, true);
  assert.ok(Date.now() - started >= 900);
  assert.deepEqual(result.lines.map((l) => JSON.parse(l).object.metadata.name), ['web']);
});

test('a watch from a resourceVersion too old gets a 410 Expired ERROR event', async () => {
  const result = await readLines('/api/v1/namespaces/default/pods?watch=true&resourceVersion=1', 'application/json', () => false);
  assert.equal(result.ended, true);
  const event = JSON.parse(result.lines[0]!);
  assert.equal(event.type, 'ERROR');
  assert.equal(event.object.code, 410);
  assert.equal(event.object.reason, 'Expired');
});

test('Go-style RFC3339Nano timestamps trim trailing zeros of the fraction', () => {
  assert.equal(rfc3339Nano(Date.UTC(2024, 0, 2, 3, 4, 5, 120)), '2024-01-02T03:04:05.12Z');
  assert.equal(rfc3339Nano(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05Z');
  assert.equal(rfc3339Nano(Date.UTC(2024, 0, 2, 3, 4, 5, 123) + 0.25), '2024-01-02T03:04:05.12325Z');
});

test('logs are plain text, with timestamps, tailLines and limitBytes', async () => {
  const plain = await fetch(server.url + '/api/v1/namespaces/default/pods/web/log?container=main');
  assert.equal(plain.headers.get('content-type'), 'text/plain');
  assert.equal(await plain.text(), 'start server\nsecond\n');
  const stamped = await (await fetch(server.url + '/api/v1/namespaces/default/pods/web/log?container=main&timestamps=true&tailLines=1')).text();
  assert.equal(stamped, '2026-01-01T12:00:02Z second\n');
  const limited = await (await fetch(server.url + '/api/v1/namespaces/default/pods/web/log?container=main&limitBytes=5')).text();
  assert.equal(limited, 'start');
});

test('log errors are Status objects: a container not valid, previous not found, no container named', async () => {
  const invalid = await fetch(server.url + '/api/v1/namespaces/default/pods/web/log?container=nope');
  assert.equal(invalid.status, 400);
  assert.equal(((await invalid.json()) as any).message, 'container nope is not valid for pod web');
  const previous = (await (await fetch(server.url + '/api/v1/namespaces/default/pods/web/log?container=main&previous=true')).json()) as any;
  assert.equal(previous.message, 'previous terminated container "main" in pod "web" not found');
  const unnamed = (await (await fetch(server.url + '/api/v1/namespaces/default/pods/web/log')).json()) as any;
  assert.equal(unnamed.message, 'a container name must be specified for pod web, choose one of: [main side]');
  const missing = await fetch(server.url + '/api/v1/namespaces/default/pods/nope/log?container=main');
  assert.equal(missing.status, 404);
});

test('a followed log streams new lines and ends when the container stops', async () => {
  const result = await readLines('/api/v1/namespaces/default/pods/web/log?container=main&follow=true&tailLines=0', 'application/json, */*', () => false, () =>
    setTimeout(() => {
      cluster.emitLog('received request');
      setTimeout(() => cluster.endLogs(), 50);
    }, 100),
  );
  assert.equal(result.ended, true);
  assert.deepEqual(result.lines, ['received request']);
});

interface ExecResult {
  frames: { channel: number; text: string }[];
  closeCode: number;
}

function execWs(query: string, script: (ws: WebSocket) => void = () => {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/web/exec?${query}`, ['v5.channel.k8s.io']);
    const frames: ExecResult['frames'] = [];
    ws.on('open', () => script(ws));
    ws.on('message', (data: Buffer, isBinary) => {
      assert.equal(isBinary, true);
      frames.push({ channel: data[0]!, text: data.subarray(1).toString('utf8') });
    });
    ws.on('close', (code) => resolve({ frames, closeCode: code }));
    ws.on('error', reject);
  });
}

test('exec over v5.channel.k8s.io: an empty stdout frame first, one Status on channel 3, then close 1000', async () => {
  const r = await execWs('command=echo&command=hi&container=main&stdout=true&stderr=true');
  assert.deepEqual(r.frames, [
    { channel: 1, text: '' },
    { channel: 1, text: 'hi\n' },
    { channel: 3, text: '{"metadata":{},"status":"Success"}' },
  ]);
  assert.equal(r.closeCode, 1000);
});

test('a non-zero exit is a NonZeroExitCode Status carrying the ExitCode cause', async () => {
  const r = await execWs('command=sh&command=-c&command=exit+7&container=main&stdout=true&stderr=true');
  const status = JSON.parse(r.frames.find((f) => f.channel === 3)!.text);
  assert.equal(status.reason, 'NonZeroExitCode');
  assert.deepEqual(status.details.causes, [{ reason: 'ExitCode', message: '7' }]);
  assert.equal(status.message, 'command terminated with non-zero exit code: error executing command [sh -c exit 7], exit code 7');
});

test('stdin bytes reach the process, resize is decoded, and [255, 0] closes stdin', async () => {
  const r = await execWs('command=cat&container=main&stdin=true&stdout=true&stderr=true', (ws) => {
    ws.send(Buffer.from([4, ...Buffer.from('{"Width":80,"Height":24}\n')]));
    ws.send(Buffer.from([0, ...Buffer.from('abc')]));
    setTimeout(() => ws.send(Buffer.from([255, 0])), 50);
  });
  const exec = cluster.execs.at(-1)!;
  assert.deepEqual(exec.input, ['abc']);
  assert.deepEqual(exec.resizes, [[80, 24]]);
  assert.equal(exec.stdinClosed, true);
  assert.deepEqual(r.frames.filter((f) => f.channel === 1 || f.channel === 2).map((f) => [f.channel, f.text]), [
    [1, ''],
    [1, 'ABC'],
    [2, 'err:abc'],
  ]);
  assert.equal(JSON.parse(r.frames.at(-1)!.text).details.causes[0].message, '3');
});

test('with a tty, stderr is merged into stdout', async () => {
  await execWs('command=cat&container=main&stdin=true&stdout=true&tty=true', (ws) => {
    ws.send(Buffer.from([0, ...Buffer.from('x')]));
    setTimeout(() => ws.send(Buffer.from([255, 0])), 50);
  }).then((r) => {
    assert.deepEqual(r.frames.filter((f) => f.channel === 1).map((f) => f.text), ['', 'X', 'err:x']);
  });
});

function rawUpgrade(path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const socket = net.connect(Number(url.port), url.hostname, () => {
      const lines = [`${headers['method'] ?? 'GET'} ${path} HTTP/1.1`, `Host: ${url.host}`, 'Connection: Upgrade'];
      for (const [k, v] of Object.entries(headers)) if (k !== 'method') lines.push(`${k}: ${v}`);
      socket.write(lines.join('\r\n') + '\r\n\r\n');
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

test('the SPDY fallback answers the same validation errors as Status JSON, otherwise 400', async () => {
  const spdy = { method: 'POST', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' };
  const missing = await rawUpgrade('/api/v1/namespaces/default/pods/nope/exec?command=sh&container=main', spdy);
  assert.match(missing, /^HTTP\/1\.1 404/);
  assert.match(missing, /"message":"pods \\"nope\\" not found"/);
  const container = await rawUpgrade('/api/v1/namespaces/default/pods/web/exec?command=sh&container=nope', spdy);
  assert.match(container, /^HTTP\/1\.1 400/);
  assert.match(container, /container nope is not valid for pod web/);
  const valid = await rawUpgrade('/api/v1/namespaces/default/pods/web/exec?command=sh&container=main', spdy);
  assert.match(valid, /^HTTP\/1\.1 400/);
  assert.match(valid, /only the websocket exec protocol/);
});

test('exec into an unscheduled pod says it has no host', async () => {
  cluster.seed(pod('pending', { spec: { containers: [{ name: 'main' }] } }));
  const r = await rawUpgrade('/api/v1/namespaces/default/pods/pending/exec?command=sh&container=main', { Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'v5.channel.k8s.io' });
  assert.match(r, /pod pending does not have a host assigned/);
});

test('a watch that allows bookmarks gets BOOKMARK events carrying the last resourceVersion', async () => {
  const quick = await startApiServer(cluster, { port: 0, watchBookmarkIntervalMs: 50 });
  try {
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = http.get(`${quick.url}/api/v1/namespaces/default/pods?watch=true&allowWatchBookmarks=true&resourceVersion=0`, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const got = buffer.split('\n').filter(Boolean);
          if (got.some((l) => l.includes('"BOOKMARK"'))) {
            req.destroy();
            resolve(got);
          }
        });
      });
      req.on('error', reject);
    });
    const events = lines.map((l) => JSON.parse(l));
    const bookmark = events.find((e) => e.type === 'BOOKMARK');
    assert.deepEqual(bookmark.object, { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: events[events.indexOf(bookmark) - 1].object.metadata.resourceVersion } });
  } finally {
    await quick.close();
  }
});
