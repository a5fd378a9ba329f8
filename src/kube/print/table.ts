// Server-side printing: objects of one kind → the metav1.Table that `kubectl get` asks for with
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. kubectl prints whatever columns it is given,
// so these must be the real API server's columns (see table/*.ts for each kind).

import type { KubeObject } from '../types.js';
import {
  clusterRoleBindingPrinter,
  controllerRevisionPrinter,
  horizontalPodAutoscalerPrinter,
  leasePrinter,
  podDisruptionBudgetPrinter,
  podTemplatePrinter,
  priorityClassPrinter,
  replicationControllerPrinter,
  resourceQuotaPrinter,
  roleBindingPrinter,
  runtimeClassPrinter,
  webhookConfigurationPrinter,
} from './table/cluster.js';
import { configMapPrinter, namespacePrinter, secretPrinter, serviceAccountPrinter } from './table/config.js';
import { defaultPrinter } from './table/default.js';
import { eventPrinter } from './table/event.js';
import {
  endpointSlicePrinter,
  endpointsPrinter,
  ingressClassPrinter,
  ingressPrinter,
  networkPolicyPrinter,
} from './table/networking.js';
import { nodePrinter } from './table/node.js';
import { podPrinter } from './table/pod.js';
import { servicePrinter } from './table/service.js';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './table/storage.js';
import type { KindPrinter, PartialObjectMetadata, Table, TableRow } from './table/types.js';
import {
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  jobPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './table/workloads.js';

export type { KindPrinter, PartialObjectMetadata, Table, TableColumnDefinition, TableRow, TableRowCondition } from './table/types.js';

/** `includeObject` of metav1.TableOptions: what each row carries besides its cells. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** Default `Metadata` (PartialObjectMetadata), as the API server does; `Object` for `--sort-by`. */
  includeObject?: IncludeObject;
  /** Leave out columnDefinitions (TableOptions.noHeaders, e.g. later watch events). */
  noHeaders?: boolean;
}

const printers: Record<string, KindPrinter> = {
  Pod: podPrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  Event: eventPrinter,
  ConfigMap: configMapPrinter,
  Secret: secretPrinter,
  ServiceAccount: serviceAccountPrinter,
  Service: servicePrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  StatefulSet: statefulSetPrinter,
  DaemonSet: daemonSetPrinter,
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  ReplicationController: replicationControllerPrinter,
  PodTemplate: podTemplatePrinter,
  ControllerRevision: controllerRevisionPrinter,
  HorizontalPodAutoscaler: horizontalPodAutoscalerPrinter,
  PodDisruptionBudget: podDisruptionBudgetPrinter,
  Endpoints: endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  Ingress: ingressPrinter,
  IngressClass: ingressClassPrinter,
  NetworkPolicy: networkPolicyPrinter,
  PersistentVolume: persistentVolumePrinter,
  PersistentVolumeClaim: persistentVolumeClaimPrinter,
  StorageClass: storageClassPrinter,
  RoleBinding: roleBindingPrinter,
  ClusterRoleBinding: clusterRoleBindingPrinter,
  PriorityClass: priorityClassPrinter,
  RuntimeClass: runtimeClassPrinter,
  Lease: leasePrinter,
  ResourceQuota: resourceQuotaPrinter,
  MutatingWebhookConfiguration: webhookConfigurationPrinter,
  ValidatingWebhookConfiguration: webhookConfigurationPrinter,
};

/** The printer the API server uses for a kind; the default NAME / CREATED AT one for kinds it has none for. */
export function printerFor(kind: string): KindPrinter {
  return printers[kind] ?? defaultPrinter;
}

/** True when the kind has its own columns rather than the default convertor's. */
export function hasKindPrinter(kind: string): boolean {
  return kind in printers;
}

export function partialObjectMetadata(obj: KubeObject): PartialObjectMetadata {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** One row: its cells, the Completed condition for finished pods, and the object as asked for. */
export function tableRow(kind: string, obj: KubeObject, now: number, includeObject: IncludeObject = 'Metadata'): TableRow {
  const printer = printerFor(kind);
  const row: TableRow = { cells: printer.cells(obj, now) };
  const conditions = printer.conditions?.(obj);
  if (conditions) row.conditions = conditions;
  if (includeObject === 'Object') row.object = obj;
  else if (includeObject === 'Metadata') row.object = partialObjectMetadata(obj);
  return row;
}

/** A metav1.Table for objects of one kind (a list, or a single object as a one-row table). */
export function toTable(kind: string, objects: KubeObject[], now: number, options: TableOptions = {}, resourceVersion?: string): Table {
  const printer = printerFor(kind);
  const includeObject = options.includeObject ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: resourceVersion !== undefined ? { resourceVersion } : {},
    columnDefinitions: options.noHeaders ? [] : printer.columns,
    rows: objects.map((obj) => tableRow(kind, obj, now, includeObject)),
  };
}
