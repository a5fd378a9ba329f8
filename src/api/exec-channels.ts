// The v5.channel.k8s.io framing of `kubectl exec` over WebSocket: binary messages whose first byte is the
// stream (0 stdin, 1 stdout, 2 stderr, 3 error/status, 4 resize, 255 close a stream).

export const EXEC_PROTOCOL = 'v5.channel.k8s.io';

export const Channel = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

export function frame(channel: number, payload: string | Buffer = ''): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([Buffer.from([channel]), body]);
}

/** The one Status kubectl reads from channel 3: Success, or NonZeroExitCode with the code as its cause. */
export function exitStatus(exitCode: number, argv: readonly string[]): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** `{"Width":80,"Height":24}` (Go field names), or undefined when the payload is not one. */
export function parseResize(payload: Buffer): { width: number; height: number } | undefined {
  try {
    const value = JSON.parse(payload.toString('utf8')) as { Width?: unknown; Height?: unknown };
    if (typeof value.Width === 'number' && typeof value.Height === 'number') return { width: value.Width, height: value.Height };
  } catch {
    // ignore a malformed resize: a terminal size is never worth ending the session over
  }
  return undefined;
}
