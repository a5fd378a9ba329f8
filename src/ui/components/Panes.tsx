// The dashboard's regions. Each is a thin shell around lines built outside React (src/ui/view), so the
// panes are cheap to render and their content is tested without Ink too.

import React from 'react';
import { Lines } from './Lines.js';

interface PaneProps {
  lines: readonly string[];
  width: number;
  height?: number;
}

export const Header = ({ lines, width }: PaneProps) => <Lines lines={lines} width={width} />;
export const NodesPane = (p: PaneProps) => <Lines {...p} />;
export const PodsPane = (p: PaneProps) => <Lines {...p} />;
export const LogsPane = (p: PaneProps) => <Lines {...p} />;
export const ProblemsPane = (p: PaneProps) => <Lines {...p} />;
export const Overlay = (p: PaneProps) => <Lines {...p} />;
export const HintBar = ({ line, width }: { line: string; width: number }) => <Lines lines={[line]} width={width} />;
