// The dashboard's entry point (wired by src/cli.ts): opens the alternate screen, paints the first frame,
// mounts Ink (mount-dashboard.tsx) and resolves when the user quits. The terminal is restored on every
// exit path.

import type { Instance } from 'ink';
import type { ClusterSource } from '../kube/cluster-source.js';
import type { ReconcileStatus } from '../kube/reconcile-status.js';
import { firstFrameText } from './first-frame.js';
import { DashboardModel } from './model/dashboard-model.js';
import { TerminalSession } from './terminal-session.js';
import { choosePainter } from './view/paint.js';
import { buildScreen } from './view/screen.js';

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
  let instance: Instance | undefined;
  const onFatal = (err: unknown) => {
    try {
      instance?.unmount();
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

  try {
    // The first frame goes out before React and Ink are loaded (most of the start-up time); Ink takes over
    // in place. The cache fills synchronously from the source's replay, so the frame already shows it.
    model.start();
    stdout.write(firstFrameText(buildScreen(model)));
    const { mountDashboard } = await import('./mount-dashboard.js');
    instance = mountDashboard(model, { stdin, stdout }, true);
    await finished;
  } finally {
    stdout.off('resize', onResize);
    model.stop();
    instance?.unmount();
    terminal.restore();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
}
