// The view-model behind the dashboard, outside React: the cluster cache, the selected Pod's log streams,
// the problems feed, the UI state and the shell session, pushed to React through one throttle. React
// subscribes to `frame` (a counter) and reads everything else from here while rendering.

import type { ClusterSource, ExecSession } from '../../kube/cluster-source.js';
import type { ReconcileStatus } from '../../kube/reconcile-status.js';
import type { Pod } from '../../kube/types.js';
import { activeKeymap, type Binding, type Pane } from '../keymap.js';
import { reduceUi } from '../state/reduce-ui.js';
import { initialUiState, type UiAction, type UiState } from '../state/ui-state.js';
import type { Painter } from '../view/paint.js';
import { ShellScreen } from '../view/shell-screen.js';
import { ClusterCache } from './cluster-cache.js';
import { LogFollower } from './log-follower.js';
import { ProblemFeed } from './problem-feed.js';
import { UpdateThrottle, realTimers, type Timers } from './update-throttle.js';

export interface DashboardOptions {
  readonly?: boolean;
  namespace?: string;
  apiUrl?: string;
  kubeconfigPath?: string;
  /** Interval of the throttle in bursts (ms); 66 ≈ 15 frames a second. */
  intervalMs?: number;
  timers?: Timers;
  /** Ages tick: off in tests that want quiet frames. */
  tick?: boolean;
}

/** What the last frame showed, for commands that need it (the page size, the rows in view). */
export interface ViewMemory {
  top: Record<Pane, number>;
  page: Record<Pane, number>;
  keys: { nodes: readonly string[]; pods: readonly string[] };
  index: { nodes: number; pods: number; problems: number };
  counts: { problems: number; logs: number };
  overlayLines: number;
  bodyHeight: number;
}

export interface ShellState {
  session?: ExecSession;
  screen: ShellScreen;
  target: { namespace: string; pod: string; container: string };
  ended?: number;
}

export class DashboardModel {
  readonly cache: ClusterCache;
  readonly logs: LogFollower;
  readonly problems: ProblemFeed;
  readonly keymap: Binding[];
  ui: UiState;
  /** Bumped on every push to React. */
  frame = 0;
  size = { cols: 80, rows: 24 };
  shell: ShellState | undefined;
  readonly memory: ViewMemory = {
    top: { nodes: 0, pods: 0, logs: 0, problems: 0 },
    page: { nodes: 1, pods: 1, logs: 1, problems: 1 },
    keys: { nodes: [], pods: [] },
    index: { nodes: 0, pods: 0, problems: 0 },
    counts: { problems: 0, logs: 0 },
    overlayLines: 0,
    bodyHeight: 10,
  };
  private readonly throttle: UpdateThrottle;
  private readonly listeners = new Set<() => void>();
  private tickTimer: ReturnType<typeof setTimeout> | undefined;
  private quitHandlers = new Set<() => void>();
  private selectedPodKey: string | undefined;

  constructor(
    readonly source: ClusterSource,
    readonly status: ReconcileStatus | undefined,
    readonly options: DashboardOptions,
    readonly painter: Painter,
  ) {
    this.throttle = new UpdateThrottle(() => this.push(), options.intervalMs ?? 66, options.timers ?? realTimers);
    this.cache = new ClusterCache(source);
    this.logs = new LogFollower(source, () => this.throttle.request(false));
    this.problems = new ProblemFeed(status, () => this.throttle.request(true));
    this.keymap = activeKeymap({
      readonly: options.readonly,
      clock: source.capabilities.clock !== undefined,
      nodeFaults: source.capabilities.nodeFaults !== undefined,
    });
    this.ui = initialUiState(options.namespace ?? 'default');
    this.cache.onChange((kind, event) => {
      if (kind === 'Pod' && this.selectedPodKey !== undefined) {
        const key = `${event.object.metadata.namespace ?? ''}/${event.object.metadata.name ?? ''}`;
        if (key === this.selectedPodKey) this.logs.sync(this.cache.pods.get(key), this.ui.logs.previous);
      }
      this.throttle.request(true);
    });
  }

  start(): void {
    this.cache.start();
    this.problems.start();
    if (this.options.tick !== false) this.scheduleTick();
    this.throttle.request(true);
  }

  stop(): void {
    this.throttle.stop();
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    this.cache.stop();
    this.problems.stop();
    this.logs.stopAll();
    this.shell?.session?.kill();
  }

