// The whole screen. It re-renders when the model pushes a frame (through its one throttle) and reads
// everything from the model; keys go to handleKey, which dispatches to the model's reducer.

import React, { useCallback, useSyncExternalStore } from 'react';
import { Box, useInput, type Key } from 'ink';
import type { DashboardModel } from '../model/dashboard-model.js';
import { handleKey } from '../input.js';
import { buildScreen } from '../view/screen.js';
import { Header, HintBar, LogsPane, NodesPane, Overlay, PodsPane, ProblemsPane } from './Panes.js';

export function Dashboard({ model }: { model: DashboardModel }): React.ReactElement {
  useSyncExternalStore(model.subscribe, model.getFrame);
  const onKey = useCallback((input: string, key: Key) => handleKey(model, input, key), [model]);
  useInput(onKey);
  const screen = buildScreen(model);
  const { layout } = screen;
  let body: React.ReactElement;
  if (screen.overlay) {
    body = <Overlay lines={screen.overlay} width={layout.cols} height={layout.body.height} />;
  } else if (layout.wide) {
    body = (
      <Box flexDirection="row" height={layout.body.height}>
        <Box flexDirection="column" width={layout.nodes.width}>
          <NodesPane lines={screen.nodes} width={layout.nodes.width} height={layout.nodes.height} />
          <PodsPane lines={screen.pods} width={layout.pods.width} height={layout.pods.height} />
        </Box>
        <Box width={1} />
        <Box flexDirection="column" width={layout.logs.width}>
          <LogsPane lines={screen.logs} width={layout.logs.width} height={layout.logs.height} />
          <ProblemsPane lines={screen.problems} width={layout.problems.width} height={layout.problems.height} />
        </Box>
      </Box>
    );
  } else {
    body = (
      <Box flexDirection="column" height={layout.body.height}>
        <NodesPane lines={screen.nodes} width={layout.cols} height={layout.nodes.height} />
        <PodsPane lines={screen.pods} width={layout.cols} height={layout.pods.height} />
        <LogsPane lines={screen.logs} width={layout.cols} height={layout.logs.height} />
        <ProblemsPane lines={screen.problems} width={layout.cols} height={layout.problems.height} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={layout.cols}>
      <Header lines={screen.header} width={layout.cols} />
      {body}
      <HintBar line={screen.hint} width={layout.cols} />
    </Box>
  );
}
