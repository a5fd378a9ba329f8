import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults } from '../../../src/kube/schema/defaults.js';
import { validatePodUpdate } from '../../../src/kube/schema/pod-update.js';
import { podQOSClass } from '../../../src/kube/schema/qos.js';
import { decodingError, unknownFields } from '../../../src/kube/schema/unknown-fields.js';
import { validateObject } from '../../../src/kube/schema/validate.js';
import type { KubeObject, Pod } from '../../../src/kube/types.js';

// With fieldValidation=Ignore nothing stops a malformed object before defaulting and validation, so they must
// report, never throw.
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    template: {
      metadata: { labels: { app: 'web', tier: 'a' } },
      spec: {
        tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 3 }],
        volumes: [{ name: 'v', configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } }],
        containers: [
          {
            name: 'c',
            image: 'nginx',
            env: [{ name: 'E', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
            ports: [{ containerPort: 80, name: 'http' }],
            resources: { limits: { cpu: '1' } },
            volumeMounts: [{ name: 'v', mountPath: '/v' }],
            livenessProbe: { httpGet: { port: 80 } },
          },
        ],
      },
    },
  },
};

function paths(value: unknown, at: string[] = [], out: string[][] = []): string[][] {
  if (at.length) out.push(at);
  if (value && typeof value === 'object') for (const k of Object.keys(value)) paths((value as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

function replaced(obj: unknown, at: string[], value: unknown): KubeObject {
  const copy = structuredClone(obj) as Record<string, unknown>;
  let cur = copy;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[at[at.length - 1]!] = value;
  return copy as KubeObject;
}

test('a value of the wrong shape anywhere in a Deployment or Pod is reported, never thrown', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: deployment.metadata, spec: deployment.spec.template.spec };
  for (const base of [deployment, pod]) {
    for (const at of paths(base)) {
      for (const garbage of [null, 7, 'x', [1, null], { a: 1 }]) {
        const obj = replaced(base, at, garbage);
        assert.doesNotThrow(() => {
          unknownFields(obj);
          decodingError(obj);
          const defaulted = structuredClone(obj);
          applyDefaults(defaulted);
          validateObject(defaulted);
          validatePodUpdate(defaulted, obj);
          podQOSClass(obj as Pod);
        }, `${at.join('.')} = ${JSON.stringify(garbage)}`);
      }
    }
  }
});
