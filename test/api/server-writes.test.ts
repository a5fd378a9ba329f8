import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startApiServer, type ApiServer } from '../../src/api/index.js';
import { FakeCluster, pod } from './fake-cluster.js';
import { fetchJson } from './json-fetch.js';

let server: ApiServer;
let cluster: FakeCluster;

before(async () => {
  cluster = new FakeCluster();
  server = await startApiServer(cluster, { port: 0 });
});
after(() => server.close());

function send(method: string, path: string, body?: string, contentType = 'application/json') {
  return fetchJson(server.url + path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': contentType },
    ...(body !== undefined ? { body } : {}),
  });
}

test('POST creates with 201 and passes fieldManager, fieldValidation and dryRun to the source', async () => {
  const r = await send('POST', '/api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict', JSON.stringify(pod('one')));
  assert.equal(r.status, 201);
  assert.equal(r.json.metadata.name, 'one');
  assert.deepEqual(cluster.lastWriteOptions, { fieldValidation: 'Strict', fieldManager: 'kubectl-client-side-apply' });
  const again = await send('POST', '/api/v1/namespaces/default/pods', JSON.stringify(pod('one')));
  assert.equal(again.status, 409);
  assert.equal(again.json.message, 'pods "one" already exists');
  const dry = await send('POST', '/api/v1/namespaces/default/pods?dryRun=All', JSON.stringify(pod('dry')));
  assert.equal(dry.status, 201);
  assert.equal(cluster.lastWriteOptions?.dryRun, true);
  assert.equal(cluster.lastWriteOptions?.fieldValidation, 'Warn');
});

test('a namespace in the body that differs from the URL is refused', async () => {
  const body = pod('two', { metadata: { name: 'two', namespace: 'other' } });
  const r = await send('POST', '/api/v1/namespaces/default/pods', JSON.stringify(body));
  assert.equal(r.status, 400);
  assert.equal(r.json.message, 'the namespace of the provided object does not match the namespace sent on the request');
});

test('strict validation failures from the source come back as 400 BadRequest', async () => {
  const r = await send('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', JSON.stringify({ ...pod('bad'), bogus: 1 }));
  assert.equal(r.status, 400);
  assert.match(r.json.message, /strict decoding error: unknown field "bogus"/);
});

test('source warnings become properly quoted Warning headers', async () => {
  cluster.warnings = ['unknown field "spec.foo"', 'a \\ backslash'];
  try {
    const r = await send('POST', '/api/v1/namespaces/default/pods?fieldValidation=Warn', JSON.stringify(pod('warned')));
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('warning'), '299 - "unknown field \\"spec.foo\\"", 299 - "a \\\\ backslash"');
  } finally {
    cluster.warnings = [];
  }
});

test('malformed JSON and YAML bodies are 400 with the decoder message, others 415', async () => {
  const json = await send('POST', '/api/v1/namespaces/default/pods', '{"kind": ');
  assert.equal(json.status, 400);
  assert.equal(json.json.message, "couldn't get version/kind; json parse error: unexpected end of JSON input");
  const junk = await send('POST', '/api/v1/namespaces/default/pods', 'xyz');
  assert.equal(junk.json.message, "couldn't get version/kind; json parse error: invalid character 'x' looking for beginning of value");
  const yaml = await send('POST', '/api/v1/namespaces/default/pods', 'a: [b', 'application/yaml');
  assert.equal(yaml.status, 400);
  assert.match(yaml.json.message, /^error converting YAML to JSON: yaml: /);
  const proto = await send('POST', '/api/v1/namespaces/default/pods', 'x', 'application/vnd.kubernetes.protobuf');
  assert.equal(proto.status, 415);
  assert.equal(proto.json.reason, 'UnsupportedMediaType');
});

