// The UI state machine: a pure function, tested without Ink.

import { PANES, type CursorMove, type UiAction, type UiState } from './ui-state.js';

function moveIndex(from: number, move: CursorMove, count: number, page: number): number {
  if (count <= 0) return 0;
  const step = Math.max(1, page - 1);
  const next = {
    down: from + 1,
    up: from - 1,
    top: 0,
    bottom: count - 1,
    pagedown: from + step,
    pageup: from - step,
  }[move];
  return Math.max(0, Math.min(count - 1, next));
}

export function reduceUi(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'focus.next':
    case 'focus.prev': {
      const i = PANES.indexOf(state.focus);
      const d = action.type === 'focus.next' ? 1 : PANES.length - 1;
      return { ...state, focus: PANES[(i + d) % PANES.length]!, message: undefined };
    }
    case 'focus':
      return { ...state, focus: action.pane };
    case 'cursor': {
      const index = moveIndex(action.from, action.move, action.keys.length, action.page);
      return {
        ...state,
        cursor: { ...state.cursor, [action.pane]: index },
        selected: { ...state.selected, [action.pane]: action.keys[index] },
        message: undefined,
      };
    }
    case 'select':
      return {
        ...state,
        cursor: { ...state.cursor, [action.pane]: action.index },
        selected: { ...state.selected, [action.pane]: action.key },
      };
    case 'namespace.toggle':
      return {
        ...state,
        namespace: state.namespace === undefined ? state.homeNamespace : undefined,
        nodeFilter: undefined,
      };
    case 'node.drill':
      return { ...state, nodeFilter: action.node, namespace: undefined, focus: 'pods', cursor: { ...state.cursor, pods: 0 }, selected: { ...state.selected, pods: undefined } };
    case 'filter.start':
      return { ...state, editing: { pane: action.pane, text: state.filters[action.pane] } };
    case 'filter.type':
      if (!state.editing) return state;
      return withFilter(state, state.editing.text + action.text);
    case 'filter.backspace':
      if (!state.editing) return state;
      return withFilter(state, [...state.editing.text].slice(0, -1).join(''));
    case 'filter.commit':
      return { ...state, editing: undefined };
    case 'filter.cancel':
      if (!state.editing) return state;
      return { ...withFilter(state, ''), editing: undefined };
    case 'back':
      // Peel one layer: an overlay, a filter being typed, a filter, the node drill-down, all namespaces.
      if (state.overlay) return { ...state, overlay: undefined };
      if (state.editing) return { ...withFilter(state, ''), editing: undefined };
      if (state.filters[state.focus]) return { ...state, filters: { ...state.filters, [state.focus]: '' } };
      if (state.nodeFilter) return { ...state, nodeFilter: undefined, namespace: state.homeNamespace };
      if (state.message) return { ...state, message: undefined };
      return state;
    case 'logs.container':
      return { ...state, logs: { ...state.logs, container: action.container, scrollBack: 0, follow: true } };
    case 'logs.toggle': {
      const logs = { ...state.logs, [action.option]: !state.logs[action.option] };
      if (action.option === 'follow' && logs.follow) logs.scrollBack = 0;
      if (action.option === 'previous') logs.scrollBack = 0;
      return { ...state, logs };
    }
    case 'logs.scroll': {
      // Logs count from the newest line: scrolling up leaves follow mode, reaching the bottom resumes it.
      const max = Math.max(0, action.available - action.page);
      const step = Math.max(1, action.page - 1);
      const delta = { down: -1, up: 1, top: max, bottom: -Infinity, pagedown: -step, pageup: step }[action.move];
      const base = action.move === 'top' ? 0 : state.logs.scrollBack;
      const scrollBack = Math.max(0, Math.min(max, base + delta));
      return { ...state, logs: { ...state.logs, scrollBack, follow: scrollBack === 0 } };
    }
    case 'overlay.open':
      return { ...state, overlay: action.overlay, editing: undefined };
    case 'overlay.scroll': {
      const o = state.overlay;
      if (!o) return state;
      if (o.kind === 'containers') return { ...state, overlay: { ...o, cursor: moveIndex(o.cursor, action.move, action.lines, action.page) } };
      if (o.kind !== 'describe' && o.kind !== 'yaml' && o.kind !== 'help') return state;
      const max = Math.max(0, action.lines - action.page);
      const scroll = Math.min(max, moveIndex(o.scroll, action.move, max + 1, action.page));
      return { ...state, overlay: { ...o, scroll } };
    }
    case 'overlay.close':
      return { ...state, overlay: undefined };
    case 'message':
      return { ...state, message: { text: action.text, error: action.error ?? false } };
    case 'quit':
      return { ...state, quitting: true };
  }
}

function withFilter(state: UiState, text: string): UiState {
  const pane = state.editing!.pane;
  return {
    ...state,
    editing: { pane, text },
    filters: { ...state.filters, [pane]: text },
    cursor: pane === 'logs' ? state.cursor : { ...state.cursor, [pane]: 0 },
  };
}
