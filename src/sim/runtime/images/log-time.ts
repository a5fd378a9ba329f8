// Timestamps as the images' own loggers print them, in the container's local time (UTC: TZ is unset).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

// Thousands of containers start within the same simulated second: the last second's text is kept.
let slashSecond = NaN;
let slashText = '';

/** Go's log package and nginx's error log: `2026/11/28 21:03:12`. */
export function slashTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== slashSecond) {
    const d = new Date(ms);
    slashText = `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    slashSecond = second;
  }
  return slashText;
}

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
