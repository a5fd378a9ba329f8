// PersistentVolume, PersistentVolumeClaim and StorageClass, as the API server prints them.

import type { KubeObject } from '../../types.js';
import { quantityString } from '../../quantity.js';
import { ageColumn } from '../human-duration.js';
import { ageColumnDefinition, nameColumn } from './common-columns.js';
import { column, type KindPrinter } from './types.js';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** `RWO,ROX,RWX,RWOP`, in that order, for the modes present. */
export function accessModesText(modes: string[] | undefined): string {
  const have = new Set(modes ?? []);
  const out: string[] = [];
  if (have.has('ReadWriteOnce')) out.push('RWO');
  if (have.has('ReadOnlyMany')) out.push('ROX');
  if (have.has('ReadWriteMany')) out.push('RWX');
  if (have.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

function storageClassOf(obj: KubeObject): string {
  return obj.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? obj.spec?.storageClassName ?? '';
}


export const persistentVolumePrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Capacity', 'string', "capacity is the description of the persistent volume's resources and capacity."),
    column('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    column('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    column('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    column('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumnDefinition(),
    column('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', { priority: 1 }),
  ],
  cells(obj, now) {
    const claim = obj.spec?.claimRef ? `${obj.spec.claimRef.namespace ?? ''}/${obj.spec.claimRef.name ?? ''}` : '';
    return [
      obj.metadata.name ?? '',
      quantityString(obj.spec?.capacity?.storage),
      accessModesText(obj.spec?.accessModes),
      obj.spec?.persistentVolumeReclaimPolicy ?? '',
      obj.metadata.deletionTimestamp ? 'Terminating' : (obj.status?.phase ?? ''),
      claim,
      storageClassOf(obj),
      obj.spec?.volumeAttributesClassName ?? '<unset>',
      obj.status?.reason ?? '',
      ageColumn(obj.metadata.creationTimestamp, now),
      obj.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    column('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageColumnDefinition(),
    column('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', { priority: 1 }),
  ],
  cells(obj, now) {
    const bound = Boolean(obj.spec?.volumeName);
    return [
      obj.metadata.name ?? '',
      obj.metadata.deletionTimestamp ? 'Terminating' : (obj.status?.phase ?? ''),
      obj.spec?.volumeName ?? '',
      bound ? quantityString(obj.status?.capacity?.storage) : '',
      bound ? accessModesText(obj.status?.accessModes) : '',
      storageClassOf(obj),
      obj.spec?.volumeAttributesClassName ?? '<unset>',
      ageColumn(obj.metadata.creationTimestamp, now),
      obj.spec?.volumeMode ?? '<unset>',
    ];
  },
};

function isDefaultClass(obj: KubeObject): boolean {
  const a = obj.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export const storageClassPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    column('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    column('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
    column('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
    column('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumnDefinition(),
  ],
  cells: (obj, now) => [
    `${obj.metadata.name ?? ''}${isDefaultClass(obj) ? ' (default)' : ''}`,
    obj.provisioner ?? '',
    obj.reclaimPolicy ?? 'Delete',
    obj.volumeBindingMode ?? 'Immediate',
    obj.allowVolumeExpansion === true,
    ageColumn(obj.metadata.creationTimestamp, now),
  ],
};
