// Mounting the dashboard with Ink. Kept apart from run-dashboard so that React and Ink (most of the
// start-up time: Ink alone loads some 500 modules) are loaded only after the first frame is on screen.

import React from 'react';
import { render, type Instance } from 'ink';
import { anchoredOutput } from './anchored-output.js';
import { installInkOutputReuse } from './ink-output-reuse.js';
import { Dashboard } from './components/Dashboard.js';
import type { DashboardModel } from './model/dashboard-model.js';

/**
 * Ink's render options as TUI-NOTES.md measured best; the benchmark mounts through here too. `maxFps: 0`
 * turns Ink's own frame limiter off: the model's UpdateThrottle already paces frames (leading edge at once,
 * then one per interval), and Ink's limiter (a debounce with a max wait) held a cluster change that came
 * soon after a log frame until its timer ran out, about 13 ms of waiting per frame at the median.
 */
export const RENDER_OPTIONS = {
  incrementalRendering: true,
  patchConsole: false,
  exitOnCtrlC: false,
  maxFps: 0,
} as const;

// Before the first Ink frame: Ink's Output then keeps what it tokenized between frames (see ink-output-reuse).
await installInkOutputReuse();

/** `prepainted`: a first frame is already on screen (see first-frame.ts); Ink's first frame replaces it. */
export function mountDashboard(model: DashboardModel, io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream }, prepainted = false): Instance {
  return render(<Dashboard model={model} />, { stdout: anchoredOutput(io.stdout, prepainted), stdin: io.stdin, ...RENDER_OPTIONS });
}
