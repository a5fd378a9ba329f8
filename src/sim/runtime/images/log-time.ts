// Timestamps as the images' own loggers print them, in the container's local time (UTC: TZ is unset).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * A text that depends only on the second it is written in, rendered once per second however many write it:
 * thousands of containers start within the same simulated second.
 */
export function perSecond(render: (ms: number) => string): (ms: number) => string {
  let second = NaN;
  let text = '';
  return (ms) => {
    const now = Math.floor(ms / 1000);
    if (now !== second) {
      second = now;
      text = render(ms);
    }
    return text;
  };
}

/** Go's log package and nginx's error log: `2026/11/28 21:03:12`. */
export const slashTime = perSecond((ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
});

/** nginx's $time_local: `28/Nov/2026:21:03:12 +0000`. */
export function nginxLocalTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** redis: `28 Nov 2026 21:03:12.123`. */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** PostgreSQL's log_line_prefix `%m`: `2026-11-28 21:03:12.123 UTC`. */
export function isoLogTime(ms: number): string {
  return `${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')} UTC`;
}
