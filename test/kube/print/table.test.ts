import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toTable } from '../../../src/kube/print/table.js';
import type { KubeEvent, KubeObject } from '../../../src/kube/types.js';
import { NOW, ago, pod, running, status, terminated } from './pod-fixtures.js';

function columnsOf(kind: string): [string, number][] {
  return toTable(kind, [], NOW).columnDefinitions.map((c) => [c.name, c.priority]);
}

test('a Pod table has the API server columns, wide ones at priority 1, and format name on Name', () => {
  const table = toTable('Pod', [], NOW, {}, '1012');
  assert.equal(table.kind, 'Table');
  assert.equal(table.apiVersion, 'meta.k8s.io/v1');
  assert.deepEqual(table.metadata, { resourceVersion: '1012' });
  assert.deepEqual(columnsOf('Pod'), [
    ['Name', 0], ['Ready', 0], ['Status', 0], ['Restarts', 0], ['Age', 0],
    ['IP', 1], ['Node', 1], ['Nominated Node', 1], ['Readiness Gates', 1],
  ]);
  const name = table.columnDefinitions[0];
  assert.equal(name.format, 'name');
  assert.equal(name.type, 'string');
  assert.ok(name.description.startsWith('Name must be unique within a namespace.'));
  assert.equal(table.columnDefinitions[1].format, '');
  assert.deepEqual(table.rows, []);
});

test('a Pod row carries the cells kubectl prints and PartialObjectMetadata by default', () => {
  const p = pod({
    name: 'simple-echo',
    containers: ['nginx', 'echo'],
    nodeName: 'sim-node-1',
    podIP: '10.244.0.11',
    createdSecondsAgo: 2,
    statuses: [status('nginx', running(), { ready: true }), status('echo', running(), { ready: true })],
  });
  p.metadata.labels = { app: 'echo' };
  const [row] = toTable('Pod', [p], NOW).rows;
  assert.deepEqual(row.cells, ['simple-echo', '2/2', 'Running', '0', '2s', '10.244.0.11', 'sim-node-1', '<none>', '<none>']);
  assert.deepEqual(row.object, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata });
  assert.equal(row.conditions, undefined);
});

test('includeObject=Object embeds the full object and None leaves it out', () => {
  const p = pod();
  assert.equal(toTable('Pod', [p], NOW, { includeObject: 'Object' }).rows[0].object, p);
  assert.equal('object' in toTable('Pod', [p], NOW, { includeObject: 'None' }).rows[0], false);
});

test('finished pods carry the Completed row condition with Succeeded or Failed', () => {
  const done = pod({ phase: 'Succeeded', statuses: [status('app', terminated(0, 'Completed'))] });
  const failed = pod({ phase: 'Failed', statuses: [status('app', terminated(1, 'Error'))] });
  assert.deepEqual(toTable('Pod', [done], NOW).rows[0].conditions, [
    { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
  ]);
  assert.deepEqual(toTable('Pod', [failed], NOW).rows[0].conditions, [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
});

test('noHeaders leaves the column definitions empty, as later watch events may', () => {
  assert.deepEqual(toTable('Pod', [pod()], NOW, { noHeaders: true }).columnDefinitions, []);
});

test('a Node table prints NAME STATUS ROLES AGE VERSION and the wide system columns', () => {
  assert.deepEqual(columnsOf('Node'), [
    ['Name', 0], ['Status', 0], ['Roles', 0], ['Age', 0], ['Version', 0],
    ['Internal-IP', 1], ['External-IP', 1], ['OS-Image', 1], ['Kernel-Version', 1], ['Container-Runtime', 1],
  ]);
  const node: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'sim-node-1', creationTimestamp: ago(600) },
    spec: {},
    status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '172.18.0.2' }], nodeInfo: { kubeletVersion: 'v1.32.4' } },
  };
  assert.deepEqual(toTable('Node', [node], NOW).rows[0].cells, ['sim-node-1', 'Ready', '<none>', '10m', 'v1.32.4', '172.18.0.2', '<none>', '<unknown>', '<unknown>', '<unknown>']);
});

test('a Namespace table prints NAME STATUS AGE', () => {
  assert.deepEqual(columnsOf('Namespace'), [['Name', 0], ['Status', 0], ['Age', 0]]);
  const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: ago(7200) }, status: { phase: 'Active' } };
  assert.deepEqual(toTable('Namespace', [ns], NOW).rows[0].cells, ['default', 'Active', '120m']);
});

