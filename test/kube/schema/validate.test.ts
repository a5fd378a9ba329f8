import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateObject } from '../../../src/kube/schema/validate.js';
import type { KubeObject } from '../../../src/kube/types.js';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec,
});
const web = { name: 'web', image: 'nginx' };

function message(obj: KubeObject): string | undefined {
  return validateObject(obj)?.message;
}

test('a well-formed Pod is valid', () => {
  assert.equal(validateObject(pod({ containers: [web] })), undefined);
});

test('a Pod without a name: Required value, 422 Invalid with the field in the causes', () => {
  const err = validateObject(pod({ containers: [web] }, {}))!;
  assert.equal(err.code, 422);
  assert.equal(err.reason, 'Invalid');
  assert.equal(err.message, 'Pod "" is invalid: metadata.name: Required value: name or generateName is required');
  assert.equal(err.status.details?.causes?.[0]?.field, 'metadata.name');
  assert.equal(validateObject(pod({ containers: [web] }, { generateName: 'web-' })), undefined);
});

test('a name that is not a DNS subdomain gets the regex message', () => {
  assert.equal(
    message(pod({ containers: [web] }, { name: 'Web_1' })),
    `Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  );
});

test('label keys and values are checked', () => {
  assert.match(
    message(pod({ containers: [web] }, { name: 'web', labels: { app: 'a b' } })) ?? '',
    /metadata\.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '\.', and must start and end with an alphanumeric character \(e\.g\. 'MyValue',  or 'my_value',  or '12345', regex used/,
  );
  assert.match(message(pod({ containers: [web] }, { name: 'web', labels: { 'bad key': 'x' } })) ?? '', /metadata\.labels: Invalid value: "bad key": name part must consist of/);
});

test('containers are required, and several errors are joined in brackets', () => {
  assert.equal(message(pod({})), 'Pod "web" is invalid: spec.containers: Required value');
  assert.equal(
    message(pod({ containers: [{ name: 'Web' }] })),
    `Pod "web" is invalid: [spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'), spec.containers[0].image: Required value]`,
  );
});

test('duplicate container names, unsupported restart policy', () => {
  assert.equal(message(pod({ containers: [web, { name: 'web', image: 'x' }] })), 'Pod "web" is invalid: spec.containers[1].name: Duplicate value: "web"');
  assert.equal(
    message(pod({ containers: [web], restartPolicy: 'Sometimes' })),
    'Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
  );
});

test('ephemeral containers cannot be set on create, but may be there on update', () => {
  const p = pod({ containers: [web], ephemeralContainers: [{ name: 'debug', image: 'busybox' }] });
  assert.equal(message(p), 'Pod "web" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create');
  assert.equal(validateObject(p, { operation: 'update' }), undefined);
});

test('a probe with two handlers, duplicate port names, requests above limits', () => {
  const probe = { httpGet: { port: 80 }, tcpSocket: { port: 80 } };
  assert.equal(
    message(pod({ containers: [{ ...web, livenessProbe: probe }] })),
    'Pod "web" is invalid: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
  );
  const ports = [
    { name: 'http', containerPort: 80 },
    { name: 'http', containerPort: 81 },
  ];
  assert.equal(message(pod({ containers: [{ ...web, ports }] })), 'Pod "web" is invalid: spec.containers[0].ports[1].name: Duplicate value: "http"');
  const resources = { requests: { cpu: '2' }, limits: { cpu: '1' } };
  assert.equal(
    message(pod({ containers: [{ ...web, resources }] })),
    'Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
  );
});

test('a mount must name a volume of the pod; a volume needs exactly one source', () => {
  assert.equal(
    message(pod({ containers: [{ ...web, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] })),
    'Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
  );
  assert.equal(message(pod({ containers: [web], volumes: [{ name: 'data' }] })), 'Pod "web" is invalid: spec.volumes[0]: Required value: must specify a volume type');
});

test('ConfigMap keys must be config keys', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'good.key': 'x', 'bad key': 'y' } };
  assert.equal(
    message(cm),
    `ConfigMap "c" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
  );
});

const deployment = (labels: Record<string, string>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels }, spec: { containers: [web] } } },
});

test("a Deployment's selector must match its template labels; the message names Deployment.apps", () => {
  assert.equal(validateObject(deployment({ app: 'web', tier: 'x' })), undefined);
  const err = validateObject(deployment({ app: 'api', tier: 'x' }))!;
  assert.equal(
    err.message,
    'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"x"}: `selector` does not match template `labels`',
  );
  assert.equal(err.status.details?.kind, 'Deployment');
  assert.equal(err.status.details?.group, 'apps');
});

test('a Job template must not restart Always, which is what an absent policy defaults to', () => {
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi' },
    spec: { template: { spec: { containers: [web] } } },
  };
  assert.equal(
    message(job),
    'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
  );
  job.spec.template.spec = { containers: [web], restartPolicy: 'Never' } as never;
  assert.equal(validateObject(job), undefined);
});

test('a Service needs ports, named when there are several; its name is a DNS-1035 label', () => {
  const svc = (spec: Record<string, unknown>, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
  assert.equal(message(svc({ selector: { app: 'web' } })), 'Service "web" is invalid: spec.ports: Required value');
  assert.equal(message(svc({ ports: [{ port: 80 }, { port: 81, name: 'b' }] })), 'Service "web" is invalid: spec.ports[0].name: Required value');
  assert.match(message(svc({ ports: [{ port: 80 }] }, '1web')) ?? '', /metadata\.name: Invalid value: "1web": a DNS-1035 label must consist of/);
  assert.equal(validateObject(svc({ clusterIP: 'None' })), undefined);
});

test('a Namespace name is a DNS label', () => {
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.ns' } };
  assert.match(message(ns) ?? '', /^Namespace "my\.ns" is invalid: metadata\.name: Invalid value: "my\.ns": a lowercase RFC 1123 label must/);
});
