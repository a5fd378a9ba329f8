// Ink's Output with caches that outlive a frame and a grid only as wide as its writes start must write
// exactly what Ink writes without them, for any tree, not only the dashboard's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import { Box, Text, Transform, renderToString } from 'ink';
import { FrameCaches, gridWidth, installInkOutputReuse, uninstallInkOutputReuse } from '../../src/ui/ink-output-reuse.js';

const trees: [string, React.ReactElement][] = [
  ['boxes side by side with padding, margins and borders', (
    <Box flexDirection="row" gap={2}>
      <Box borderStyle="round" paddingX={1} width={20}>
        <Text color="green">Running</Text>
      </Box>
      <Box marginLeft={3} flexDirection="column">
        <Text bold>NAME   READY</Text>
        <Text inverse>{'>app-1  1/1'}</Text>
        <Text dimColor>  trailing spaces   </Text>
      </Box>
    </Box>
  )],
  ['clipped overflow and wrapped text', (
    <Box width={12} height={3} overflow="hidden" flexDirection="column">
      <Text>a line far wider than the box it sits in, wrapped</Text>
      <Text color="red">never seen</Text>
    </Box>
  )],
  ['wide characters, emoji and nested colours', (
    <Box flexDirection="column">
      <Text>漢字 and ⎈ and 🚀 done</Text>
      <Text color="cyan">
        cyan <Text bold>bold cyan</Text> <Text backgroundColor="yellow">on yellow</Text> back
      </Text>
    </Box>
  )],
  ['every printable ASCII character, tabs and control characters beside them', (
    <Box flexDirection="column">
      <Text>{Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}</Text>
      <Text>{'GET /api/items/1 200 3ms  '}</Text>
      <Text>{'a\tb \u00e9t\u00e9 caf\u00e9'}</Text>
    </Box>
  )],
  ['rows swapped in by a transform, as the dashboard draws them', (
    <Box flexDirection="column">
      <Transform transform={(_l, i) => ['\u001b[1mheader\u001b[22m', '', ' pods \u001b[32mRunning\u001b[39m'][i] ?? ''}>{' \n \n '}</Transform>
      <Box>
        <Box width={10} flexShrink={0}>
          <Transform transform={(_l, i) => ['left', 'l2'][i] ?? ''}>{' \n '}</Transform>
        </Box>
        <Transform transform={(_l, i) => ['\u001b[7mright\u001b[27m', 'r2'][i] ?? ''}>{' \n '}</Transform>
      </Box>
    </Box>
  )],
];

test("with the reuse installed every frame is what Ink writes without it, the first time and from its caches", async () => {
  uninstallInkOutputReuse();
  const plain = trees.map(([, t]) => renderToString(t, { columns: 60 }));
  assert.equal(await installInkOutputReuse(), true, "Ink 6.8's Output is recognised");
  try {
    for (let round = 0; round < 3; round++) {
      trees.forEach(([what, t], i) => assert.equal(renderToString(t, { columns: 60 }), plain[i], `${what}, round ${round}`));
    }
  } finally {
    uninstallInkOutputReuse();
  }
});

test('a cached row is found again in the next frame, and forgotten once a whole frame has not used it', () => {
  let computed = 0;
  const make = () => {
    const styledChars = new Map<string, unknown>();
    return {
      styledChars,
      widths: new Map<string, number>(),
      blockWidths: new Map<string, number>(),
      getStyledChars(line: string) {
        computed++;
        const v = [line];
        styledChars.set(line, v);
        return v;
      },
      getStringWidth: (t: string) => t.length,
      getWidestLine: (t: string) => t.length,
    };
  };
  const caches = new FrameCaches(make);
  // Not plain ASCII, so Ink's own tokenizer (here the fake) makes it.
  const row = '✓ row';
  const first = caches.nextFrame().getStyledChars(row);
  assert.equal(computed, 1);
  assert.equal(caches.nextFrame().getStyledChars(row), first, 'the next frame finds it');
  assert.equal(computed, 1);
  caches.nextFrame();
  caches.nextFrame().getStyledChars(row);
  assert.equal(computed, 2, 'after a frame without it, it is made again');
});

test('the blank grid reaches only as far right as a write starts, unless something is clipped', () => {
  const output = (ops: { type: string; x?: number }[]) => ({ width: 120, operations: ops, caches: undefined as never, get: () => ({ output: '', height: 0 }) });
  assert.equal(gridWidth(output([{ type: 'write', x: 0 }, { type: 'write', x: 0 }])), 1);
  assert.equal(gridWidth(output([{ type: 'write', x: 0 }, { type: 'write', x: 68 }])), 69);
  assert.equal(gridWidth(output([])), 1);
  assert.equal(gridWidth(output([{ type: 'clip' }, { type: 'write', x: 3 }, { type: 'unclip' }])), 120);
});
