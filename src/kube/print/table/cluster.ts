// Smaller kinds with their own upstream printers: RBAC bindings, scheduling and node classes, leases,
// revisions, quotas, disruption budgets, replication controllers, pod templates, webhooks, autoscalers.

import type { KubeObject } from '../../types.js';
import { formatLabels } from '../../selectors.js';
import { quantityString } from '../../quantity.js';
import { ageColumn } from '../human-duration.js';
import { ageColumnDefinition, containerCells, containersColumn, imagesColumn, nameColumn, selectorColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const age = (obj: KubeObject, now: number) => ageColumn(obj.metadata.creationTimestamp, now);

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

/** Users, groups and service accounts (`ns/name`) of a binding, each comma-space joined. */
function subjectColumns(subjects: Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
    else if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingPrinter(what: string): KindPrinter {
  return {
    columns: [
      nameColumn(),
      column('Role', 'string', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.'),
      ageColumnDefinition(),
      column('Users', 'string', `Users in the ${what}`, { priority: 1 }),
      column('Groups', 'string', `Groups in the ${what}`, { priority: 1 }),
      column('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, { priority: 1 }),
    ],
    cells: (obj, now) => [obj.metadata.name ?? '', `${obj.roleRef?.kind ?? ''}/${obj.roleRef?.name ?? ''}`, age(obj, now), ...subjectColumns(obj.subjects)],
  };
}

export const roleBindingPrinter = bindingPrinter('roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter('clusterRoleBinding');

export const priorityClassPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Value', 'integer', 'value represents the integer value of this priority class.'),
    column('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.'),
    ageColumnDefinition(),
    column('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority.'),
  ],
  cells: (obj, now) => [obj.metadata.name ?? '', num(obj.value), obj.globalDefault === true, age(obj, now), obj.preemptionPolicy ?? ''],
};

export const runtimeClassPrinter: KindPrinter = {
  columns: [nameColumn(), column('Handler', 'string', 'handler specifies the underlying runtime and configuration that the CRI implementation will use to handle pods of this class.'), ageColumnDefinition()],
  cells: (obj, now) => [obj.metadata.name ?? '', obj.handler ?? '', age(obj, now)],
};

export const leasePrinter: KindPrinter = {
  columns: [nameColumn(), column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), ageColumnDefinition()],
  cells: (obj, now) => [obj.metadata.name ?? '', obj.spec?.holderIdentity ?? '', age(obj, now)],
};

/** CONTROLLER: `daemonset.apps/fluentd` (kind.group lower-cased), `<none>` without a controller. */
function controllerName(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
    ageColumnDefinition(),
  ],
  cells: (obj, now) => [obj.metadata.name ?? '', controllerName(obj), num(obj.revision), age(obj, now)],
};


export const resourceQuotaPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    ageColumnDefinition(),
  ],
  cells(obj, now) {
    const hard: Record<string, unknown> = obj.status?.hard ?? {};
    const used: Record<string, unknown> = obj.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const name of Object.keys(hard).sort()) {
      const text = `${name}: ${quantityString(used[name])}/${quantityString(hard[name])}`;
      (name.startsWith('limits.') ? limits : requests).push(text);
    }
    return [obj.metadata.name ?? '', requests.join(', '), limits.join(', '), age(obj, now)];
  },
};

export const podDisruptionBudgetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumnDefinition(),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    obj.spec?.minAvailable !== undefined ? String(obj.spec.minAvailable) : 'N/A',
    obj.spec?.maxUnavailable !== undefined ? String(obj.spec.maxUnavailable) : 'N/A',
    num(obj.status?.disruptionsAllowed),
    age(obj, now),
  ],
};

export const replicationControllerPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas for this replication controller.'),
    ageColumnDefinition(),
    containersColumn(),
    imagesColumn(),
    selectorColumn('Selector is a label query over pods that should match the Replicas count.'),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    obj.spec?.replicas ?? 1,
    num(obj.status?.replicas),
    num(obj.status?.readyReplicas),
    age(obj, now),
    ...containerCells(obj.spec?.template?.spec?.containers),
    formatLabels(obj.spec?.selector),
  ],
};

export const podTemplatePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Containers', 'string', 'Names of each container in the template.'),
    column('Images', 'string', 'Images referenced by each container in the template.'),
    column('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  cells: (obj) => [obj.metadata.name ?? '', ...containerCells(obj.template?.spec?.containers), formatLabels(obj.template?.metadata?.labels)],
};

export const webhookConfigurationPrinter: KindPrinter = {
  columns: [nameColumn(), column('Webhooks', 'integer', 'Webhooks indicates the number of webhooks registered in this configuration'), ageColumnDefinition()],
  cells: (obj, now) => [obj.metadata.name ?? '', Array.isArray(obj.webhooks) ? obj.webhooks.length : 0, age(obj, now)],
};

interface MetricSpec {
  type: string;
  resource?: { name: string; target?: { type?: string; averageUtilization?: number; averageValue?: string } };
}
interface MetricStatus {
  resource?: { current?: { averageUtilization?: number; averageValue?: string } };
}

/** TARGETS for resource metrics (`cpu: 40%/80%`); other metric types print as upstream's fallback. */
function hpaTargets(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => {
    if (spec.type !== 'Resource' || !spec.resource) return '<unknown type>';
    const current = statuses?.[i]?.resource?.current;
    if (spec.resource.target?.averageValue !== undefined) {
      return `${spec.resource.name}: ${current?.averageValue !== undefined ? quantityString(current.averageValue) : '<unknown>'}/${quantityString(spec.resource.target.averageValue)}`;
    }
    const cur = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>';
    const target = spec.resource.target?.averageUtilization !== undefined ? `${spec.resource.target.averageUtilization}%` : '<auto>';
    return `${spec.resource.name}: ${cur}/${target}`;
  });
  const shown = 2;
  return list.length > shown ? `${list.slice(0, shown).join(', ')} + ${list.length - shown} more...` : list.join(', ');
}

export const horizontalPodAutoscalerPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Reference', 'string', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    column('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count.'),
    column('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    column('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    column('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler.'),
    ageColumnDefinition(),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    `${obj.spec?.scaleTargetRef?.kind ?? ''}/${obj.spec?.scaleTargetRef?.name ?? ''}`,
    hpaTargets(obj.spec?.metrics, obj.status?.currentMetrics),
    typeof obj.spec?.minReplicas === 'number' ? String(obj.spec.minReplicas) : '<unset>',
    num(obj.spec?.maxReplicas),
    num(obj.status?.currentReplicas),
    age(obj, now),
  ],
};
