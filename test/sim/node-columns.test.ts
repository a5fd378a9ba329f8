import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NodeColumns, type NodeNumbers } from '../../src/sim/node-columns.js';

const GI = 1024 ** 3;
const node = (over: Partial<NodeNumbers> = {}): NodeNumbers => ({
  allocCpu: 4,
  allocMemory: 8 * GI,
  allocPods: 110,
  cpu: 0,
  memory: 0,
  scoreCpu: 0,
  scoreMemory: 0,
  pods: 0,
  clean: true,
  ...over,
});

test("each node's fit and score for a request follow its usage as Pods are placed, and a new request is worked out anew", () => {
  const nodes = [node(), node({ cpu: 3.95, scoreCpu: 3.95 }), node({ clean: false }), node({ pods: 110 })];
  const columns = new NodeColumns(nodes);
  const first = columns.fitsAndScores(0.1, GI / 16, 0.1, GI / 16);
  assert.deepEqual([...first.fits], [1, 0, 0, 0]);
  assert.equal(first.scores[0], columns.leastAllocated(0, 0.1, GI / 16));
  assert.equal(first.scores[0], 98);
  nodes[0]!.cpu = nodes[0]!.scoreCpu = 2;
  columns.updated(nodes[0]!);
  const after = columns.fitsAndScores(0.1, GI / 16, 0.1, GI / 16);
  assert.equal(after.scores[0], columns.leastAllocated(0, 0.1, GI / 16));
  assert.equal(after.scores[0], 73);
  const bigger = columns.fitsAndScores(3, GI, 3, GI);
  assert.deepEqual([...bigger.fits], [0, 0, 0, 0]);
  assert.equal(bigger.scores[0], columns.leastAllocated(0, 3, GI));
});
