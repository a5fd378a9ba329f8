// The "Non-terminated Pods" and "Allocated resources" tables of `kubectl describe node`.

import type { Container, Node, Pod } from '../../types.js';
import { formatQuantity, parseQuantityWithFormat, type QuantityFormat } from '../../quantity.js';
import { ageColumn } from '../human-duration.js';
import { byteOrder } from '../../byte-order.js';
import type { DescribeWriter } from './tab-writer.js';

/** A summed quantity keeps the format of the first amount added, as resource.Quantity.Add does. */
interface Amount {
  value: number;
  format?: QuantityFormat;
}
type Amounts = Map<string, Amount>;

function read(list: Record<string, string | number> | undefined): Amounts {
  const out: Amounts = new Map();
  for (const [name, raw] of Object.entries(list ?? {})) {
    try {
      out.set(name, parseQuantityWithFormat(raw));
    } catch {
      // An unparseable amount never reaches a real node; leave it out.
    }
  }
  return out;
}

function add(into: Amounts, from: Amounts): void {
  for (const [name, a] of from) {
    const have = into.get(name);
    into.set(name, have ? { value: have.value + a.value, format: have.format } : { ...a });
  }
}

function max(into: Amounts, from: Amounts): void {
  for (const [name, a] of from) {
    const have = into.get(name);
    if (!have || a.value > have.value) into.set(name, { ...a });
  }
}

function text(a: Amount | undefined): string {
  return a ? formatQuantity(a.value, a.format ?? 'DecimalSI') : '0';
}

/** `PodRequestsAndLimits`: app containers and sidecars add up, a regular init container counts if larger. */
function podRequestsAndLimits(pod: Pod): { requests: Amounts; limits: Amounts } {
  const requests: Amounts = new Map();
  const limits: Amounts = new Map();
  for (const c of pod.spec?.containers ?? []) {
    add(requests, read(c.resources?.requests));
    add(limits, read(c.resources?.limits));
  }
  const sidecarRequests: Amounts = new Map();
  const sidecarLimits: Amounts = new Map();
  const initRequests: Amounts = new Map();
  const initLimits: Amounts = new Map();
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    const r = read(c.resources?.requests);
    const l = read(c.resources?.limits);
    if (c.restartPolicy === 'Always') {
      add(sidecarRequests, r);
      add(sidecarLimits, l);
      continue;
    }
    const withSidecarsR: Amounts = new Map(sidecarRequests);
    add(withSidecarsR, r);
    max(initRequests, withSidecarsR);
    const withSidecarsL: Amounts = new Map(sidecarLimits);
    add(withSidecarsL, l);
    max(initLimits, withSidecarsL);
  }
  add(requests, sidecarRequests);
  add(limits, sidecarLimits);
  max(requests, initRequests);
  max(limits, initLimits);
  const overhead = read((pod.spec as { overhead?: Record<string, string> } | undefined)?.overhead);
  add(requests, overhead);
  add(limits, overhead);
  return { requests, limits };
}

const milli = (a: Amount | undefined) => Math.ceil((a?.value ?? 0) * 1000 - 1e-9);
const whole = (a: Amount | undefined) => Math.ceil((a?.value ?? 0) - 1e-9);

/** Go's int64(float64(part)/float64(total)*100), guarding the division a real node never makes by zero. */
function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.trunc((part / total) * 100);
}

const isHugePages = (name: string) => name.startsWith('hugepages-');
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

export function describeNodeResources(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = read(Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity);
  const cpuAlloc = milli(allocatable.get('cpu'));
  const memAlloc = whole(allocatable.get('memory'));

  const totalRequests: Amounts = new Map();
  const totalLimits: Amounts = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    add(totalRequests, requests);
    add(totalLimits, limits);
    const [cpuReq, cpuLim, memReq, memLim] = [requests.get('cpu'), limits.get('cpu'), requests.get('memory'), limits.get('memory')];
    w.write(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t` +
        `${text(cpuReq)} (${percent(milli(cpuReq), cpuAlloc)}%)\t${text(cpuLim)} (${percent(milli(cpuLim), cpuAlloc)}%)\t` +
        `${text(memReq)} (${percent(whole(memReq), memAlloc)}%)\t${text(memLim)} (${percent(whole(memLim), memAlloc)}%)\t` +
        `${ageColumn(pod.metadata.creationTimestamp, now)}\n`,
    );
  }

  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string, toUnits: (a: Amount | undefined) => number) => {
    const alloc = toUnits(allocatable.get(name));
    const r = totalRequests.get(name);
    const l = totalLimits.get(name);
    w.write(1, `${name}\t${text(r)} (${percent(toUnits(r), alloc)}%)\t${text(l)} (${percent(toUnits(l), alloc)}%)\n`);
  };
  row('cpu', milli);
  row('memory', whole);
  row('ephemeral-storage', whole);
  const names = [...allocatable.keys()];
  for (const name of names.filter(isHugePages).sort(byteOrder)) row(name, whole);
  for (const name of names.filter((n) => !isHugePages(n) && !STANDARD.has(n) && n !== 'pods').sort(byteOrder)) {
    w.write(1, `${name}\t${text(totalRequests.get(name))}\t${text(totalLimits.get(name))}\n`);
  }
}
