// Text from manifests, logs and exec output goes through here before it reaches the screen: a control
// character written as-is could move the cursor, change colours or retitle the terminal (escape-sequence
// injection), so every one is shown escaped instead (`\x1b`, `\x07`, ...). Tabs become spaces so columns
// stay predictable.

// C0 controls, DEL and the C1 range (0x80–0x9f, which some terminals treat as CSI and friends).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeOne(ch: string): string {
  if (ch === '\t') return '    ';
  return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

export function escapeControl(text: string): string {
  // The fast path matters: most log lines contain no control characters at all.
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  CONTROL.lastIndex = 0;
  return text.replace(CONTROL, escapeOne);
}
