// Go's sort.Strings and etcd's key order compare byte by byte; `<` (UTF-16 code units) agrees with that for
// the ASCII of Kubernetes names, keys and labels.

export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