test('an Event table prints LAST SEEN TYPE REASON OBJECT MESSAGE, with the rest wide', () => {
  assert.deepEqual(columnsOf('Event'), [
    ['Last Seen', 0], ['Type', 0], ['Reason', 0], ['Object', 0], ['Subobject', 1], ['Source', 1], ['Message', 0],
    ['First Seen', 1], ['Count', 1], ['Name', 1],
  ]);
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'simple-echo.17c8a1b2c3d4e5f6', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'simple-echo', namespace: 'default', fieldPath: 'spec.containers{nginx}' },
    reason: 'Pulled',
    message: 'Successfully pulled image "nginx:latest" in 1.2s  \n',
    type: 'Normal',
    source: { component: 'kubelet', host: 'sim-node-1' },
    firstTimestamp: ago(90),
    lastTimestamp: ago(30),
    count: 3,
  };
  assert.deepEqual(toTable('Event', [event], NOW).rows[0].cells, [
    '30s', 'Normal', 'Pulled', 'pod/simple-echo', 'spec.containers{nginx}', 'kubelet, sim-node-1',
    'Successfully pulled image "nginx:latest" in 1.2s', '90s', 3, 'simple-echo.17c8a1b2c3d4e5f6',
  ]);
});

test('an event without lastTimestamp or count shows its first sighting and count 1', () => {
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'n.1' },
    involvedObject: { kind: 'Node', name: 'sim-node-1' },
    reason: 'Starting',
    message: 'Starting kubelet.',
    type: 'Normal',
    eventTime: ago(5),
    reportingComponent: 'kubelet',
    reportingInstance: 'sim-node-1',
  } as KubeEvent;
  const cells = toTable('Event', [event], NOW).rows[0].cells;
  assert.deepEqual([cells[0], cells[5], cells[7], cells[8]], ['5s', 'kubelet, sim-node-1', '5s', 1]);
});

test('ConfigMap, Secret and ServiceAccount tables count their data and secrets', () => {
  assert.deepEqual(columnsOf('ConfigMap'), [['Name', 0], ['Data', 0], ['Age', 0]]);
  assert.deepEqual(columnsOf('Secret'), [['Name', 0], ['Type', 0], ['Data', 0], ['Age', 0]]);
  assert.deepEqual(columnsOf('ServiceAccount'), [['Name', 0], ['Secrets', 0], ['Age', 0]]);
  const meta = { name: 'x', namespace: 'default', creationTimestamp: ago(30) };
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
  const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } };
  const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta };
  assert.deepEqual(toTable('ConfigMap', [cm], NOW).rows[0].cells, ['x', 3, '30s']);
  assert.deepEqual(toTable('Secret', [secret], NOW).rows[0].cells, ['x', 'kubernetes.io/tls', 2, '30s']);
  assert.deepEqual(toTable('ServiceAccount', [sa], NOW).rows[0].cells, ['x', 0, '30s']);
});

test('a Deployment prints READY ready/desired, UP-TO-DATE, AVAILABLE and wide containers, images, selector', () => {
  const d: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'echo', creationTimestamp: ago(65) },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'echo' } },
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'echo', image: 'gihyodocker/echo:latest' }] } },
    },
    status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
  };
  assert.deepEqual(toTable('Deployment', [d], NOW).rows[0].cells, ['echo', '2/3', 3, 2, '65s', 'nginx,echo', 'nginx:1.27,gihyodocker/echo:latest', 'app=echo']);
});

test('a ReplicaSet, a Job and a Service print their upstream columns', () => {
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'echo-5d9f', creationTimestamp: ago(10) },
    spec: { replicas: 2, selector: { matchLabels: { app: 'echo', 'pod-template-hash': '5d9f' } }, template: { spec: { containers: [{ name: 'echo', image: 'echo' }] } } },
    status: { replicas: 2, readyReplicas: 1 },
  };
  assert.deepEqual(toTable('ReplicaSet', [rs], NOW).rows[0].cells, ['echo-5d9f', 2, 2, 1, '10s', 'echo', 'echo', 'app=echo,pod-template-hash=5d9f']);
  const job: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', creationTimestamp: ago(100) },
    spec: { completions: 1, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } },
    status: { succeeded: 1, startTime: ago(100), completionTime: ago(60), conditions: [{ type: 'Complete', status: 'True' }] },
  };
  assert.deepEqual(toTable('Job', [job], NOW).rows[0].cells, ['pi', 'Complete', '1/1', '40s', '100s', 'pi', 'perl', '<none>']);
  const svc: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', creationTimestamp: ago(5) },
    spec: { type: 'NodePort', clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } },
  };
  assert.deepEqual(toTable('Service', [svc], NOW).rows[0].cells, ['web', 'NodePort', '10.96.0.20', '<none>', '80:30080/TCP', '5s', 'app=web']);
});

test('a kind without a printer gets the default NAME and CREATED AT columns', () => {
  assert.deepEqual(columnsOf('ClusterRole'), [['Name', 0], ['Created At', 0]]);
  const table = toTable('ClusterRole', [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'view', creationTimestamp: '2024-05-01T11:00:00.000Z' } }], NOW);
  assert.equal(table.columnDefinitions[1].type, 'date');
  assert.deepEqual(table.rows[0].cells, ['view', '2024-05-01T11:00:00Z']);
});
