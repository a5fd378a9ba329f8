// `kubectl auth can-i` and `kubectl auth whoami` post self-reviews (as protobuf). The simulated cluster has
// no RBAC: its one user is a cluster admin, so every review answers allowed, as it would for kind's admin.
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-responses.js';

const USER = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

const ACCESS_REVIEWS: Record<string, string> = {
  selfsubjectaccessreviews: 'SelfSubjectAccessReview',
  subjectaccessreviews: 'SubjectAccessReview',
  localsubjectaccessreviews: 'LocalSubjectAccessReview',
};

export function isAccessReview(group: string, resource: string): boolean {
  return (
    (group === 'authorization.k8s.io' && (resource in ACCESS_REVIEWS || resource === 'selfsubjectrulesreviews')) ||
    (group === 'authentication.k8s.io' && resource === 'selfsubjectreviews')
  );
}

/** The answer to a review POST (isAccessReview): allowed, all rules, the admin user. */
export function answerAccessReview(group: string, version: string, resource: string, res: ServerResponse): void {
  const apiVersion = `${group}/${version}`;
  const kind = ACCESS_REVIEWS[resource];
  if (kind) {
    sendJson(res, 201, { kind, apiVersion, metadata: {}, spec: {}, status: { allowed: true, reason: 'kubesim has no RBAC: every request is allowed' } });
  } else if (resource === 'selfsubjectrulesreviews') {
    const rule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
    const status = { resourceRules: [rule], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false };
    sendJson(res, 201, { kind: 'SelfSubjectRulesReview', apiVersion, metadata: {}, spec: {}, status });
  } else {
    sendJson(res, 201, { kind: 'SelfSubjectReview', apiVersion, metadata: {}, status: { userInfo: USER } });
  }
}
