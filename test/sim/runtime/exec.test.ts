import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';
import type { ContainerContext, ExecProcess } from '../../../src/sim/runtime/types.js';
import { FakeCluster, makeContext, Output, settle } from './fake-pod-network.js';

function bookPod() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 28, 21, 3, 0));
  const cluster = new FakeCluster();
  const runtime = createContainerRuntime();
  const network = cluster.pod();
  const nginx = makeContext({ image: 'gihyodocker/nginx-proxy:latest', name: 'nginx', clock, network, env: { BACKEND_HOST: 'localhost:8080' } });
  const echoContext = makeContext({ image: 'gihyodocker/echo:latest', name: 'echo', clock, network });
  const echoLog = new Output(clock);
  runtime.start(nginx, undefined, undefined, new Output(clock));
  runtime.start(echoContext, undefined, undefined, echoLog);
  clock.advance(5000);
  return { clock, runtime, nginx, echoContext, echoLog };
}

function terminal(runtime: ReturnType<typeof createContainerRuntime>, context: ContainerContext, argv: string[]) {
  let screen = '';
  const proc = runtime.exec(context, argv, { tty: true, stdout: (t) => (screen += t), stderr: (t) => (screen += `[stderr]${t}`) });
  let code: number | undefined;
  void proc.exited.then((c) => (code = c));
  return {
    proc,
    get screen() {
      return screen;
    },
    get code() {
      return code;
    },
    type(text: string) {
      proc.write(text);
    },
  };
}

test('the book session: exec -it sh in nginx, wget localhost:8080 answers Hello Docker!! and echo logs received request', async () => {
  const { runtime, nginx, echoLog } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  assert.equal(t.screen, '/ # ');
  t.type('wget -qO- localhost:8080\r');
  assert.equal(t.screen, '/ # wget -qO- localhost:8080\r\nHello Docker!!/ # ');
  assert.match(echoLog.stderrText, /received request\n$/);
});

test('the book session: env shows BACKEND_HOST, hostname the Pod, ls / the Alpine root in a 120-column terminal, exit 7 ends with 7', async () => {
  const { runtime, nginx } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  t.proc.resize(120, 40);
  t.type('hostname\r');
  t.type('echo $BACKEND_HOST\r');
  t.type('env | grep BACKEND\r');
  t.type('ls /\r');
  t.type('exit 7\r');
  await settle();
  assert.equal(
    t.screen,
    '/ # hostname\r\nsimple-echo\r\n/ # echo $BACKEND_HOST\r\nlocalhost:8080\r\n/ # env | grep BACKEND\r\nBACKEND_HOST=localhost:8080\r\n/ # ls /\r\n' +
      'bin    dev    etc    home   lib    media  mnt    opt    proc   root   run    sbin   srv    sys    tmp    usr    var\r\n'.replace(/ +/g, '  ') +
      '/ # exit 7\r\n',
  );
  assert.equal(t.code, 7);
});

test('the terminal echoes keystrokes, rubs out with backspace and turns Enter into \\r\\n', () => {
  const { runtime, nginx } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  t.type('echo hx\x7fi\r');
  assert.equal(t.screen, '/ # echo hx\b \bi\r\nhi\r\n/ # ');
});

test('Ctrl-C interrupts a foreground sleep and returns to the prompt with status 130; Ctrl-D ends the shell', async () => {
  const { clock, runtime, nginx } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  t.type('sleep 100\r');
  clock.advance(1000);
  t.type('\x03');
  t.type('echo $?\r');
  assert.equal(t.screen, '/ # sleep 100\r\n^C\r\n/ # echo $?\r\n130\r\n/ # ');
  t.type('\x04');
  await settle();
  assert.equal(t.code, 0);
});

test('an unknown command in the shell: sh: foo: not found, status 127', async () => {
  const { runtime, nginx } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  t.type('foo\r');
  t.type('echo $?\r');
  assert.equal(t.screen, '/ # foo\r\nsh: foo: not found\r\n/ # echo $?\r\n127\r\n/ # ');
});

