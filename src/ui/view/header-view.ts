// The header: what cluster this is, how big, which folder feeds it, how fast its clock runs, where kubectl
// can reach it, and which namespace is in view.

import type { Painter } from './paint.js';
import { escapeControl } from './escape-control.js';
import { fit } from './text-width.js';

export interface HeaderInfo {
  cluster: string;
  nodes: number;
  notReadyNodes: number;
  pods: number;
  folder?: string;
  speed?: number;
  paused?: boolean;
  apiUrl?: string;
  kubeconfigPath?: string;
  namespace?: string;
  nodeFilter?: string;
  readonly?: boolean;
}

export function headerLines(info: HeaderInfo, width: number, painter: Painter): string[] {
  const parts = [
    painter.paint('bold', `⎈ ${escapeControl(info.cluster)}`),
    `nodes ${info.nodes}${info.notReadyNodes ? painter.paint('error', ` (${info.notReadyNodes} NotReady)`) : ''}`,
    `pods ${info.pods}`,
    info.folder !== undefined ? `folder ${escapeControl(info.folder)}` : '',
    info.speed !== undefined ? `speed ${info.speed}x${info.paused ? painter.paint('warn', ' paused') : ''}` : '',
    `ns ${info.nodeFilter ? `(node ${info.nodeFilter})` : info.namespace ?? 'all'}`,
    info.readonly ? painter.paint('warn', 'readonly') : '',
  ].filter(Boolean);
  const plainWidth = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  // Drop trailing parts rather than cut one in the middle of an escape sequence.
  let line = '';
  for (const p of parts) {
    const next = line ? `${line}  ${p}` : p;
    if (plainWidth(next) > width) break;
    line = next;
  }
  const lines = [line];
  if (info.apiUrl) {
    const hint = info.kubeconfigPath ? `   export KUBECONFIG=${info.kubeconfigPath}` : '';
    lines.push(painter.paint('dim', fit(`API ${info.apiUrl}${hint}`, width)));
  }
  return lines;
}
