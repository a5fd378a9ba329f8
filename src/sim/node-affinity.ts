// The scheduler's NodeAffinity filter: spec.nodeSelector and the required node affinity terms.

import type { Node, Pod } from '../kube/types.js';

interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

interface Term {
  matchExpressions?: Requirement[];
  matchFields?: Requirement[];
}

function matches(req: Requirement, value: string | undefined): boolean {
  switch (req.operator) {
    case 'In':
      return value !== undefined && (req.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(req.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(req.values?.[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(req.values?.[0]);
    default:
      return false;
  }
}

function termMatches(term: Term, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  if (!term.matchExpressions?.length && !term.matchFields?.length) return false;
  for (const req of term.matchExpressions ?? []) if (!matches(req, labels[req.key])) return false;
  for (const req of term.matchFields ?? []) if (!matches(req, req.key === 'metadata.name' ? node.metadata.name : undefined)) return false;
  return true;
}

export function nodeMatchesAffinity(pod: Pod, node: Node): boolean {
  const selector = pod.spec.nodeSelector;
  if (selector) {
    const labels = node.metadata.labels ?? {};
    for (const key in selector) if (labels[key] !== selector[key]) return false;
  }
  const required = (pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: Term[] } } } | undefined)
    ?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required?.nodeSelectorTerms) {
    // Terms are ORed; the expressions within a term are ANDed.
    return required.nodeSelectorTerms.some((t) => termMatches(t, node));
  }
  return true;
}
