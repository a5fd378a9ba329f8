import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults } from '../../../src/kube/schema/defaults.js';
import { POD_UPDATE_FORBIDDEN, validatePodUpdate } from '../../../src/kube/schema/pod-update.js';
import type { KubeObject } from '../../../src/kube/types.js';

function echoPod(container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'simple-echo', labels },
    spec: { containers: [{ name: 'echo', image: 'gihyodocker/echo:latest', imagePullPolicy: 'Always', ...container }], ...spec },
  };
  applyDefaults(pod);
  return pod;
}

test('changing only a container image, labels or annotations is allowed', () => {
  const old = echoPod();
  assert.equal(validatePodUpdate(old, echoPod({ image: 'gihyodocker/echo:v2' })), undefined);
  assert.equal(validatePodUpdate(old, echoPod({}, {}, { app: 'echo' })), undefined);
});

test('changing anything else is Forbidden with the real text, the field spec, and a cmp diff', () => {
  const err = validatePodUpdate(echoPod({ ports: [{ containerPort: 8080 }] }), echoPod({ ports: [{ containerPort: 8081 }] }))!;
  assert.equal(err.code, 422);
  assert.equal(err.reason, 'Invalid');
  assert.ok(err.message.startsWith(`Pod "simple-echo" is invalid: spec: Forbidden: ${POD_UPDATE_FORBIDDEN}\n  core.PodSpec{\n`), err.message);
  assert.ok(err.message.includes('- \t\t\t\t\tContainerPort: 8080,\n+ \t\t\t\t\tContainerPort: 8081,'), err.message);
  assert.ok(err.message.endsWith('\n  }'));
  assert.equal(err.status.details?.causes?.[0]?.field, 'spec');
  assert.equal(err.status.details?.kind, 'Pod');
});

test('the forbidden list is the one a current API server prints', () => {
  assert.equal(
    POD_UPDATE_FORBIDDEN,
    'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
  );
});

test('tolerations may be added but existing ones may not change', () => {
  const extra = { key: 'dedicated', operator: 'Equal', value: 'x', effect: 'NoSchedule' };
  const old = echoPod();
  assert.equal(validatePodUpdate(old, echoPod({}, { tolerations: [extra] })), undefined);
  const withExtra = echoPod({}, { tolerations: [extra] });
  const err = validatePodUpdate(withExtra, echoPod({}, { tolerations: [{ ...extra, value: 'y' }] }));
  assert.equal(err?.message, 'Pod "simple-echo" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
});

test('activeDeadlineSeconds may be set or lowered, not raised or removed', () => {
  const old = echoPod({}, { activeDeadlineSeconds: 60 });
  assert.equal(validatePodUpdate(echoPod(), old), undefined);
  assert.equal(validatePodUpdate(old, echoPod({}, { activeDeadlineSeconds: 30 })), undefined);
  assert.equal(
    validatePodUpdate(old, echoPod({}, { activeDeadlineSeconds: 90 }))?.message,
    'Pod "simple-echo" is invalid: spec.activeDeadlineSeconds: Invalid value: 90: must be less than or equal to previous value',
  );
});

test('terminationGracePeriodSeconds may only go from negative to 1', () => {
  assert.equal(validatePodUpdate(echoPod({}, { terminationGracePeriodSeconds: -1 }), echoPod({}, { terminationGracePeriodSeconds: 1 })), undefined);
  assert.match(validatePodUpdate(echoPod(), echoPod({}, { terminationGracePeriodSeconds: 10 }))?.message ?? '', /TerminationGracePeriodSeconds: 30,\n\+ \tTerminationGracePeriodSeconds: 10,/);
});
