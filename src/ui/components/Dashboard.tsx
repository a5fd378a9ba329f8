// The whole screen. It re-renders when the model pushes a frame (through its one throttle) and reads
// everything from the model; keys go to handleKey, which dispatches to the model's reducer. The regions are
// composed into rows outside React (first-frame.ts) and printed as a few text nodes (see ScreenText).

import React, { useCallback, useSyncExternalStore } from 'react';
import { useInput, type Key } from 'ink';
import type { DashboardModel } from '../model/dashboard-model.js';
import { handleKey } from '../input.js';
import { buildScreen } from '../view/screen.js';
import { ScreenText } from './ScreenText.js';

export function Dashboard({ model }: { model: DashboardModel }): React.ReactElement {
  useSyncExternalStore(model.subscribe, model.getFrame);
  const onKey = useCallback((input: string, key: Key) => handleKey(model, input, key), [model]);
  useInput(onKey);
  const screen = buildScreen(model);
  return <ScreenText screen={screen} />;
}
