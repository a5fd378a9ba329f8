// Colour as data: every styled span on screen goes through a Painter, which is either ANSI or plain.
// We write the SGR sequences ourselves (instead of <Text color>) because a row is one string in one <Text>,
// and because chalk ignores NO_COLOR; a plain painter is how --no-color and NO_COLOR are honoured.

export type Style =
  | 'ok' // Running, Ready, created
  | 'progress' // Pending, ContainerCreating, Terminating
  | 'done' // Completed
  | 'error' // CrashLoopBackOff, ErrImagePull, NotReady, errors
  | 'warn'
  | 'dim'
  | 'bold'
  | 'title'
  | 'focusTitle'
  | 'selected'
  | 'match'
  | 'key';

const SGR: Record<Style, [string, string]> = {
  ok: ['\u001b[32m', '\u001b[39m'],
  progress: ['\u001b[33m', '\u001b[39m'],
  done: ['\u001b[90m', '\u001b[39m'],
  error: ['\u001b[31m', '\u001b[39m'],
  warn: ['\u001b[33m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
  title: ['\u001b[1m', '\u001b[22m'],
  focusTitle: ['\u001b[1;36m', '\u001b[22;39m'],
  selected: ['\u001b[7m', '\u001b[27m'],
  match: ['\u001b[30;43m', '\u001b[39;49m'],
  key: ['\u001b[1;36m', '\u001b[22;39m'],
};

export interface Painter {
  readonly color: boolean;
  paint(style: Style, text: string): string;
}

export const ansiPainter: Painter = {
  color: true,
  paint: (style, text) => (text === '' ? '' : SGR[style][0] + text + SGR[style][1]),
};

export const plainPainter: Painter = {
  color: false,
  paint: (_style, text) => text,
};

/** NO_COLOR (any non-empty value, see no-color.org) or --no-color turns colour off. */
export function choosePainter(noColor: boolean | undefined, env: NodeJS.ProcessEnv = process.env): Painter {
  if (noColor) return plainPainter;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return plainPainter;
  return ansiPainter;
}