  /** Ages change once a second: one quiet (non-urgent) frame per second, aligned to the second. */
  private scheduleTick(): void {
    const delay = 1000 - (Date.now() % 1000) + 5;
    this.tickTimer = setTimeout(() => {
      this.throttle.request(false);
      this.scheduleTick();
    }, delay);
    this.tickTimer.unref?.();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getFrame = (): number => this.frame;

  /** Asks for a frame: urgent for what the user did or the cluster did, not for log lines or ticking ages. */
  requestFrame(urgent = true): void {
    this.throttle.request(urgent);
  }

  private push(): void {
    // The selection can change under the cursor (first Pods arriving, the selected one deleted).
    this.syncLogs();
    this.frame++;
    for (const l of this.listeners) l();
  }

  dispatch(action: UiAction): void {
    this.ui = reduceUi(this.ui, action);
    this.syncLogs();
    if (this.ui.quitting) for (const q of this.quitHandlers) q();
    this.throttle.request(true);
  }

  onQuit(handler: () => void): () => void {
    this.quitHandlers.add(handler);
    return () => this.quitHandlers.delete(handler);
  }

  resize(cols: number, rows: number): void {
    if (cols === this.size.cols && rows === this.size.rows) return;
    this.size = { cols, rows };
    this.shell?.session?.resize(cols, Math.max(1, rows - 3));
    this.throttle.request(true);
  }

  /** The Pod under the cursor in the Pods pane (as the last frame resolved it). */
  selectedPod(): Pod | undefined {
    const keys = this.cache.podKeys({ namespace: this.ui.namespace, node: this.ui.nodeFilter, text: this.ui.filters.pods });
    if (keys.length === 0) return undefined;
    let index = Math.max(0, Math.min(keys.length - 1, this.ui.cursor.pods));
    const wanted = this.ui.selected.pods;
    if (wanted !== undefined && keys[index] !== wanted) {
      const found = keys.indexOf(wanted);
      if (found >= 0) index = found;
    }
    return this.cache.pods.get(keys[index]!);
  }

  /** Node names as the Nodes pane lists them (sorted, filtered). */
  nodeKeys(): string[] {
    const text = this.ui.filters.nodes.toLowerCase();
    const names = this.cache.nodeNamesSorted();
    return text ? names.filter((n) => n.toLowerCase().includes(text)) : names;
  }

  /** The cursor's row in the Nodes pane, from the UI state (never from a frame that may be behind). */
  selectedNodeIndex(keys = this.nodeKeys()): number {
    const wanted = this.ui.selected.nodes;
    if (wanted !== undefined) {
      const found = keys.indexOf(wanted);
      if (found >= 0) return found;
    }
    return Math.max(0, Math.min(keys.length - 1, this.ui.cursor.nodes));
  }

  selectedNodeName(): string | undefined {
    const keys = this.nodeKeys();
    return keys[this.selectedNodeIndex(keys)];
  }

  /** Keeps the log streams on the selected Pod (called after every UI change and every frame). */
  syncLogs(): void {
    const pod = this.selectedPod();
    const key = pod ? `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}` : undefined;
    this.selectedPodKey = key;
    this.logs.sync(pod, this.ui.logs.previous);
  }

  // --- the shell overlay ---

  async openShell(target: { namespace: string; pod: string; container: string }): Promise<void> {
    const screen = new ShellScreen();
    const shell: ShellState = { screen, target };
    this.shell = shell;
    this.dispatch({ type: 'overlay.open', overlay: { kind: 'shell', ...target } });
    const out = (data: string) => {
      screen.write(data);
      this.throttle.request(true);
    };
    try {
      const session = await this.source.exec(target, ['sh'], { tty: true, stdin: true, stdout: out, stderr: out });
      shell.session = session;
      session.resize(this.size.cols, Math.max(1, this.size.rows - 3));
      void session.exited.then(
        (code) => this.closeShell(shell, code),
        () => this.closeShell(shell, 1),
      );
    } catch (err) {
      this.shell = undefined;
      this.dispatch({ type: 'overlay.close' });
      this.dispatch({ type: 'message', text: `exec failed: ${messageOf(err)}`, error: true });
    }
  }

  private closeShell(shell: ShellState, code: number): void {
    if (this.shell !== shell) return;
    this.shell = undefined;
    if (this.ui.overlay?.kind === 'shell') this.dispatch({ type: 'overlay.close' });
    this.dispatch({ type: 'message', text: `shell in ${shell.target.pod}/${shell.target.container} exited${code ? ` with code ${code}` : ''}`, error: code !== 0 });
  }
}

export function messageOf(err: unknown): string {
  if (err && typeof err === 'object') {
    const status = (err as { status?: { message?: string } }).status;
    if (status?.message) return status.message;
    if (err instanceof Error) return err.message;
  }
  return String(err);
}
