// Go's time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700"), which kubectl describe uses for every timestamp.
// kubectl parses API timestamps into the local zone, so the offset is the viewer's, not UTC.

import { parseTimestamp } from '../human-duration.js';

export type TimeZone = 'local' | 'UTC';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Go zero time (an absent timestamp) formats in UTC whatever the zone. */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

export function rfc1123z(timestamp: string | null | undefined, zone: TimeZone): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return ZERO_TIME;
  const offsetMinutes = zone === 'UTC' ? 0 : -new Date(ms).getTimezoneOffset();
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCFullYear(), 4)} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}
