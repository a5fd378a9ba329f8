import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContainerLog } from '../../src/sim/logs.js';
import type { LogLine } from '../../src/kube/cluster-source.js';

function logAt(times: number[], capacity?: number): ContainerLog {
  let i = 0;
  return new ContainerLog(() => times[Math.min(i++, times.length - 1)]!, capacity);
}

test('a container log keeps each line with its stream and its time, oldest first', () => {
  const log = logAt([1000, 2000, 3000]);
  log.write('stdout', 'one\n');
  log.write('stderr', 'two\n');
  log.write('stdout', 'three\n');
  assert.deepEqual(log.all(), [
    { time: 1000, stream: 'stdout', text: 'one' },
    { time: 2000, stream: 'stderr', text: 'two' },
    { time: 3000, stream: 'stdout', text: 'three' },
  ]);
});

test('a partial line waits for its newline, CRLF loses its CR, and the end flushes what is left', () => {
  const log = logAt([5000]);
  log.write('stdout', 'hel');
  log.write('stdout', 'lo\r\nwor');
  log.write('stderr', 'oops\r\n');
  log.write('stdout', '');
  log.write('stdout', 'ld');
  log.end();
  assert.deepEqual(
    log.all().map((l) => [l.stream, l.text]),
    [
      ['stdout', 'hello'],
      ['stderr', 'oops'],
      ['stdout', 'world'],
    ],
  );
});

test('lines written at the same instant get microsecond steps, so times never go backwards', () => {
  const log = logAt([7000, 7000, 6999]);
  log.write('stdout', 'a\nb\n');
  log.write('stderr', 'c\n');
  const times = log.all().map((l) => l.time);
  assert.equal(times[0], 7000);
  assert.ok(times[1]! > times[0]! && times[2]! > times[1]!);
});

test('a full buffer drops its oldest lines and keeps the newest in order, with their streams', () => {
  const log = logAt(Array.from({ length: 100 }, (_, i) => 1000 + i), 30);
  for (let i = 0; i < 75; i++) log.write(i % 3 === 0 ? 'stderr' : 'stdout', `line ${i}\n`);
  const lines = log.all();
  assert.equal(lines.length, 30);
  assert.deepEqual(
    lines.map((l) => l.text),
    Array.from({ length: 30 }, (_, k) => `line ${45 + k}`),
  );
  assert.deepEqual(
    lines.map((l) => l.stream),
    Array.from({ length: 30 }, (_, k) => ((45 + k) % 3 === 0 ? 'stderr' : 'stdout')),
  );
  assert.deepEqual(
    lines.map((l) => l.time),
    Array.from({ length: 30 }, (_, k) => 1045 + k),
  );
});

test('a follower gets the backlog, then each new line, and ends when the container stops', () => {
  const log = logAt([1000, 2000]);
  log.write('stdout', 'before\n');
  const got: LogLine[] = [];
  let ended = false;
  log.read({ follow: true }, { line: (l) => got.push(l), end: () => (ended = true) }, 0);
  log.write('stderr', 'after\n');
  log.end();
  assert.deepEqual(got, [
    { time: 1000, stream: 'stdout', text: 'before' },
    { time: 2000, stream: 'stderr', text: 'after' },
  ]);
  assert.equal(ended, true);
});
