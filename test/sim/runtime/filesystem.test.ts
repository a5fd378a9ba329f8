import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContainerFilesystem, resolvePath } from '../../../src/sim/runtime/filesystem.js';

const image = { files: new Map([['/etc/nginx/conf.d/default.conf', 'image conf'], ['/etc/os-release', 'ID=alpine\n']]), dirs: new Set(['/tmp', '/etc', '/var']) };

test('paths resolve against the working directory, with . and ..', () => {
  assert.equal(resolvePath('/usr/share', '../lib/./x'), '/usr/lib/x');
  assert.equal(resolvePath('/', '/a//b/'), '/a/b');
});

test("a container's writes are its own; the image's layer is untouched and shared", () => {
  const a = new ContainerFilesystem(image, new Map());
  const b = new ContainerFilesystem(image, new Map());
  assert.equal(a.writeFile('/tmp/x', 'hello'), undefined);
  assert.equal(a.readFile('/tmp/x'), 'hello');
  assert.equal(b.readFile('/tmp/x'), 'No such file or directory');
  assert.equal(a.remove('/etc/os-release'), undefined);
  assert.equal(a.readFile('/etc/os-release'), 'No such file or directory');
  assert.equal(b.readFile('/etc/os-release'), 'ID=alpine\n');
  assert.deepEqual(a.list('/'), ['etc', 'tmp', 'var']);
});

test('an emptyDir handed to two containers as one shared Map: the directory exists empty, and writes are seen by both', () => {
  const volume = new Map<string, string>();
  const writer = new ContainerFilesystem(image, new Map(), undefined, [{ path: '/pod-data', shared: volume }]);
  const reader = new ContainerFilesystem(image, new Map(), undefined, [{ path: '/usr/share/nginx/html', shared: volume }]);
  assert.deepEqual(writer.stat('/pod-data'), { kind: 'dir' });
  assert.deepEqual(writer.list('/pod-data'), []);
  assert.ok(writer.list('/').includes('pod-data'));
  writer.writeFile('/pod-data/index.html', 'Hello from the debian container\n');
  assert.equal(reader.readFile('/usr/share/nginx/html/index.html'), 'Hello from the debian container\n');
  assert.deepEqual(reader.list('/usr/share/nginx/html'), ['index.html']);
});

test('a read-only mount (a ConfigMap) hides the image files below it and refuses writes', () => {
  const files = new Map([['/etc/nginx/conf.d/app.conf', 'server {}']]);
  const fs = new ContainerFilesystem(image, files, undefined, [{ path: '/etc/nginx/conf.d', readOnly: true }]);
  assert.deepEqual(fs.list('/etc/nginx/conf.d'), ['app.conf']);
  assert.equal(fs.readFile('/etc/nginx/conf.d/default.conf'), 'No such file or directory');
  assert.equal(fs.writeFile('/etc/nginx/conf.d/x.conf', ''), 'Read-only file system');
});
