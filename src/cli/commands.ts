// What `kubesim [DIR]`, `kubesim serve [DIR]` and `kubesim check DIR` do: wire the simulated cluster, the
// folder reconciler and watcher, the API server for kubectl, and the dashboard or the headless printer.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApiServer, writeKubeconfig, type ApiServer } from '../api/index.js';
import type { ContainerRuntime } from '../sim/runtime/types.js';
import { ScaledClock, VirtualClock, type RealTime } from '../sim/clock.js';
import type { SimulatedCluster } from '../sim/simulated-cluster.js';
import { folderRefusal } from '../manifests/folder-check.js';
import { readManifestFile } from '../manifests/read-file.js';
import { Reconciler } from '../manifests/reconciler.js';
import { FolderWatcher } from '../manifests/watch.js';
import { runCheck } from './check.js';
import { createCluster, ImagesFileError, loadRuntime } from './cluster.js';
import { startHeadless, useColour } from './headless.js';
import type { CheckOptions, CliActions, GlobalOptions } from './program.js';

export interface CliDeps {
  /** A runtime to use instead of loading src/sim/runtime (tests). */
  runtime?: ContainerRuntime;
  stdout?: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stderr?: { write(s: string): unknown };
  /** Resolves when the process should stop (default: SIGINT or SIGTERM). */
  stopSignal?: Promise<void>;
}

const REAL_TIME: RealTime = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const DEFAULT_API_PORT = 6443;

/** --kubeconfig may name a new file or one kubesim wrote before, never someone's own kubeconfig. */
async function mayWriteKubeconfig(path: string): Promise<boolean> {
  try {
    const text = await readFile(path, 'utf8');
    return /current-context: kubesim\b/.test(text);
  } catch {
    return true;
  }
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

interface Running {
  cluster: SimulatedCluster;
  clock: ScaledClock;
  api?: ApiServer;
  kubeconfigPath?: string;
  reconciler?: Reconciler;
  watcher?: FolderWatcher;
}

export function cliActions(deps: CliDeps = {}): CliActions {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const say = (line: string) => void stderr.write(`kubesim: ${line}\n`);

  /** The container runtime, with --images FILE loaded before anything starts; a bad file is one line, exit 2. */
  async function runtimeFor(options: GlobalOptions): Promise<ContainerRuntime | undefined> {
    if (deps.runtime && !options.images) return deps.runtime;
    try {
      return await loadRuntime({ ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.images ? { imagesFile: options.images } : {}) });
    } catch (e) {
      if (!(e instanceof ImagesFileError)) throw e;
      say(e.message);
      return undefined;
    }
  }

  async function start(dir: string | undefined, options: GlobalOptions): Promise<Running | number> {
    const runtime = await runtimeFor(options);
    if (!runtime) return 2;
    if (dir !== undefined) {
      const refusal = await folderRefusal(dir);
      if (refusal) {
        say(refusal);
        return 1;
      }
    }
    if (options.api && options.kubeconfig && !(await mayWriteKubeconfig(options.kubeconfig))) {
      say(`refusing to overwrite ${options.kubeconfig}: it is not a kubeconfig kubesim wrote (name a new file)`);
      return 1;
    }
    const clock = new ScaledClock(REAL_TIME, options.speed);
    const cluster = await createCluster({ clock, workers: options.nodes, ...(options.seed !== undefined ? { seed: options.seed } : {}) }, runtime);
    const running: Running = { cluster, clock };
    if (options.api) {
      running.api = await startApiServer(cluster, { host: '127.0.0.1', port: options.apiPort ?? DEFAULT_API_PORT });
      running.kubeconfigPath = writeKubeconfig({
        url: running.api.url,
        ...(running.api.token ? { token: running.api.token } : {}),
        ...(options.kubeconfig ? { path: options.kubeconfig } : {}),
      });
      say(`Kubernetes API on ${running.api.url}; point kubectl at it with:`);
      stderr.write(`export KUBECONFIG=${running.kubeconfigPath}\n`);
    }
    if (dir !== undefined) {
      running.reconciler = new Reconciler({
        source: cluster,
        dir,
        recreate: options.recreate,
        now: () => Date.now(),
        readFile: (id) => readManifestFile(join(dir, id), `${dir.replace(/\/+$/, '')}/${id}`),
      });
      running.watcher = new FolderWatcher({
        dir,
        sink: running.reconciler,
        poll: options.poll,
        onError: (e) => say(`watching ${dir}: ${e.message}`),
      });
    }
    return running;
  }

  async function stop(running: Running): Promise<void> {
    await running.watcher?.close();
    await running.reconciler?.close();
    await running.api?.close();
    running.clock.stop();
    await running.cluster.close();
  }

  /** Headless (or serve): print lines until a signal, then shut down. */
  async function printUntilStopped(running: Running, options: GlobalOptions, pods: boolean): Promise<number> {
    const color = useColour(options.color, stdout as { isTTY?: boolean });
    const stopPrinting = startHeadless({
      source: running.cluster,
      ...(running.reconciler ? { status: running.reconciler.status } : {}),
      write: (line) => void stdout.write(`${line}\n`),
      color,
      pods,
    });
    const stopped = deps.stopSignal ?? signalled();
    try {
      await running.watcher?.start();
      await stopped;
    } finally {
      stopPrinting();
      await stop(running);
    }
    return 0;
  }

  return {
    async run(dir, options) {
      const running = await start(dir, options);
      if (typeof running === 'number') return running;
      const tty = (stdout as { isTTY?: boolean }).isTTY === true;
      if (options.headless || !tty) {
        if (!options.headless) say('output is not a terminal: running headless (as with --headless)');
        return printUntilStopped(running, options, true);
      }
      try {
        const { runDashboard } = await import('../ui/run-dashboard.js');
        // The dashboard is up before the first load, so the user sees the Pods appear.
        const watching = running.watcher?.start().catch((e: Error) => say(`watching ${dir}: ${e.message}`));
        await runDashboard({
          source: running.cluster,
          ...(running.reconciler ? { status: running.reconciler.status } : {}),
          options: {
            readonly: options.readonly,
            noColor: !options.color || Boolean(process.env.NO_COLOR),
            ...(running.api ? { apiUrl: running.api.url } : {}),
            ...(running.kubeconfigPath ? { kubeconfigPath: running.kubeconfigPath } : {}),
          },
        });
        await watching;
      } finally {
        await stop(running);
      }
      return 0;
    },

    async serve(dir, options) {
      if (!options.api) {
        say('serve without the API (--no-api) has nothing to serve');
        return 2;
      }
      const running = await start(dir, options);
      if (typeof running === 'number') return running;
      return printUntilStopped(running, options, false);
    },

    async check(dir, options: CheckOptions) {
      const runtime = await runtimeFor(options);
      if (!runtime) return 2;
      const clock = new VirtualClock(Date.now());
      const cluster = await createCluster({ clock, workers: options.nodes, ...(options.seed !== undefined ? { seed: options.seed } : {}) }, runtime);
      try {
        return await runCheck({
          dir,
          source: cluster,
          advance: (ms) => cluster.advance(ms),
          timeoutMs: options.timeout,
          recreate: options.recreate,
          write: (line) => void stdout.write(`${line}\n`),
        });
      } finally {
        await cluster.close();
      }
    },
  };
}
