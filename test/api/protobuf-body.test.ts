import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeProtobufObject } from '../../src/api/protobuf-body.js';

// Bodies recorded from kubectl 1.32's `create` subcommands.
const hex = {
  namespace: '6b3873000a0f0a02763112094e616d657370616365121b0a130a03666f6f12001a0022002a0032003800420012001a020a001a002200',
  configmap: '6b3873000a0f0a0276311209436f6e6669674d6170121b0a110a016312001a0022002a0032003800420012060a01611201621a002200',
  secret: '6b3873000a0c0a027631120653656372657412230a110a017312001a0022002a0032003800420012060a01611201621a064f70617175651a002200',
  serviceaccount: '6b3873000a140a027631120e536572766963654163636f756e7412150a130a0373613112001a0022002a003200380042001a002200',
  deployment:
    '6b3873000a150a07617070732f7631120a4465706c6f796d656e74129b010a1b0a016412001a0022002a003200380042005a080a03617070120164126e0801120a0a080a036170701201641a560a1a0a0012001a0022002a003200380042005a080a036170701201641238121a0a01781201782a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200',
};
const body = (h: string) => Buffer.from(h, 'hex');

test('kubectl create namespace sends protobuf that decodes to the Namespace', () => {
  assert.deepEqual(decodeProtobufObject(body(hex.namespace)), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } });
});

test('configmaps, secrets (data as base64) and service accounts decode too', () => {
  assert.deepEqual(decodeProtobufObject(body(hex.configmap)), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } });
  assert.deepEqual(decodeProtobufObject(body(hex.secret)), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'Yg==' }, type: 'Opaque' });
  assert.deepEqual(decodeProtobufObject(body(hex.serviceaccount)), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa1' } });
});

test('other kinds and garbage are refused with 415, never a crash', () => {
  for (const b of [body(hex.deployment), Buffer.from('k8s\0\xff\xff\xff'), Buffer.from('nope')]) {
    assert.throws(() => decodeProtobufObject(b), (e: any) => e.status.code === 415);
  }
});
