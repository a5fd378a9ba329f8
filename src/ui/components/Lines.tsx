// A block of pre-built lines: one <Text> per line, never wrapped (a wrapped line would make the frame
// taller than we planned). No overflow="hidden": the builders already cut lines to the box, and Ink's clip
// re-slices every line of every frame.

import React from 'react';
import { Box, Text } from 'ink';

export function Lines({ lines, width, height }: { lines: readonly string[]; width?: number; height?: number }): React.ReactElement {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
