// Deployment, ReplicaSet, StatefulSet, DaemonSet, Job and CronJob, as the API server prints them.

import type { KubeObject } from '../../types.js';
import { formatLabels, formatLabelSelectorObject } from '../../selectors.js';
import { ageColumn, humanDuration, parseTimestamp } from '../human-duration.js';
import { ageColumnDefinition, containerCells, containersColumn, imagesColumn, nameColumn, selectorColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const podTemplateContainers = (obj: KubeObject) => obj.spec?.template?.spec?.containers;

export const deploymentPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumnDefinition(),
    containersColumn(),
    imagesColumn(),
    selectorColumn('Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.'),
  ],
  cells(obj, now) {
    const desired = obj.spec?.replicas ?? 1;
    return [
      obj.metadata.name ?? '',
      `${num(obj.status?.readyReplicas)}/${desired}`,
      num(obj.status?.updatedReplicas),
      num(obj.status?.availableReplicas),
      ageColumn(obj.metadata.creationTimestamp, now),
      ...containerCells(podTemplateContainers(obj)),
      formatLabelSelectorObject(obj.spec?.selector),
    ];
  },
};

export const replicaSetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', 'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
    column('Ready', 'integer', 'The number of ready replicas for this replica set. A pod is counted as ready when it has a Ready condition with status true.'),
    ageColumnDefinition(),
    containersColumn(),
    imagesColumn(),
    selectorColumn('Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    obj.spec?.replicas ?? 1,
    num(obj.status?.replicas),
    num(obj.status?.readyReplicas),
    ageColumn(obj.metadata.creationTimestamp, now),
    ...containerCells(podTemplateContainers(obj)),
    formatLabelSelectorObject(obj.spec?.selector),
  ],
};

export const statefulSetPrinter: KindPrinter = {
  columns: [nameColumn(), column('Ready', 'string', 'Number of the pod with ready state'), ageColumnDefinition(), containersColumn(), imagesColumn()],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    `${num(obj.status?.readyReplicas)}/${obj.spec?.replicas ?? 1}`,
    ageColumn(obj.metadata.creationTimestamp, now),
    ...containerCells(podTemplateContainers(obj)),
  ],
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    column('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    column('Ready', 'integer', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    column('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    column('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    column('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
    ageColumnDefinition(),
    containersColumn(),
    imagesColumn(),
    selectorColumn('A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    num(obj.status?.desiredNumberScheduled),
    num(obj.status?.currentNumberScheduled),
    num(obj.status?.numberReady),
    num(obj.status?.updatedNumberScheduled),
    num(obj.status?.numberAvailable),
    formatLabels(obj.spec?.template?.spec?.nodeSelector),
    ageColumn(obj.metadata.creationTimestamp, now),
    ...containerCells(podTemplateContainers(obj)),
    formatLabelSelectorObject(obj.spec?.selector),
  ],
};

function jobCondition(obj: KubeObject, type: string): boolean {
  const c = (obj.status?.conditions ?? []).find((x: { type: string }) => x.type === type);
  return c?.status === 'True';
}

/** Job STATUS, in upstream's order of precedence. */
export function jobStatus(obj: KubeObject): string {
  if (jobCondition(obj, 'Complete')) return 'Complete';
  if (jobCondition(obj, 'Failed')) return 'Failed';
  if (obj.metadata.deletionTimestamp) return 'Terminating';
  if (jobCondition(obj, 'Suspended')) return 'Suspended';
  if (jobCondition(obj, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCompletions(obj: KubeObject): string {
  const succeeded = num(obj.status?.succeeded);
  if (typeof obj.spec?.completions === 'number') return `${succeeded}/${obj.spec.completions}`;
  const parallelism = num(obj.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(obj: KubeObject, now: number): string {
  const start = parseTimestamp(obj.status?.startTime);
  if (start === undefined) return '';
  const end = parseTimestamp(obj.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export const jobPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    ageColumnDefinition(),
    containersColumn(),
    imagesColumn(),
    selectorColumn('A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells: (obj, now) => [
    obj.metadata.name ?? '',
    jobStatus(obj),
    jobCompletions(obj),
    jobDuration(obj, now),
    ageColumn(obj.metadata.creationTimestamp, now),
    ...containerCells(podTemplateContainers(obj)),
    formatLabelSelectorObject(obj.spec?.selector),
  ],
};

function boolPtr(v: unknown): string {
  if (typeof v !== 'boolean') return '<unset>';
  return v ? 'True' : 'False';
}

export const cronJobPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.'),
    column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
    column('Active', 'integer', 'A list of pointers to currently running jobs.'),
    column('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    ageColumnDefinition(),
    containersColumn(),
    imagesColumn(),
    selectorColumn('A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells: (obj, now) => {
    const jobSpec = obj.spec?.jobTemplate?.spec;
    return [
      obj.metadata.name ?? '',
      obj.spec?.schedule ?? '',
      obj.spec?.timeZone ?? '<none>',
      boolPtr(obj.spec?.suspend),
      Array.isArray(obj.status?.active) ? obj.status.active.length : 0,
      obj.status?.lastScheduleTime ? ageColumn(obj.status.lastScheduleTime, now) : '<none>',
      ageColumn(obj.metadata.creationTimestamp, now),
      ...containerCells(jobSpec?.template?.spec?.containers),
      formatLabelSelectorObject(jobSpec?.selector),
    ];
  },
};
