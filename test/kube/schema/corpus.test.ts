// Runs unknown-field detection, decoding and validation over every document of the Kubernetes documentation
// examples (../shared/corpus/k8s-docs-examples) and holds them to what INDEX.md says a real cluster does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { findKind } from '../../../src/kube/kinds.js';
import { decodingError, strictDecodingError, unknownFields } from '../../../src/kube/schema/unknown-fields.js';
import { applyDefaults } from '../../../src/kube/schema/defaults.js';
import { validateObject } from '../../../src/kube/schema/validate.js';
import type { KubeObject } from '../../../src/kube/types.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../../../shared/corpus/k8s-docs-examples');

/** What the API server answers for each document INDEX.md says is rejected (file → message). */
const rejected: Record<string, string> = {
  'pods/emptydir-volume-mode.yaml':
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.volumes[0].emptyDir.mode"',
  'pods/security/security-context-7.yaml':
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].securityContext.cgroupOptions"',
  'service/networking/dual-stack-ipv6-svc.yaml':
    'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"',
  'service/networking/dual-stack-ipv6-lb-svc.yaml':
    'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"',
  'controllers/job-success-policy-example.yaml':
    'Job.batch "" is invalid: [metadata.name: Required value: name or generateName is required, spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"]',
  'application/job/job-tmpl.yaml': `Job.batch "process-item-$ITEM" is invalid: metadata.name: Invalid value: "process-item-$ITEM": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  'pods/security/seccomp/fields.yaml': 'Pod "pod" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create',
  'pods/pod-with-numeric-toleration.yaml':
    'Pod "nginx-numeric-toleration" is invalid: spec.tolerations[0].operator: Unsupported value: "Gt": supported values: "Equal", "Exists"',
  // A partial object meant for server-side apply onto an existing Deployment; as a create it is rejected.
  'application/ssa/nginx-deployment-replicas-only.yaml':
    'Deployment.apps "nginx-deployment" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`, spec.template.spec.containers: Required value]',
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

/** The first error a real API server would return for a create of this object (decode, default, validate). */
function serverError(obj: KubeObject): string | undefined {
  const decode = decodingError(obj);
  if (decode) return decode.message;
  const unknown = unknownFields(obj);
  if (unknown.length) return strictDecodingError(obj, unknown).message;
  const defaulted = structuredClone(obj);
  applyDefaults(defaulted);
  return validateObject(defaulted)?.message;
}

test('the documentation examples are accepted or rejected as a real API server does', { skip: !existsSync(root) && `corpus not found at ${root}` }, () => {
  const outcomes: Record<string, string | undefined> = {};
  let documents = 0;
  for (const file of yamlFiles(root)) {
    const rel = relative(root, file);
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      if (doc.errors.length) continue; // envars-file-container.yaml does not parse; the manifests layer reports that
      const obj = doc.toJS() as unknown;
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) continue;
      const o = obj as KubeObject;
      if (!findKind(String(o.apiVersion), String(o.kind))) continue; // kind.yaml: no such kind, before any validation
      documents++;
      const err = serverError(o);
      if (err) outcomes[rel] = outcomes[rel] ?? err;
    }
  }
  assert.ok(documents > 250, `only ${documents} documents read`);
  assert.deepEqual(outcomes, rejected);
});
