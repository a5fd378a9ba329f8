// A block of pre-built lines: one <Text> per line, never wrapped (a wrapped line would make the frame
// taller than we planned).

import React from 'react';
import { Box, Text } from 'ink';

export function Lines({ lines, width, height }: { lines: readonly string[]; width?: number; height?: number }): React.ReactElement {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
