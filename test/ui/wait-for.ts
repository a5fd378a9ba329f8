// Polling with a deadline: tests wait for a frame to show something instead of sleeping a fixed time.

export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Lets microtasks, immediates and a throttle interval pass: for "nothing else happens" checks. */
export async function settle(ms = 100): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}
