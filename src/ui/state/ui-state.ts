// Everything the user has chosen (focus, selection, namespace, overlays, log options), as one value changed
// only by `reduceUi`. Key handlers dispatch actions instead of reading state from a closure, so rapid
// keys are never lost: each action applies to the state the previous one left.

import type { Pane } from '../keymap.js';

export type LogMode = {
  /** Absent: all containers, lines prefixed `[container]`. */
  container?: string;
  previous: boolean;
  timestamps: boolean;
  wrap: boolean;
  /** Autoscroll: stay on the newest line. */
  follow: boolean;
  /** Lines scrolled back from the newest (0 when following). */
  scrollBack: number;
};

export type ConfirmAction = 'pod.delete' | 'node.drain';

export type Overlay =
  | { kind: 'describe' | 'yaml'; title: string; text: string; scroll: number }
  | { kind: 'help'; scroll: number }
  | { kind: 'containers'; cursor: number }
  | { kind: 'confirm'; action: ConfirmAction; target: string; question: string }
  | { kind: 'shell'; namespace: string; pod: string; container: string };

export interface UiState {
  focus: Pane;
  /** Absent: all namespaces. */
  namespace?: string;
  /** The namespace `0` returns to. */
  homeNamespace: string;
  /** Drill-down from a node: only its Pods. */
  nodeFilter?: string;
  filters: Record<Pane, string>;
  /** Typing a filter into a pane. */
  editing?: { pane: Pane; text: string };
  cursor: Record<Pane, number>;
  /** The selected row's identity, so the selection follows it when rows are added above. */
  selected: Partial<Record<Pane, string>>;
  logs: LogMode;
  overlay?: Overlay;
  message?: { text: string; error: boolean };
  quitting: boolean;
}

export const PANES: readonly Pane[] = ['nodes', 'pods', 'logs', 'problems'];

export function initialUiState(namespace = 'default'): UiState {
  return {
    focus: 'pods',
    namespace,
    homeNamespace: namespace,
    filters: { nodes: '', pods: '', logs: '', problems: '' },
    cursor: { nodes: 0, pods: 0, logs: 0, problems: 0 },
    selected: {},
    logs: { previous: false, timestamps: false, wrap: false, follow: true, scrollBack: 0 },
    quitting: false,
  };
}

export type CursorMove = 'down' | 'up' | 'top' | 'bottom' | 'pagedown' | 'pageup';

export type UiAction =
  | { type: 'focus.next' }
  | { type: 'focus.prev' }
  | { type: 'focus'; pane: Pane }
  /** Moves the focused list's cursor; `keys` are the row identities in view, `page` the rows visible. */
  | { type: 'cursor'; pane: Pane; move: CursorMove; keys: readonly string[]; from: number; page: number }
  | { type: 'select'; pane: Pane; index: number; key?: string }
  | { type: 'namespace.toggle' }
  | { type: 'node.drill'; node: string }
  | { type: 'filter.start'; pane: Pane }
  | { type: 'filter.type'; text: string }
  | { type: 'filter.backspace' }
  | { type: 'filter.commit' }
  | { type: 'filter.cancel' }
  | { type: 'back' }
  | { type: 'logs.container'; container?: string }
  | { type: 'logs.toggle'; option: 'previous' | 'timestamps' | 'wrap' | 'follow' }
  | { type: 'logs.scroll'; move: CursorMove; page: number; available: number }
  | { type: 'overlay.open'; overlay: Overlay }
  | { type: 'overlay.scroll'; move: CursorMove; page: number; lines: number }
  | { type: 'overlay.close' }
  | { type: 'message'; text: string; error?: boolean }
  | { type: 'quit' };
