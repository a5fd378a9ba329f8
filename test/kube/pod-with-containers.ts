// A Pod of the given app (and init) containers, each named and given an image: for tests of what a spec's
// containers add up to (requests, QoS class).
import type { Container, Pod } from '../../src/kube/types.js';

export function podWithContainers(containers: Partial<Container>[], initContainers?: Partial<Container>[]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      containers: containers.map((c, i) => ({ name: `c${i}`, image: 'nginx', ...c })),
      ...(initContainers ? { initContainers: initContainers.map((c, i) => ({ name: `i${i}`, image: 'busybox', ...c })) } : {}),
    },
  } as Pod;
}
