import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withMembers } from '../../../src/kube/merge/json-value.js';

test('withMembers is the object with members set: existing ones keep their place, new ones go last, the original stays as it was', () => {
  const spec: Record<string, unknown> = Object.freeze({ containers: [], restartPolicy: 'Always', schedulerName: 'default-scheduler' });
  const bound = withMembers(spec, { nodeName: 'kubesim-worker', restartPolicy: 'Never' });
  assert.deepEqual(Object.keys(bound), ['containers', 'restartPolicy', 'schedulerName', 'nodeName']);
  assert.equal(bound.restartPolicy, 'Never');
  assert.equal(bound.containers, spec.containers);
  assert.deepEqual(Object.keys(spec), ['containers', 'restartPolicy', 'schedulerName']);
  assert.equal(JSON.stringify(bound), JSON.stringify({ ...spec, nodeName: 'kubesim-worker', restartPolicy: 'Never' }));
});

