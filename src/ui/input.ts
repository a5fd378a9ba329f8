// Every key press goes through here, in this order: the shell (which gets the raw key), a confirmation,
// a filter being typed, an overlay's own keys, then the keymap.

import type { Key } from 'ink';
import { chooseContainer, confirm, runCommand } from './commands.js';
import { commandFor, keyName } from './keymap.js';
import type { DashboardModel } from './model/dashboard-model.js';
import type { CursorMove } from './state/ui-state.js';

/** The bytes a terminal would have sent for this key, for the shell overlay. */
export function keyBytes(input: string, key: Key): string {
  if (key.return) return '\r';
  if (key.backspace || key.delete) return '\u007f';
  if (key.tab) return '\t';
  if (key.escape) return '\u001b';
  if (key.upArrow) return '\u001b[A';
  if (key.downArrow) return '\u001b[B';
  if (key.rightArrow) return '\u001b[C';
  if (key.leftArrow) return '\u001b[D';
  if (key.ctrl && input.length === 1) {
    const code = input.toLowerCase().charCodeAt(0);
    if (code >= 97 && code <= 122) return String.fromCharCode(code - 96);
  }
  return input;
}

const OVERLAY_MOVES: Record<string, CursorMove> = {
  j: 'down',
  down: 'down',
  k: 'up',
  up: 'up',
  g: 'top',
  home: 'top',
  G: 'bottom',
  end: 'bottom',
  pagedown: 'pagedown',
  'ctrl-f': 'pagedown',
  space: 'pagedown',
  pageup: 'pageup',
  'ctrl-b': 'pageup',
};

export function handleKey(model: DashboardModel, input: string, key: Key): void {
  const overlay = model.ui.overlay;
  const name = keyName(input, key);

  if (overlay?.kind === 'shell') {
    if (model.shell?.session) model.shell.session.write(keyBytes(input, key));
    return;
  }
  if (name === 'ctrl-c') return model.dispatch({ type: 'quit' });
  if (overlay?.kind === 'confirm') {
    if (input === 'y' || input === 'Y') return confirm(model);
    model.dispatch({ type: 'overlay.close' });
    return model.dispatch({ type: 'message', text: 'cancelled' });
  }
  if (model.ui.editing) {
    if (name === 'return') return model.dispatch({ type: 'filter.commit' });
    if (name === 'escape') return model.dispatch({ type: 'filter.cancel' });
    if (name === 'backspace') return model.dispatch({ type: 'filter.backspace' });
    if (key.ctrl || key.meta || input === '') return;
    return model.dispatch({ type: 'filter.type', text: input });
  }
  if (overlay) {
    if (name === 'escape' || name === 'q') return model.dispatch({ type: 'overlay.close' });
    if (overlay.kind === 'containers' && name === 'return') return chooseContainer(model);
    const move = OVERLAY_MOVES[name];
    if (move) {
      return model.dispatch({ type: 'overlay.scroll', move, page: Math.max(1, model.memory.bodyHeight - 1), lines: model.memory.overlayLines });
    }
    if (name === '?' && overlay.kind === 'help') return model.dispatch({ type: 'overlay.close' });
    return;
  }
  const command = commandFor(model.keymap, name, model.ui.focus);
  if (command) runCommand(model, command);
}
