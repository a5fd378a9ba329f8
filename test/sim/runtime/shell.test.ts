import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createContainerRuntime } from '../../../src/sim/runtime/container-runtime.js';
import { FakeCluster, makeContext } from './fake-pod-network.js';

/** Runs `script` with `sh -c` in a busybox container (or `image`) and returns what it printed and its status. */
async function sh(script: string, options: { image?: string; env?: Record<string, string>; files?: Record<string, string>; advance?: number } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 28, 21, 3, 0));
  const runtime = createContainerRuntime();
  let stdout = '';
  let stderr = '';
  const context = makeContext({ image: options.image ?? 'busybox', clock, network: new FakeCluster().pod(), env: options.env, files: options.files });
  const proc = runtime.start(context, ['sh', '-c', script], undefined, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  clock.advance(options.advance ?? 0);
  const exit = await proc.exited;
  return { stdout, stderr, code: exit.code };
}

test('quoting: single quotes are literal, double quotes expand, backslash escapes', async () => {
  const r = await sh(`A=world; echo 'a $A' "b $A" c\\ \\$A "d \\"q\\"" e'f'"g"`);
  assert.equal(r.stdout, 'a $A b world c $A d "q" efg\n');
});

test('variables: ${VAR}, defaults, length, $? and $$', async () => {
  const r = await sh('X=abc; echo ${X}def ${UNSET:-dflt} ${#X}; false; echo $?; echo $$');
  assert.equal(r.stdout, 'abcdef dflt 3\n1\n1\n');
});

test('&& and || short-circuit; ; sequences', async () => {
  const r = await sh('true && echo yes || echo no; false && echo yes || echo no; false; echo after');
  assert.equal(r.stdout, 'yes\nno\nafter\n');
});

test('pipes feed built-ins: grep, head, tail, wc -l', async () => {
  const r = await sh("printf 'a\\nb\\nc\\nab\\n' | grep a | wc -l; printf '1\\n2\\n3\\n' | head -n 2; printf '1\\n2\\n3\\n' | tail -1; echo x | cat");
  assert.equal(r.stdout, '2\n1\n2\n3\nx\n');
});

test('> and >> write files in the container; cat reads them back; a missing directory is an error', async () => {
  const r = await sh('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; echo x > /nope/f; echo $?');
  assert.equal(r.stdout, 'one\ntwo\n1\n');
  assert.equal(r.stderr, "sh: can't create /nope/f: nonexistent directory\n");
});

test('if/elif/else, for, while with arithmetic and test', async () => {
  const r = await sh('for x in a b c; do echo $x; done; i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i; if [ "$i" = 2 ]; then echo two; elif [ $i -eq 3 ]; then echo three; else echo other; fi');
  assert.equal(r.stdout, 'a\nb\nc\n3\nthree\n');
});

test('exit N ends the script with N; an unknown command is `sh: X: not found`, 127', async () => {
  assert.equal((await sh('echo a; exit 4; echo b')).code, 4);
  const r = await sh('foo');
  assert.equal(r.code, 127);
  assert.equal(r.stderr, 'sh: foo: not found\n');
});

test('export and cd; pwd follows', async () => {
  const r = await sh('export GREETING=hi; env | grep GREETING; cd /etc && pwd; cd /nope');
  assert.equal(r.stdout, 'GREETING=hi\n/etc\n');
  assert.equal(r.stderr, "sh: cd: can't cd to /nope: No such file or directory\n");
  assert.equal(r.code, 2);
});

test('command substitution and case', async () => {
  const r = await sh('h=$(hostname); case $h in simple-*) echo "match $h";; *) echo no;; esac');
  assert.equal(r.stdout, 'match simple-echo\n');
});

test('a syntax error is reported as BusyBox does, status 2', async () => {
  const r = await sh('if true; then echo x; fi fi');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'sh: syntax error: unexpected "fi"\n');
});

test('mounted files (volumes, /etc/hosts) are readable; echo -n and -e; ls lists a directory', async () => {
  const r = await sh('cat /config/app.properties; echo -n a; echo -e "b\\tc"; ls /config', { files: { '/config/app.properties': 'color=blue\n' } });
  assert.equal(r.stdout, 'color=blue\nab\tc\napp.properties\n');
});

test('debian sh is dash: its not-found message carries the line number', async () => {
  const r = await sh('nope', { image: 'debian' });
  assert.equal(r.stderr, 'sh: 1: nope: not found\n');
});

test('functions, set -e and ${VAR:=x}', async () => {
  const r = await sh('greet() { echo "hello $1"; }; greet you; : ${N:=5}; echo $N; set -e; false; echo unreachable');
  assert.equal(r.stdout, 'hello you\n5\n');
  assert.equal(r.code, 1);
});

test('a loop that never sleeps does not freeze the simulation: it runs on simulated time until stopped', async () => {
  const clock = new VirtualClock();
  const runtime = createContainerRuntime();
  let lines = 0;
  const proc = runtime.start(makeContext({ image: 'busybox', clock, network: new FakeCluster().pod() }), ['sh', '-c', 'while true; do echo x; done'], undefined, {
    stdout: () => lines++,
    stderr: () => {},
  });
  clock.advance(10);
  assert.ok(lines > 100 && lines < 10_000, `${lines} lines`);
  proc.signal('KILL');
  assert.deepEqual(await proc.exited, { code: 137, signal: 9 });
});

test('here-documents: expanded with an unquoted delimiter, literal with a quoted one, tabs stripped with <<-', async () => {
  const r = await sh('N=world\ncat <<EOF > /tmp/out\nhello $N "q"\nEOF\ncat /tmp/out\ncat <<\'END\'\nkeep $N\nEND\ncat <<-X\n\tindented\n\tX\necho done');
  assert.equal(r.stdout, 'hello world "q"\nkeep $N\nindented\ndone\n');
});

test('text tools in pipes: sort, uniq -c, tr, cut, sed s///, awk fields, seq | xargs', async () => {
  const r = await sh(
    "printf 'b\\na\\nb\\n' | sort | uniq -c; echo HELLO | tr A-Z a-z; echo a:b:c | cut -d: -f2; echo hello world | sed 's/world/there/'; awk -F: '{print $1}' /etc/passwd | head -1; seq 3 | xargs echo",
  );
  assert.equal(r.stdout, '      1 a\n      2 b\nhello\nb\nhello there\nroot\n1 2 3\n');
});

test('a while loop ends with the status of its last body run; break 2 leaves both loops', async () => {
  const r = await sh('echo a | while read l; do echo got $l; done; echo $?; for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done');
  assert.equal(r.stdout, 'got a\n0\n1a\n');
});

test("the init-container wait loop: `until nslookup myservice` retries every 2 s until the name resolves", async () => {
  const clock = new VirtualClock();
  const runtime = createContainerRuntime();
  const names = new Map<string, string>();
  const network = { ...new FakeCluster().pod(), resolve: (host: string) => names.get(host) };
  let out = '';
  const proc = runtime.start(makeContext({ image: 'busybox:1.28', clock, network }), ['sh', '-c', 'until nslookup myservice > /dev/null; do echo waiting for myservice; sleep 2; done'], undefined, {
    stdout: (t) => (out += t),
    stderr: () => {},
  });
  clock.advance(5000);
  assert.equal(out, 'waiting for myservice\n'.repeat(3));
  names.set('myservice', '10.96.0.42');
  clock.advance(2000);
  assert.deepEqual(await proc.exited, { code: 0 });
});
