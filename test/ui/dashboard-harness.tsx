// Renders the whole dashboard on a fake cluster with ink-testing-library, at an explicit size, and waits
// for frames by polling.

import React from 'react';
import { render } from 'ink-testing-library';
import { Dashboard } from '../../src/ui/components/Dashboard.js';
import { DashboardModel, type DashboardOptions } from '../../src/ui/model/dashboard-model.js';
import type { ClusterSource } from '../../src/kube/cluster-source.js';
import type { ReconcileStatus } from '../../src/kube/reconcile-status.js';
import { plainPainter, type Painter } from '../../src/ui/view/paint.js';
import { waitFor } from './wait-for.js';

export const KEYS = {
  tab: '\t',
  shiftTab: '\u001b[Z',
  enter: '\r',
  esc: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  backspace: '\u007f',
  ctrlD: '\u0004',
  ctrlK: '\u000b',
  ctrlC: '\u0003',
};

export function openDashboard(
  source: ClusterSource,
  opts: { cols?: number; rows?: number; status?: ReconcileStatus; options?: DashboardOptions; painter?: Painter } = {},
) {
  const model = new DashboardModel(source, opts.status, { tick: false, ...opts.options }, opts.painter ?? plainPainter);
  model.size = { cols: opts.cols ?? 80, rows: opts.rows ?? 24 };
  const ink = render(<Dashboard model={model} />);
  model.start();
  const frame = () => ink.lastFrame() ?? '';
  return {
    model,
    ink,
    frame,
    /** Waits until the frame satisfies `pred` (or contains the text). */
    async waitFor(pred: string | RegExp | ((f: string) => boolean), what?: string): Promise<string> {
      const test = typeof pred === 'string' ? (f: string) => f.includes(pred) : pred instanceof RegExp ? (f: string) => pred.test(f) : pred;
      return waitFor(() => (test(frame()) ? frame() : undefined), what ?? String(pred));
    },
    /** Types keys one by one, each as its own read, as a terminal delivers them. */
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        ink.stdin.write(k);
        await new Promise((r) => setImmediate(r));
      }
    },
    close(): void {
      ink.unmount();
      model.stop();
    },
  };
}
