// The one keymap: every key the dashboard answers to is a row here. Input dispatch, the hint bar and the
// help overlay are all generated from this table, so they cannot disagree; `--readonly` drops every row
// marked dangerous in one place. Nothing destructive is bound to bare Esc (a lone Esc is ambiguous over ssh).

import type { Key } from 'ink';

export type Pane = 'nodes' | 'pods' | 'logs' | 'problems';
/** Where a binding applies: everywhere, or only while a pane has the focus. */
export type Scope = 'global' | Pane;

export type Command =
  | 'pane.next'
  | 'pane.prev'
  | 'cursor.down'
  | 'cursor.up'
  | 'cursor.top'
  | 'cursor.bottom'
  | 'page.down'
  | 'page.up'
  | 'drill'
  | 'back'
  | 'logs.show'
  | 'logs.previous'
  | 'logs.follow'
  | 'logs.wrap'
  | 'logs.timestamps'
  | 'logs.containers'
  | 'namespace.all'
  | 'filter'
  | 'describe'
  | 'yaml'
  | 'shell'
  | 'pod.delete'
  | 'pod.kill'
  | 'node.cordon'
  | 'node.uncordon'
  | 'node.drain'
  | 'node.fault'
  | 'clock.faster'
  | 'clock.slower'
  | 'clock.pause'
  | 'help'
  | 'quit';

export interface Binding {
  /** Normalised key names (see keyName): `j`, `G`, `down`, `ctrl-d`, `shift-tab`, `return`, `space`. */
  keys: string[];
  command: Command;
  description: string;
  scope: Scope;
  /** Changes the cluster: left out under --readonly. */
  dangerous?: boolean;
  /** Shown and bound only when the source offers this capability. */
  needs?: 'clock' | 'nodeFaults';
  /** Shown in the one-line hint bar (the help overlay lists everything). */
  hint?: boolean;
}

export const KEYMAP: readonly Binding[] = [
  { keys: ['tab'], command: 'pane.next', description: 'next pane', scope: 'global', hint: true },
  { keys: ['shift-tab'], command: 'pane.prev', description: 'previous pane', scope: 'global' },
  { keys: ['j', 'down'], command: 'cursor.down', description: 'down', scope: 'global' },
  { keys: ['k', 'up'], command: 'cursor.up', description: 'up', scope: 'global' },
  { keys: ['g', 'home'], command: 'cursor.top', description: 'first line', scope: 'global' },
  { keys: ['G', 'end'], command: 'cursor.bottom', description: 'last line', scope: 'global' },
  { keys: ['pagedown', 'ctrl-f'], command: 'page.down', description: 'page down', scope: 'global' },
  { keys: ['pageup', 'ctrl-b'], command: 'page.up', description: 'page up', scope: 'global' },
  { keys: ['return'], command: 'drill', description: "node: its Pods; Pod: its containers", scope: 'global', hint: true },
  { keys: ['escape'], command: 'back', description: 'back (close, clear filter, leave drill-down)', scope: 'global' },
  { keys: ['l'], command: 'logs.show', description: 'logs of the selected Pod', scope: 'global', hint: true },
  { keys: ['p'], command: 'logs.previous', description: 'previous instance logs on/off', scope: 'global' },
  { keys: ['0'], command: 'namespace.all', description: 'all namespaces / back to one', scope: 'global', hint: true },
  { keys: ['/'], command: 'filter', description: 'filter rows (logs pane: filter lines)', scope: 'global', hint: true },
  { keys: ['d'], command: 'describe', description: 'describe', scope: 'global', hint: true },
  { keys: ['y'], command: 'yaml', description: 'YAML', scope: 'global', hint: true },
  { keys: ['s'], command: 'shell', description: 'shell in the selected container', scope: 'pods', dangerous: true, hint: true },
  { keys: ['ctrl-d'], command: 'pod.delete', description: 'delete the Pod (asks first)', scope: 'pods', dangerous: true, hint: true },
  { keys: ['ctrl-k'], command: 'pod.kill', description: 'kill the Pod (grace period 0)', scope: 'pods', dangerous: true },
  { keys: ['s'], command: 'logs.follow', description: 'autoscroll (follow) on/off', scope: 'logs', hint: true },
  { keys: ['w'], command: 'logs.wrap', description: 'wrap on/off', scope: 'logs', hint: true },
  { keys: ['t'], command: 'logs.timestamps', description: 'timestamps on/off', scope: 'logs', hint: true },
  { keys: ['c'], command: 'logs.containers', description: 'pick a container (or all)', scope: 'logs', hint: true },
  { keys: ['c'], command: 'node.cordon', description: 'cordon the node', scope: 'nodes', dangerous: true, hint: true },
  { keys: ['u'], command: 'node.uncordon', description: 'uncordon the node', scope: 'nodes', dangerous: true, hint: true },
  { keys: ['r'], command: 'node.drain', description: 'drain: cordon and evict its Pods', scope: 'nodes', dangerous: true, hint: true },
  { keys: ['x'], command: 'node.fault', description: 'stop / restart the node (simulated fault)', scope: 'nodes', dangerous: true, needs: 'nodeFaults', hint: true },
  { keys: ['+'], command: 'clock.faster', description: 'simulation faster', scope: 'global', needs: 'clock' },
  { keys: ['-'], command: 'clock.slower', description: 'simulation slower', scope: 'global', needs: 'clock' },
  { keys: ['space'], command: 'clock.pause', description: 'pause / resume the simulation', scope: 'global', needs: 'clock' },
  { keys: ['?'], command: 'help', description: 'help', scope: 'global', hint: true },
  { keys: ['q', 'ctrl-c'], command: 'quit', description: 'quit', scope: 'global', hint: true },
];

