// A block of pre-built lines, one Ink text node per line. Two Ink 6.8 costs are side-stepped here:
// - No overflow="hidden": the builders already cut lines to the box, and Ink's clip re-slices every line
//   of every frame.
// - Ink measures a text node by its content and caches the measurement forever, keyed by the text, so a
//   stream of log lines (and ticking ages) would grow that cache without end. Each row is therefore laid
//   out as a blank placeholder exactly as wide as the box (one cache entry per width), and <Transform>
//   swaps in the real line when the frame is written. Lines are never wider than the box.

import React from 'react';
import { Box, Transform } from 'ink';

export function Lines({ lines, width, height }: { lines: readonly string[]; width: number; height?: number }): React.ReactElement {
  const placeholder = ' '.repeat(Math.max(1, width));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map((line, i) => (
        <Transform key={i} transform={() => line}>
          {placeholder}
        </Transform>
      ))}
    </Box>
  );
}
