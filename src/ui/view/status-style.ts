// Colour by meaning, one function per column, as k9s picks a row's colour from its state.

import type { Style } from './paint.js';

const PROGRESS = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'SchedulingGated']);
const DONE = new Set(['Completed', 'Succeeded']);

export function podStatusStyle(status: string): Style {
  if (status === 'Running') return 'ok';
  if (DONE.has(status)) return 'done';
  if (PROGRESS.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'progress';
  return 'error';
}

export function readyStyle(ready: string): Style {
  const [a, b] = ready.split('/');
  return a === b ? 'ok' : 'progress';
}

export function nodeStatusStyle(status: string): Style {
  if (status === 'Ready') return 'ok';
  if (status.startsWith('Ready,')) return 'warn';
  return 'error';
}
