// The bottom line: the keys that work here (generated from the keymap), or what is being typed, or the
// question being asked, or the outcome of the last action.

import type { Binding, Pane } from '../keymap.js';
import { hintsFor } from '../keymap.js';
import type { UiState } from '../state/ui-state.js';
import { escapeControl } from './escape-control.js';
import type { Painter } from './paint.js';
import { fit } from './text-width.js';

export function hintLine(keymap: readonly Binding[], ui: UiState, width: number, painter: Painter): string {
  if (ui.overlay?.kind === 'confirm') return painter.paint('warn', fit(`${ui.overlay.question} (y/N)`, width));
  if (ui.editing) {
    return fit(`/${escapeControl(ui.editing.text)}█`, width) + painter.paint('dim', fit('  enter keep · esc clear', Math.max(0, width - ui.editing.text.length - 2)));
  }
  if (ui.message) return painter.paint(ui.message.error ? 'error' : 'ok', fit(escapeControl(ui.message.text), width));
  const pane: Pane = ui.focus;
  const hints = hintsFor(keymap, pane);
  // Help and quit always show, at the end; the rest fills what is left, the pane's own keys first.
  const always = hints.filter((h) => h.description === 'help' || h.description === 'quit');
  const rest = hints.filter((h) => !always.includes(h));
  const text = (h: { keys: string; description: string }) => `${h.keys} ${h.description}`;
  const tail = always.map(text).join('  ');
  const chosen: typeof hints = [];
  let used = tail.length;
  for (const h of rest) {
    if (used + text(h).length + 2 > width) break;
    chosen.push(h);
    used += text(h).length + 2;
  }
  return [...chosen, ...always].map((h) => painter.paint('key', h.keys) + ' ' + h.description).join('  ');
}
