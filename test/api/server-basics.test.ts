import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startApiServer, type ApiServer } from '../../src/api/index.js';
import { FakeCluster, pod } from './fake-cluster.js';
import { fetchJson } from './json-fetch.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const AGG =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

let server: ApiServer;
let cluster: FakeCluster;

before(async () => {
  cluster = new FakeCluster();
  cluster.seed(pod('web'));
  cluster.seed(pod('db', { metadata: { name: 'db', namespace: 'data', labels: { app: 'db' } } }));
  cluster.seed({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, spec: {} });
  server = await startApiServer(cluster, { port: 0 });
});
after(() => server.close());

function get(path: string, accept = 'application/json', init: RequestInit = {}) {
  return fetchJson(server.url + path, { ...init, headers: { Accept: accept, ...(init.headers ?? {}) } });
}

test('/version reports v1.32 so the gcloud kubectl dispatcher runs kubectl 1.32', async () => {
  const r = await get('/version');
  assert.equal(r.status, 200);
  assert.equal(r.json.minor, '32');
  assert.match(r.json.gitVersion, /^v1\.32\.\d+$/);
  for (const p of ['/healthz', '/livez', '/readyz']) assert.equal((await get(p)).text, 'ok');
});

test('aggregated discovery echoes the v2 media type exactly and lists pods with short names, categories and subresources', async () => {
  const r = await get('/api', AGG);
  assert.equal(r.headers.get('content-type'), 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
  assert.equal(r.json.apiVersion, 'apidiscovery.k8s.io/v2');
  const resources = r.json.items[0].versions[0].resources;
  const pods = resources.find((x: any) => x.resource === 'pods');
  assert.deepEqual(pods.shortNames, ['po']);
  assert.deepEqual(pods.categories, ['all']);
  assert.equal(pods.scope, 'Namespaced');
  assert.ok(pods.subresources.some((s: any) => s.subresource === 'exec'));
  assert.ok(pods.subresources.some((s: any) => s.subresource === 'eviction' && s.responseKind.group === 'policy'));
  const apis = await get('/apis', AGG);
  assert.deepEqual(
    apis.json.items.map((g: any) => g.metadata.name),
    ['apps'],
  );
});

test('a client that only speaks v2beta1 gets v2beta1, and a plain client gets legacy discovery', async () => {
  const beta = await get('/api', 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json');
  assert.equal(beta.headers.get('content-type'), 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList');
  assert.equal(beta.json.apiVersion, 'apidiscovery.k8s.io/v2beta1');
  const legacy = await get('/api');
  assert.equal(legacy.json.kind, 'APIVersions');
  const v1 = await get('/api/v1');
  assert.equal(v1.json.kind, 'APIResourceList');
  const eviction = v1.json.resources.find((x: any) => x.name === 'pods/eviction');
  assert.deepEqual([eviction.group, eviction.version, eviction.kind], ['policy', 'v1', 'Eviction']);
  const groups = await get('/apis');
  assert.equal(groups.json.groups[0].name, 'apps');
  assert.equal((await get('/apis/apps')).json.preferredVersion.groupVersion, 'apps/v1');
  assert.equal((await get('/apis/apps/v1')).json.resources[0].name, 'deployments');
});

test('OpenAPI v3 lists a patch operation with fieldValidation for every kind, and v2 is 404', async () => {
  const root = await get('/openapi/v3');
  const url = root.json.paths['api/v1'].serverRelativeURL;
  assert.match(url, /^\/openapi\/v3\/api\/v1\?hash=/);
  const doc = await get(url);
  const patch = doc.json.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', version: 'v1', kind: 'Pod' });
  assert.ok(patch.parameters.some((p: any) => p.name === 'fieldValidation' && p.in === 'query'));
  assert.ok(doc.json.paths['/api/v1/nodes/{name}']);
  assert.ok((await get(root.json.paths['apis/apps/v1'].serverRelativeURL)).json.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']);
  assert.equal((await get('/openapi/v2')).status, 404);
});

test('a Table is answered when Accept asks for one, with PartialObjectMetadata rows by default', async () => {
  const r = await get('/api/v1/pods?limit=500', TABLE);
  assert.equal(r.json.kind, 'Table');
  assert.equal(r.json.apiVersion, 'meta.k8s.io/v1');
  assert.equal(r.json.metadata.resourceVersion, String(r.json.metadata.resourceVersion));
  assert.equal(r.json.columnDefinitions[0].format, 'name');
  assert.equal(r.json.rows.length, 2);
  assert.equal(r.json.rows[0].object.kind, 'PartialObjectMetadata');
  const full = await get('/api/v1/namespaces/default/pods?includeObject=Object', TABLE);
  assert.equal(full.json.rows[0].object.kind, 'Pod');
  const none = await get('/api/v1/namespaces/default/pods/web?includeObject=None', TABLE);
  assert.equal(none.json.rows[0].object, undefined);
});

test('plain JSON lists carry the List kind and the resourceVersion; selectors are passed to the source', async () => {
  const r = await get('/api/v1/pods');
  assert.equal(r.json.kind, 'PodList');
  assert.equal(r.json.apiVersion, 'v1');
  assert.ok(r.json.metadata.resourceVersion);
  assert.equal(r.json.items.length, 2);
  const selected = await get('/api/v1/pods?labelSelector=app%3Ddb');
  assert.deepEqual(selected.json.items.map((p: any) => p.metadata.name), ['db']);
  const byField = await get('/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb');
  assert.deepEqual(byField.json.items.map((p: any) => p.metadata.name), ['web']);
});

test('a missing object is a NotFound Status with the real message', async () => {
  const r = await get('/api/v1/namespaces/default/pods/nope');
  assert.equal(r.status, 404);
  assert.deepEqual(r.json, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'pods "nope" not found',
    reason: 'NotFound',
    details: { name: 'nope', kind: 'pods' },
    code: 404,
  });
});

test('unknown paths, unsupported verbs and unacceptable media types are Status errors', async () => {
  const unknown = await get('/api/v1/widgets');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json.message, 'the server could not find the requested resource');
  assert.equal((await get('/nothing/here')).json.kind, 'Status');
  const method = await get('/api/v1/namespaces/default/pods/web', 'application/json', { method: 'POST', body: '{}' });
  assert.equal(method.status, 405);
  assert.equal(method.json.reason, 'MethodNotAllowed');
  const protobuf = await get('/api/v1/pods', 'application/vnd.kubernetes.protobuf');
  assert.equal(protobuf.status, 406);
  assert.equal(protobuf.json.reason, 'NotAcceptable');
});

test('a cluster-scoped kind under a namespace path, and a namespaced object without one, are not found', async () => {
  assert.equal((await get('/api/v1/namespaces/default/nodes/node-1')).status, 404);
  assert.equal((await get('/api/v1/pods/web')).status, 404);
  assert.equal((await get('/api/v1/nodes/node-1')).json.metadata.name, 'node-1');
});
