import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessEnd } from '../../../src/sim/runtime/process-end.js';

class Ending extends ProcessEnd<number> {
  finish(code: number): void {
    this.end(code);
  }
}

test("a process's end reaches its owner once, a microtask later, and the promise whenever it is asked for", async () => {
  const proc = new Ending();
  const heard: number[] = [];
  proc.onExit((code) => heard.push(code));
  const before = proc.exited;
  proc.finish(3);
  proc.finish(4);
  assert.deepEqual(heard, [], 'not within the call that ended it');
  await Promise.resolve();
  assert.deepEqual(heard, [3]);
  assert.equal(await before, 3);
  assert.equal(await proc.exited, 3);
  const late: number[] = [];
  proc.onExit((code) => late.push(code));
  await Promise.resolve();
  assert.deepEqual(late, [3]);
});