test('a YAML body is accepted for create', async () => {
  const r = await send('POST', '/api/v1/namespaces/default/pods', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-yaml\nspec:\n  containers: []\n', 'application/yaml');
  assert.equal(r.status, 201);
  assert.equal(r.json.metadata.namespace, 'default');
});

test('bodies over 3 MiB are refused with 413', async () => {
  const r = await send('POST', '/api/v1/namespaces/default/pods', 'x'.repeat(3 * 1024 * 1024 + 1));
  assert.equal(r.status, 413);
  assert.equal(r.json.reason, 'RequestEntityTooLarge');
  assert.equal((await send('GET', '/version')).status, 200);
});

test('PATCH maps the four patch content types and refuses others with 415', async () => {
  cluster.seed(pod('patched'));
  const types: [string, string, unknown][] = [
    ['application/strategic-merge-patch+json', 'strategic', { metadata: { labels: { a: 'b' } } }],
    ['application/merge-patch+json', 'merge', { metadata: { labels: { c: 'd' } } }],
    ['application/json-patch+json', 'json', [{ op: 'add', path: '/metadata/labels/e', value: 'f' }]],
  ];
  for (const [contentType, type, body] of types) {
    const r = await send('PATCH', '/api/v1/namespaces/default/pods/patched?fieldManager=kubectl-label', JSON.stringify(body), contentType);
    assert.equal(r.status, 200, contentType);
    assert.equal(cluster.lastPatch?.type, type);
  }
  const bad = await send('PATCH', '/api/v1/namespaces/default/pods/patched', '{}', 'application/json');
  assert.equal(bad.status, 415);
  assert.match(bad.json.message, /application\/strategic-merge-patch\+json/);
  const missing = await send('PATCH', '/api/v1/namespaces/default/pods/missing', '{}', 'application/merge-patch+json');
  assert.equal(missing.status, 404);
});

test('server-side apply creates a missing object with 201 and patches an existing one with 200', async () => {
  const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ssa\nspec:\n  containers: []\n';
  const created = await send('PATCH', '/api/v1/namespaces/default/pods/ssa?fieldManager=kubectl&fieldValidation=Strict&force=false', manifest, 'application/apply-patch+yaml');
  assert.equal(created.status, 201);
  const applied = await send('PATCH', '/api/v1/namespaces/default/pods/ssa?fieldManager=kubectl&force=true', manifest, 'application/apply-patch+yaml');
  assert.equal(applied.status, 200);
  assert.equal(cluster.lastPatch?.type, 'apply');
  assert.equal((cluster.lastWriteOptions as any).force, true);
  const noManager = await send('PATCH', '/api/v1/namespaces/default/pods/ssa', manifest, 'application/apply-patch+yaml');
  assert.equal(noManager.status, 400);
});

test('PUT replaces and checks the name against the URL', async () => {
  cluster.seed(pod('put'));
  const ok = await send('PUT', '/api/v1/namespaces/default/pods/put', JSON.stringify(pod('put', { metadata: { name: 'put', labels: { x: 'y' } } })));
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json.metadata.labels, { x: 'y' });
  const wrong = await send('PUT', '/api/v1/namespaces/default/pods/put', JSON.stringify(pod('other')));
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json.message, 'the name of the object (other) does not match the name on the URL (put)');
});

test('DELETE passes DeleteOptions from the body and returns the object; a missing one is NotFound', async () => {
  cluster.seed(pod('gone'));
  const r = await send('DELETE', '/api/v1/namespaces/default/pods/gone', JSON.stringify({ gracePeriodSeconds: 0, propagationPolicy: 'Background' }));
  assert.equal(r.status, 200);
  assert.equal(r.json.metadata.name, 'gone');
  assert.deepEqual(cluster.lastDeleteOptions, { gracePeriodSeconds: 0, propagationPolicy: 'Background' });
  const again = await send('DELETE', '/api/v1/namespaces/default/pods/gone', JSON.stringify({ propagationPolicy: 'Background' }));
  assert.equal(again.status, 404);
  assert.equal(again.json.message, 'pods "gone" not found');
});

test('deletecollection deletes what the selector matches', async () => {
  cluster.seed(pod('dc-1', { metadata: { name: 'dc-1', namespace: 'dc', labels: { batch: 'x' } } }));
  cluster.seed(pod('dc-2', { metadata: { name: 'dc-2', namespace: 'dc', labels: { batch: 'y' } } }));
  const r = await send('DELETE', '/api/v1/namespaces/dc/pods?labelSelector=batch%3Dx');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.items.map((p: any) => p.metadata.name), ['dc-1']);
});

test('an eviction is a policy/v1 Eviction POST answered with a 201 Success Status', async () => {
  cluster.seed(pod('evict-me'));
  const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'evict-me', namespace: 'default' }, deleteOptions: {} };
  const r = await send('POST', '/api/v1/namespaces/default/pods/evict-me/eviction', JSON.stringify(body));
  assert.equal(r.status, 201);
  assert.equal(r.json.status, 'Success');
  assert.deepEqual(cluster.evicted, ['evict-me']);
});

test('pods/status reads the Pod and a cordon patches the Node', async () => {
  cluster.seed(pod('st'));
  assert.equal((await send('GET', '/api/v1/namespaces/default/pods/st/status')).json.metadata.name, 'st');
  cluster.seed({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: {} });
  const r = await send('PATCH', '/api/v1/nodes/n1', JSON.stringify({ spec: { unschedulable: true } }), 'application/strategic-merge-patch+json');
  assert.equal(r.json.spec.unschedulable, true);
});

test('a handler that throws a plain error answers 500 InternalError and the server keeps serving', async () => {
  const original = cluster.get.bind(cluster);
  cluster.get = async () => {
    throw new TypeError('boom');
  };
  try {
    const r = await send('GET', '/api/v1/namespaces/default/pods/x');
    assert.equal(r.status, 500);
    assert.equal(r.json.reason, 'InternalError');
    assert.equal(r.json.message, 'Internal error occurred: boom');
  } finally {
    cluster.get = original;
  }
  assert.equal((await send('GET', '/version')).status, 200);
});
