// The dashboard's entry point (wired by src/cli.ts): opens the alternate screen, renders with the options
// TUI-NOTES.md measured best, and resolves when the user quits. The terminal is restored on every exit path.

import React from 'react';
import { render, type Instance } from 'ink';
import type { ClusterSource } from '../kube/cluster-source.js';
import type { ReconcileStatus } from '../kube/reconcile-status.js';
import { anchoredOutput } from './anchored-output.js';
import { Dashboard } from './components/Dashboard.js';
import { DashboardModel } from './model/dashboard-model.js';
import { TerminalSession } from './terminal-session.js';
import { choosePainter } from './view/paint.js';

export interface DashboardRunOptions {
  readonly?: boolean;
  noColor?: boolean;
  apiUrl?: string;
  kubeconfigPath?: string;
  namespace?: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

export interface RunDashboardArgs {
  source: ClusterSource;
  status?: ReconcileStatus;
  options?: DashboardRunOptions;
}

/** Ink's render options as TUI-NOTES.md measured best; the benchmark mounts through here too. */
export const RENDER_OPTIONS = {
  incrementalRendering: true,
  patchConsole: false,
  exitOnCtrlC: false,
  maxFps: 60,
} as const;

export function mountDashboard(model: DashboardModel, io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream }): Instance {
  return render(<Dashboard model={model} />, { stdout: anchoredOutput(io.stdout), stdin: io.stdin, ...RENDER_OPTIONS });
}

export async function runDashboard({ source, status, options = {} }: RunDashboardArgs): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const model = new DashboardModel(
    source,
    status,
    { readonly: options.readonly, namespace: options.namespace, apiUrl: options.apiUrl, kubeconfigPath: options.kubeconfigPath },
    choosePainter(options.noColor),
  );
  model.size = { cols: stdout.columns || 80, rows: stdout.rows || 24 };
  const terminal = new TerminalSession(stdout, stdin);
  terminal.enter();

  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const onResize = () => model.resize(stdout.columns || 80, stdout.rows || 24);
  const onSignal = () => finish();
  const onFatal = (err: unknown) => {
    try {
      instance.unmount();
    } catch {
      // already broken; restoring the terminal is what matters
    }
    terminal.restore();
    process.stderr.write(`kubesim: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  stdout.on('resize', onResize);
  model.onQuit(() => finish());

  const instance = mountDashboard(model, { stdin, stdout });
  model.start();
  try {
    await finished;
  } finally {
    stdout.off('resize', onResize);
    model.stop();
    instance.unmount();
    terminal.restore();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
}
