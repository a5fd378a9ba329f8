// A pane's first line: its name and what it shows. The focused pane is marked by `▶` (so it is visible
// without colour) and by colour when there is some.

import type { UiState } from '../state/ui-state.js';
import type { Painter } from './paint.js';
import { fit } from './text-width.js';

export function paneTitle(painter: Painter, name: string, detail: string, focused: boolean, width: number): string {
  const text = fit(`${focused ? '▶' : ' '} ${name}${detail ? `  ${detail}` : ''}`, width);
  return painter.paint(focused ? 'focusTitle' : 'title', text);
}

/** A row with the cursor on it: `>` in the gutter, reverse video when there is colour. */
export function selectableRow(painter: Painter, text: string, selected: boolean, focused: boolean): string {
  if (!selected) return ' ' + text;
  if (!painter.color) return '>' + text;
  return focused ? painter.paint('selected', '>' + text) : painter.paint('bold', '>' + text);
}

/** What every list pane's builder is given: the UI state, its box, the painter and where it was scrolled. */
export interface ListPaneArgs {
  ui: UiState;
  width: number;
  height: number;
  painter: Painter;
  /** The first row shown last frame, so the window only moves when the cursor leaves it. */
  previousTop: number;
  focused: boolean;
}
