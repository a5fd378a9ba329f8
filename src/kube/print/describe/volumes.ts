// The Volumes section of `kubectl describe pod`, for the volume sources a simulated pod can use.

import type { Volume } from '../../types.js';
import { canonicalQuantity } from '../../quantity.js';
import type { DescribeWriter } from './tab-writer.js';

type Source = Record<string, unknown>;

const optional = (s: Source | undefined) => s?.optional === true;

/** kubectl 1.32 prints the *bool `optional` of projected sources with %v: `<nil>` when unset. */
function pointerBool(source: Source): string {
  return typeof source.optional === 'boolean' ? String(source.optional) : '<nil>';
}

function describeProjected(w: DescribeWriter, projected: { sources?: Source[] }): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of projected.sources ?? []) {
    const secret = source.secret as Source | undefined;
    const configMap = source.configMap as Source | undefined;
    const token = source.serviceAccountToken as Source | undefined;
    if (secret) w.write(2, `SecretName:\t${secret.name ?? ''}\n    SecretOptionalName:\t${pointerBool(secret)}\n`);
    else if (source.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
    else if (configMap) w.write(2, `ConfigMapName:\t${configMap.name ?? ''}\n    ConfigMapOptional:\t${pointerBool(configMap)}\n`);
    else if (token) w.write(2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 0}\n`);
  }
}

function describeVolume(w: DescribeWriter, v: Volume): void {
  const source = v as unknown as Record<string, Source | undefined>;
  if (source.hostPath) {
    const h = source.hostPath;
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${h.path ?? ''}\n    HostPathType:\t${h.type ?? '<none>'}\n`);
  } else if (source.emptyDir) {
    const e = source.emptyDir;
    let sizeLimit = '<unset>';
    if (e.sizeLimit !== undefined) {
      try {
        sizeLimit = canonicalQuantity(e.sizeLimit as string | number);
        if (sizeLimit === '0') sizeLimit = '<unset>';
      } catch {
        sizeLimit = String(e.sizeLimit);
      }
    }
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${e.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (source.secret) {
    const s = source.secret;
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${optional(s)}\n`);
  } else if (source.configMap) {
    const c = source.configMap;
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${c.name ?? ''}\n    Optional:\t${optional(c)}\n`);
  } else if (source.persistentVolumeClaim) {
    const c = source.persistentVolumeClaim;
    w.write(
      2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${c.claimName ?? ''}\n    ReadOnly:\t${c.readOnly === true}\n`,
    );
  } else if (source.projected) {
    describeProjected(w, source.projected as { sources?: Source[] });
  } else if (source.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of (source.downwardAPI.items as Source[] | undefined) ?? []) {
      const fieldRef = item.fieldRef as Source | undefined;
      const resourceFieldRef = item.resourceFieldRef as Source | undefined;
      if (fieldRef) w.write(3, `${fieldRef.fieldPath} -> ${item.path}\n`);
      if (resourceFieldRef) w.write(3, `${resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (source.nfs) {
    const n = source.nfs;
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${n.server ?? ''}\n    Path:\t${n.path ?? ''}\n    ReadOnly:\t${n.readOnly === true}\n`);
  } else {
    w.write(1, '<unknown>\n');
  }
}

export function describeVolumes(w: DescribeWriter, volumes: Volume[] | undefined): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(1, `${v.name}:\n`);
    describeVolume(w, v);
  }
}
