// kubectl's typed clients (`kubectl create namespace|configmap|secret|serviceaccount`) send their bodies as
// Kubernetes protobuf: the magic `k8s\0`, then a runtime.Unknown {typeMeta, raw} whose raw bytes are the
// object's generated.proto message. We decode the few kinds those commands create; the field numbers are
// those of k8s.io/api/core/v1/generated.proto and apimachinery's meta/v1.
import { unsupportedBodyType } from './status-errors.js';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

interface Field {
  no: number;
  wire: number;
  /** varint value (wire 0) */
  int?: number;
  /** length-delimited bytes (wire 2) */
  bytes?: Buffer;
}

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++]!;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
    if (shift > 63) throw new Error('varint too long');
  }
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let key;
    [key, pos] = readVarint(buf, pos);
    const no = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      let int;
      [int, pos] = readVarint(buf, pos);
      out.push({ no, wire, int });
    } else if (wire === 2) {
      let len;
      [len, pos] = readVarint(buf, pos);
      if (pos + len > buf.length) throw new Error('truncated field');
      out.push({ no, wire, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

const str = (f: Field) => (f.bytes ?? Buffer.alloc(0)).toString('utf8');

function mapEntry(f: Field): [string, Buffer] {
  let key = '';
  let value: Buffer = Buffer.alloc(0);
  for (const e of fields(f.bytes ?? Buffer.alloc(0))) {
    if (e.no === 1) key = str(e);
    if (e.no === 2) value = e.bytes ?? Buffer.alloc(0);
  }
  return [key, value];
}

function stringMap(all: Field[], no: number, encode: (b: Buffer) => string = (b) => b.toString('utf8')): Record<string, string> | undefined {
  const entries = all.filter((f) => f.no === no).map(mapEntry);
  return entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, encode(v)])) : undefined;
}

function objectMeta(buf: Buffer): Record<string, unknown> {
  const all = fields(buf);
  const meta: Record<string, unknown> = {};
  const strings: [number, string][] = [
    [1, 'name'],
    [2, 'generateName'],
    [3, 'namespace'],
    [5, 'uid'],
    [6, 'resourceVersion'],
  ];
  for (const [no, name] of strings) {
    // Go writes proto2 strings even when empty; the API server reads "" as absent.
    const f = all.find((x) => x.no === no);
    if (f && str(f) !== '') meta[name] = str(f);
  }
  const labels = stringMap(all, 11);
  if (labels) meta['labels'] = labels;
  const annotations = stringMap(all, 12);
  if (annotations) meta['annotations'] = annotations;
  const finalizers = all.filter((f) => f.no === 14).map(str);
  if (finalizers.length) meta['finalizers'] = finalizers;
  return meta;
}

type Decoder = (all: Field[], obj: Record<string, unknown>) => void;

const base64 = (b: Buffer) => b.toString('base64');

const decoders: Record<string, Decoder> = {
  Namespace: (all, obj) => {
    const spec = all.find((f) => f.no === 2);
    const finalizers = spec ? fields(spec.bytes!).filter((f) => f.no === 1).map(str) : [];
    if (finalizers.length) obj['spec'] = { finalizers };
  },
  ConfigMap: (all, obj) => {
    const data = stringMap(all, 2);
    if (data) obj['data'] = data;
    const binaryData = stringMap(all, 3, base64);
    if (binaryData) obj['binaryData'] = binaryData;
    const immutable = all.find((f) => f.no === 4);
    if (immutable) obj['immutable'] = immutable.int === 1;
  },
  Secret: (all, obj) => {
    const data = stringMap(all, 2, base64);
    if (data) obj['data'] = data;
    const type = all.find((f) => f.no === 3);
    if (type && str(type) !== '') obj['type'] = str(type);
    const stringData = stringMap(all, 4);
    if (stringData) obj['stringData'] = stringData;
    const immutable = all.find((f) => f.no === 5);
    if (immutable) obj['immutable'] = immutable.int === 1;
  },
  ServiceAccount: (all, obj) => {
    const pullSecrets = all.filter((f) => f.no === 3).map((f) => ({ name: str(fields(f.bytes!).find((x) => x.no === 1) ?? { no: 1, wire: 2 }) }));
    if (pullSecrets.length) obj['imagePullSecrets'] = pullSecrets;
    const automount = all.find((f) => f.no === 4);
    if (automount) obj['automountServiceAccountToken'] = automount.int === 1;
  },
};

/** The JSON object of a protobuf body, for the kinds kubectl's `create` subcommands send; 415 otherwise. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  const refuse = () => unsupportedBodyType(['application/json', 'application/yaml']);
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw refuse();
  try {
    const unknown = fields(body.subarray(4));
    const typeMeta = fields(unknown.find((f) => f.no === 1)?.bytes ?? Buffer.alloc(0));
    const apiVersion = str(typeMeta.find((f) => f.no === 1) ?? { no: 1, wire: 2 });
    const kind = str(typeMeta.find((f) => f.no === 2) ?? { no: 2, wire: 2 });
    const decode = decoders[kind];
    if (!decode || (apiVersion !== 'v1' && apiVersion !== '')) throw refuse();
    const raw = fields(unknown.find((f) => f.no === 2)?.bytes ?? Buffer.alloc(0));
    const meta = raw.find((f) => f.no === 1);
    const obj: Record<string, unknown> = { apiVersion: 'v1', kind, metadata: meta ? objectMeta(meta.bytes!) : {} };
    decode(raw, obj);
    return obj;
  } catch (e) {
    if (e instanceof Error && e.name === 'ApiError') throw e;
    throw refuse();
  }
}