test('exec without a tty reads commands from stdin until EOF and exits with the last status', async () => {
  const { runtime, nginx } = bookPod();
  let out = '';
  let err = '';
  const proc = runtime.exec(nginx, ['sh'], { tty: false, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  proc.write('echo hello\n');
  assert.equal(out, 'hello\n');
  proc.write('nosuch\n');
  proc.closeStdin();
  assert.equal(await proc.exited, 127);
  assert.equal(err, 'sh: nosuch: not found\n');
});

test("exec of `sh -c 'exit 3'` exits 3; an exec probe's `cat /etc/hostname` succeeds", async () => {
  const { runtime, nginx } = bookPod();
  const silent = { tty: false, stdout: () => {}, stderr: () => {} };
  assert.equal(await runtime.exec(nginx, ['sh', '-c', 'exit 3'], silent).exited, 3);
  let out = '';
  assert.equal(await runtime.exec(nginx, ['cat', '/etc/hostname'], { ...silent, stdout: (t) => (out += t) }).exited, 0);
  assert.equal(out, 'simple-echo\n');
});

test('exec of an executable the image lacks does not start: startError carries the OCI message, exit 126', async () => {
  const { runtime, nginx } = bookPod();
  const proc: ExecProcess = runtime.exec(nginx, ['bash'], { tty: true, stdout: () => {}, stderr: () => {} });
  assert.match(
    proc.startError ?? '',
    /^error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown$/,
  );
  assert.equal(await proc.exited, 126);
});

test('wget to a port nobody listens on prints BusyBox wget error and fails; curl in the echo image prints curl error 7', async () => {
  const { runtime, nginx, echoContext } = bookPod();
  let err = '';
  const io = { tty: false, stdout: () => {}, stderr: (t: string) => (err += t) };
  assert.equal(await runtime.exec(nginx, ['wget', '-qO-', 'http://127.0.0.1:9999/'], io).exited, 1);
  assert.equal(err, "wget: can't connect to remote host (127.0.0.1): Connection refused\n");
  err = '';
  assert.equal(await runtime.exec(echoContext, ['curl', 'localhost:9999'], io).exited, 7);
  assert.equal(err, "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n");
});

test('bash in a debian-based image prompts root@<hostname>:/# and says "command not found"', () => {
  const { runtime, echoContext } = bookPod();
  const t = terminal(runtime, echoContext, ['bash']);
  assert.equal(t.screen, 'root@simple-echo:/go# ');
  t.type('cd /\r');
  t.type('nope\r');
  assert.equal(t.screen, 'root@simple-echo:/go# cd /\r\nroot@simple-echo:/# nope\r\nbash: nope: command not found\r\nroot@simple-echo:/# ');
});

test('ps in the nginx container shows the nginx master as PID 1, its worker, the exec shell and ps itself', () => {
  const { runtime, nginx } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  t.type('ps\r');
  assert.equal(
    t.screen,
    '/ # ps\r\nPID   USER     TIME  COMMAND\r\n    1 root      0:00 nginx: master process nginx -g daemon off;\r\n    7 nginx     0:00 nginx: worker process\r\n    8 root      0:00 sh\r\n    9 root      0:00 ps\r\n/ # ',
  );
});

test('wget -O- shows BusyBox progress on stderr; nc -z tells open from closed ports', async () => {
  const { runtime, nginx } = bookPod();
  let out = '';
  let err = '';
  const io = { tty: false, stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
  assert.equal(await runtime.exec(nginx, ['wget', '-O-', 'http://localhost:8080/'], io).exited, 0);
  assert.equal(out, 'Hello Docker!!');
  assert.equal(err, 'Connecting to localhost:8080 (127.0.0.1:8080)\nwriting to stdout\n-                    100% |********************************|    14  0:00:00 ETA\nwritten to stdout\n');
  assert.equal(await runtime.exec(nginx, ['nc', '-z', 'localhost', '8080'], io).exited, 0);
  assert.equal(await runtime.exec(nginx, ['nc', '-z', 'localhost', '9'], io).exited, 1);
});

test('an exec session ends with 137 when its container stops', async () => {
  const { clock, runtime } = bookPod();
  const network = new FakeCluster().pod();
  const context = makeContext({ image: 'busybox', clock, network });
  const main = runtime.start(context, ['sleep', '3600'], undefined, new Output(clock));
  const t = terminal(runtime, context, ['sh']);
  main.signal('KILL');
  await settle();
  assert.equal(t.code, 137);
});

test('kill 1 from an exec stops nginx (TERM, exit 0); in a shell-run container PID 1 ignores it until kill -9', async () => {
  const { clock, runtime, nginx } = bookPod();
  const silent = { tty: false, stdout: () => {}, stderr: () => {} };
  const ctx = makeContext({ image: 'busybox', clock, network: new FakeCluster().pod() });
  const shell = runtime.start(ctx, ['sh', '-c', 'sleep 3600'], undefined, new Output(clock));
  let shellExit: unknown;
  void shell.exited.then((e) => (shellExit = e));
  assert.equal(await runtime.exec(ctx, ['kill', '1'], silent).exited, 0);
  await settle();
  assert.equal(shellExit, undefined);
  assert.equal(await runtime.exec(ctx, ['kill', '-9', '1'], silent).exited, 0);
  assert.deepEqual(await shell.exited, { code: 137, signal: 9 });
  let err = '';
  assert.equal(await runtime.exec(nginx, ['kill', '42'], { ...silent, stderr: (t) => (err += t) }).exited, 1);
  assert.equal(err, "sh: can't kill pid 42: No such process\n");
});

test('hostname -i prints the Pod IP; ip addr shows it on eth0', async () => {
  const { runtime, nginx } = bookPod();
  let out = '';
  await runtime.exec(nginx, ['hostname', '-i'], { tty: false, stdout: (t) => (out += t), stderr: () => {} }).exited;
  assert.equal(out, '10.244.1.5\n');
  out = '';
  await runtime.exec(nginx, ['ip', 'a'], { tty: false, stdout: (t) => (out += t), stderr: () => {} }).exited;
  assert.match(out, /inet 10\.244\.1\.5\/24 brd 10\.244\.1\.255 scope global eth0/);
});

test('Ctrl-D ends the input of a command reading the terminal, and the shell reads on', () => {
  const { runtime, nginx } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  t.type('cat\r');
  t.type('hi\r');
  assert.equal(t.screen, '/ # cat\r\nhi\r\nhi\r\n');
  t.type('\x04');
  t.type('echo back\r');
  assert.equal(t.screen, '/ # cat\r\nhi\r\nhi\r\n/ # echo back\r\nback\r\n/ # ');
  assert.equal(t.code, undefined);
});

test('curl from the echo container: the body on stdout, the progress meter on stderr (stdout is no terminal); -s hides it', async () => {
  const { runtime, echoContext } = bookPod();
  let out = '';
  let err = '';
  const io = { tty: false, stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
  assert.equal(await runtime.exec(echoContext, ['curl', 'localhost:8080'], io).exited, 0);
  assert.equal(out, 'Hello Docker!!');
  assert.match(err, /^ {2}% Total {4}% Received % Xferd {2}Average Speed/);
  err = '';
  assert.equal(await runtime.exec(echoContext, ['curl', '-s', 'localhost:8080'], io).exited, 0);
  assert.equal(err, '');
});

test('apk add curl makes curl work in that container (for a few simulated seconds of installing); apt-get needs update first', async () => {
  const { clock, runtime, nginx, echoContext } = bookPod();
  const t = terminal(runtime, nginx, ['sh']);
  t.type('curl -s localhost:8080\r');
  t.type('apk add curl\r');
  clock.advance(10_000);
  t.type('curl -s localhost:8080\r');
  assert.match(t.screen, /sh: curl: not found\r\n/);
  assert.match(t.screen, /\(8\/8\) Installing curl \(8\.9\.1-r2\)\r\n/);
  assert.match(t.screen, /\/ # curl -s localhost:8080\r\nHello Docker!!\/ # $/);
  const d = terminal(runtime, echoContext, ['bash']);
  d.type('apt-get install -y dnsutils\r');
  d.type('apt-get update\r');
  clock.advance(5000);
  d.type('apt-get install -y dnsutils\r');
  clock.advance(5000);
  assert.match(d.screen, /E: Unable to locate package dnsutils\r\n/);
  assert.match(d.screen, /Setting up dnsutils \.\.\.\r\nroot@simple-echo:\/go# $/);
});

test("an exec writing to /proc/1/fd/1 adds a line to the container's log", async () => {
  const { clock, runtime } = bookPod();
  const context = makeContext({ image: 'busybox', clock, network: new FakeCluster().pod() });
  const log = new Output(clock);
  runtime.start(context, ['sleep', '3600'], undefined, log);
  await runtime.exec(context, ['sh', '-c', 'echo injected > /proc/1/fd/1'], { tty: false, stdout: () => {}, stderr: () => {} }).exited;
  assert.equal(log.stdoutText, 'injected\n');
});
