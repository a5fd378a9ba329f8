import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_FIT, NodeColumns, rank, type NodeNumbers } from '../../src/sim/node-columns.js';

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

test("each node's rank and score for a request follow its usage as Pods are placed, and a new request is worked out anew", () => {
  const nodes = [node(), node({ cpu: 3.95, scoreCpu: 3.95 }), node({ clean: false }), node({ pods: 110 })];
  const columns = new NodeColumns(nodes);
  const first = columns.ranksAndScores(0.1, GI / 16, 0.1, GI / 16);
  assert.deepEqual([...first.ranks], [rank(98, 0), NO_FIT, NO_FIT, NO_FIT]);
  assert.equal(first.scores[0], columns.leastAllocated(0, 0.1, GI / 16));
  assert.equal(first.scores[0], 98);
  nodes[0]!.cpu = nodes[0]!.scoreCpu = 2;
  columns.updated(nodes[0]!);
  const after = columns.ranksAndScores(0.1, GI / 16, 0.1, GI / 16);
  assert.equal(after.ranks[0], rank(73, 0));
  assert.equal(after.scores[0], columns.leastAllocated(0, 0.1, GI / 16));
  assert.equal(after.scores[0], 73);
  const bigger = columns.ranksAndScores(3, GI, 3, GI);
  assert.deepEqual([...bigger.ranks], [NO_FIT, NO_FIT, NO_FIT, NO_FIT]);
  assert.equal(bigger.scores[0], columns.leastAllocated(0, 3, GI));
});

test('a rank orders by score, then by fewer Pods; equal score and Pods rank equal', () => {
  assert.ok(rank(90, 50) > rank(89, 0));
  assert.ok(rank(90, 3) > rank(90, 4));
  assert.equal(rank(90, 3), rank(90, 3));
  assert.ok(rank(-200, 109) > NO_FIT);
});
