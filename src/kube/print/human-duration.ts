// Durations and ages exactly as kubectl and the API server's printers write them
// (apimachinery `duration.HumanDuration` and the printers' `translateTimestampSince`).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** Go's integer division truncates toward zero; so must ours, or negative durations round the wrong way. */
function whole(ms: number, unit: number): number {
  return Math.trunc(ms / unit);
}

/**
 * `2m5s`, `10m`, `3h15m`, `2d4h`, `3y12d`… about two significant figures.
 * Up to one second in the future still reads `0s` (clock skew between machines); further is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = whole(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = whole(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${whole(ms, YEAR)}y`;
}

/** Milliseconds since the epoch for an RFC 3339 timestamp; undefined when absent or unparseable. */
export function parseTimestamp(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? undefined : t;
}

/** The AGE column (and every "N ago"): `<unknown>` when the object carries no timestamp. */
export function ageColumn(timestamp: string | null | undefined, now: number): string {
  const t = parseTimestamp(timestamp);
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}
