import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodingError, strictDecodingError, unknownFields } from '../../../src/kube/schema/unknown-fields.js';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec,
});

test('a misspelled container field is unknown, named by its path', () => {
  assert.deepEqual(unknownFields(pod({ containers: [{ name: 'web', imagee: 'nginx' }] })), ['spec.containers[0].imagee']);
});

test('unknown fields are listed in document order, only the outermost one of an unknown subtree', () => {
  const p = pod(
    {
      containers: [
        { name: 'a', image: 'nginx', livenessProbe: { httpGet: { port: 80, pth: '/' }, periodSecond: 5 } },
        { name: 'b', image: 'nginx', foo: { bar: 1 } },
      ],
    },
    { name: 'web', lables: { app: 'x' } },
  );
  assert.deepEqual(unknownFields(p), [
    'metadata.lables',
    'spec.containers[0].livenessProbe.httpGet.pth',
    'spec.containers[0].livenessProbe.periodSecond',
    'spec.containers[1].foo',
  ]);
});

test('maps, quantities and int-or-string ports are not mistaken for unknown fields', () => {
  const p = pod(
    {
      nodeSelector: { disktype: 'ssd' },
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: [{ name: 'http', containerPort: 80 }],
          readinessProbe: { httpGet: { port: 'http', path: '/' } },
          resources: { requests: { cpu: '100m', memory: '64Mi', 'nvidia.com/gpu': 1 }, limits: { cpu: 1 } },
          env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        },
      ],
    },
    { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'x' }, annotations: { note: 'y' } },
  );
  assert.deepEqual(unknownFields(p), []);
});

test("a Deployment's pod template is checked as a Pod spec", () => {
  const d = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: {
      selector: { matchLabels: { app: 'd' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'i', imagePullPolcy: 'Always' }] } },
    },
  };
  assert.deepEqual(unknownFields(d), ['spec.template.spec.containers[0].imagePullPolcy']);
});

test('the removed Service field ipFamily is unknown; unknown kinds have no unknown fields', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ipFamily: 'IPv6', ports: [{ port: 80 }] } };
  assert.deepEqual(unknownFields(svc), ['spec.ipFamily']);
  assert.deepEqual(unknownFields({ apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster', nodes: [] }), []);
});

test('a CRD schema may carry descriptions, x-kubernetes extensions and free-form defaults', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: { plural: 'widgets', kind: 'Widget' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              description: 'A widget',
              properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, default: { any: { thing: 1 } } } },
            },
          },
        },
      ],
    },
  };
  assert.deepEqual(unknownFields(crd), []);
});

test('strict decoding error reads like the API server: every unknown field, joined with commas', () => {
  const err = strictDecodingError(pod({}), ['spec.containers[0].imagee', 'spec.foo']);
  assert.equal(err.code, 400);
  assert.equal(err.reason, 'BadRequest');
  assert.equal(
    err.message,
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"',
  );
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment' };
  assert.match(strictDecodingError(dep, ['x']).message, /^Deployment in version "v1" cannot be handled as a Deployment: /);
});

test('a value of the wrong type gives the Go decoder error', () => {
  const err = decodingError(pod({ containers: [{ name: 'web', image: 3 }] }));
  assert.equal(err?.code, 400);
  assert.equal(
    err?.message,
    'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
  );
  const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: '3' } };
  assert.equal(
    decodingError(d)?.message,
    'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  );
  const labels = pod({ containers: [] }, { name: 'x', labels: { version: 1 } });
  assert.match(decodingError(labels)?.message ?? '', /cannot unmarshal number into Go struct field ObjectMeta\.metadata\.labels of type string/);
});

test('null values and well-typed objects decode', () => {
  assert.equal(decodingError(pod({ containers: [{ name: 'web', image: 'nginx', resources: null }] }, { name: 'x', creationTimestamp: null })), undefined);
});

test('a quantity that does not parse gives the quantity regex error; a bad int-or-string names IntOrString', () => {
  const bad = pod({ containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: 'lots' } } }] });
  assert.equal(
    decodingError(bad)?.message,
    `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
  );
  const port = pod({ containers: [{ name: 'web', image: 'nginx', livenessProbe: { httpGet: { port: { n: 80 } } } }] });
  assert.equal(
    decodingError(port)?.message,
    'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type intstr.IntOrString',
  );
  assert.equal(decodingError(pod({ containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '1.5', memory: '64Mi' } } }] })), undefined);
});
