// A go-cmp style diff (cmp.Diff) of two JSON values, rendered with Go field names, as the API server appends to
// its "pod updates may not change fields" error. Unchanged fields collapse to `... // N identical fields`.

const ACRONYMS: [RegExp, string][] = [
  [/^Dns/, 'DNS'],
  [/Ip(s?)$/, 'IP$1'],
  [/^Ip/, 'IP'],
  [/^Os$/, 'OS'],
  [/Fqdn/, 'FQDN'],
  [/Id$/, 'ID'],
  [/Pid/, 'PID'],
  [/Ipc/, 'IPC'],
  [/Uid/, 'UID'],
  [/Tcp/, 'TCP'],
  [/Http/, 'HTTP'],
  [/Api/, 'API'],
];

/** `dnsPolicy` → `DNSPolicy`, `hostIPC` → `HostIPC`, `containers` → `Containers`. */
export function goFieldName(jsonName: string): string {
  let name = jsonName.charAt(0).toUpperCase() + jsonName.slice(1);
  for (const [re, replacement] of ACRONYMS) name = name.replace(re, replacement);
  return name;
}

import { goStructName, isMapField, isStringListField } from './go-type-names.js';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Equality as apiequality.Semantic sees JSON: absent and null are the same. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (isObj(a)) {
    if (!isObj(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

/** A value as a Go literal, compactly: `"nginx"`, `30`, `nil`, `{Name: "web", Image: "nginx"}`. */
export function goLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `{${value.map(goLiteral).join(', ')}}`;
  if (isObj(value)) {
    const fields = Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${goFieldName(k)}: ${goLiteral(v)}`);
    return `{${fields.join(', ')}}`;
  }
  return String(value);
}

/** The lines of `cmp.Diff(old, new)` for a struct named `typeName` (e.g. `core.PodSpec`). */
export function goDiff(typeName: string, oldValue: Record<string, unknown>, newValue: Record<string, unknown>): string {
  return ['  ' + `${typeName}{`, ...structBody(oldValue, newValue, 1, ['spec']), '  }'].join('\n');
}

/** The Go type cmp prints before a composite literal: `[]core.Container`, `map[string]string`, `core.Probe`. */
function goTypeOf(path: string[], value: unknown): string {
  const field = path[path.length - 1] ?? '';
  if (Array.isArray(value)) return isStringListField(field) ? '[]string' : `[]core.${goStructName('Pod', path)}`;
  if (isMapField(field) || field === 'nodeSelector') return 'map[string]string';
  return /^\d+$/.test(field) ? '' : `core.${goStructName('Pod', path)}`;
}

function structBody(a: Record<string, unknown>, b: Record<string, unknown>, depth: number, path: string[]): string[] {
  const lines: string[] = [];
  const tabs = '\t'.repeat(depth);
  let identical = 0;
  const flush = () => {
    if (identical) lines.push(`  ${tabs}... // ${identical} identical field${identical === 1 ? '' : 's'}`);
    identical = 0;
  };
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    if (semanticEqual(a[key], b[key])) {
      identical++;
      continue;
    }
    flush();
    lines.push(...valueDiff(`${goFieldName(key)}: `, a[key], b[key], depth, [...path, key]));
  }
  flush();
  return lines;
}

function valueDiff(label: string, a: unknown, b: unknown, depth: number, path: string[]): string[] {
  const tabs = '\t'.repeat(depth);
  if (isObj(a) && isObj(b)) {
    return [`  ${tabs}${label}${goTypeOf(path, a)}{`, ...structBody(a, b, depth + 1, path), `  ${tabs}},`];
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const lines = [`  ${tabs}${label}${goTypeOf(path, a)}{`];
    a.forEach((item, i) => {
      if (semanticEqual(item, b[i])) lines.push(`  ${tabs}\t${goLiteral(item)},`);
      else lines.push(...valueDiff('', item, b[i], depth + 1, [...path, String(i)]));
    });
    lines.push(`  ${tabs}},`);
    return lines;
  }
  const typed = (v: unknown) => (v !== null && typeof v === 'object' ? goTypeOf(path, v) : '') + goLiteral(v);
  return [`- ${tabs}${label}${typed(a)},`, `+ ${tabs}${label}${typed(b)},`];
}