export interface KeymapOptions {
  readonly?: boolean;
  clock?: boolean;
  nodeFaults?: boolean;
}

/** The bindings in force: dangerous ones dropped under --readonly, capability ones only when offered. */
export function activeKeymap(options: KeymapOptions, table: readonly Binding[] = KEYMAP): Binding[] {
  return table.filter((b) => {
    if (options.readonly && b.dangerous) return false;
    if (b.needs === 'clock' && !options.clock) return false;
    if (b.needs === 'nodeFaults' && !options.nodeFaults) return false;
    return true;
  });
}

/** The command a key runs with `pane` focused: a pane's own binding wins over a global one. */
export function commandFor(keymap: readonly Binding[], key: string, pane: Pane): Command | undefined {
  let global: Command | undefined;
  for (const b of keymap) {
    if (!b.keys.includes(key)) continue;
    if (b.scope === pane) return b.command;
    if (b.scope === 'global' && global === undefined) global = b.command;
  }
  return global;
}

/** A key press as a normalised name: `j`, `G`, `ctrl-d`, `shift-tab`, `up`, `return`, `escape`, `backspace`. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  // Ink 6.8 reports 0x7F (what most terminals send for Backspace) as `delete`: treat both alike.
  if (key.backspace || key.delete) return 'backspace';
  if (key.escape) return 'escape';
  if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/** How a key name is written for people: `ctrl-d` → `ctrl-d`, `return` → `enter`. */
export function keyLabel(key: string): string {
  const labels: Record<string, string> = {
    return: 'enter',
    escape: 'esc',
    pagedown: 'pgdn',
    pageup: 'pgup',
    up: '↑',
    down: '↓',
  };
  return labels[key] ?? key;
}

/** Keys that start a command here, grouped by command, for the hint bar (pane's own first). */
export function hintsFor(keymap: readonly Binding[], pane: Pane): { keys: string; description: string }[] {
  const shown = new Set<string>();
  const out: { keys: string; description: string }[] = [];
  const scoped = keymap.filter((b) => b.hint && b.scope === pane);
  const global = keymap.filter((b) => b.hint && b.scope === 'global');
  for (const b of [...scoped, ...global]) {
    const free = b.keys.filter((k) => !shown.has(k));
    if (free.length === 0) continue;
    free.forEach((k) => shown.add(k));
    out.push({ keys: keyLabel(free[0]!), description: shortHint(b) });
  }
  return out;
}

function shortHint(b: Binding): string {
  const short: Partial<Record<Command, string>> = {
    'pane.next': 'pane',
    drill: 'open',
    'logs.show': 'logs',
    'namespace.all': 'all ns',
    filter: 'filter',
    describe: 'describe',
    yaml: 'yaml',
    shell: 'shell',
    'pod.delete': 'delete',
    'logs.follow': 'follow',
    'logs.wrap': 'wrap',
    'logs.timestamps': 'time',
    'logs.containers': 'container',
    'node.cordon': 'cordon',
    'node.uncordon': 'uncordon',
    'node.drain': 'drain',
    'node.fault': 'stop/start',
    help: 'help',
    quit: 'quit',
  };
  return short[b.command] ?? b.description;
}
