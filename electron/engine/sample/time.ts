/**
 * Calendar arithmetic and the date spellings the real exports use. Everything is computed from the
 * `asOf` option, never from the clock, so reruns are identical.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Days since 1970-01-01 (UTC); the unit the generator plans in. */
export const epochDay = (ms: number): number => Math.floor(ms / DAY);

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfEpochDay = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (day: number): boolean => {
  const wd = weekdayOfEpochDay(day);
  return wd === 0 || wd === 6;
};

export function parseYmd(ymd: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(ymd);
  if (!m) throw new Error(`asOf must be YYYY-MM-DD, got "${ymd}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function ymd(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "Download users" file-name date: month and day not zero-padded (`exportUsers_2025-5-20.csv`). */
export function ymdUnpadded(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()}`;
}

/** Portal sign-in CSV style: `2026-11-14T19:18:05Z` (UTC, no fraction). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Graph credential style: seven fractional digits, as Graph returns for key and password credentials. */
export function isoSevenDigits(ms: number, extraTicks = 0): string {
  const base = new Date(ms).toISOString(); // 2026-01-02T03:04:05.678Z
  return `${base.slice(0, 23)}${pad(extraTicks % 10000, 4)}Z`;
}

/** "Download users" CSV style (en-US locale): `8/19/2021 1:25:31 PM`. */
export function usDateTime(ms: number): string {
  const d = new Date(ms);
  const h24 = d.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const suffix = h24 < 12 ? 'AM' : 'PM';
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${suffix}`;
}

/** A fixed UTC offset with an optional daylight-saving rule, enough to put office hours in the right UTC hours. */
export interface Zone {
  readonly id: string;
  readonly stdOffsetMin: number;
  readonly dst: 'us' | 'eu' | 'none';
}

/** Epoch ms of the n-th (1-based; 0 = last) Sunday of a month, at 00:00 UTC. */
function sundayOf(year: number, month: number, n: number): number {
  if (n === 0) {
    const last = Date.UTC(year, month + 1, 0);
    return last - weekdayOfEpochDay(epochDay(last)) * DAY;
  }
  const first = Date.UTC(year, month, 1);
  const toSunday = (7 - weekdayOfEpochDay(epochDay(first))) % 7;
  return first + (toSunday + 7 * (n - 1)) * DAY;
}

/** Offset from UTC in minutes at the given instant (US and EU rules as in force since 2007 / 1996). */
export function offsetMinutes(zone: Zone, utcMs: number): number {
  if (zone.dst === 'none') return zone.stdOffsetMin;
  const year = new Date(utcMs).getUTCFullYear();
  let start: number;
  let end: number;
  if (zone.dst === 'eu') {
    start = sundayOf(year, 2, 0) + HOUR; // last Sunday of March, 01:00 UTC
    end = sundayOf(year, 9, 0) + HOUR; // last Sunday of October, 01:00 UTC
  } else {
    start = sundayOf(year, 2, 2) + 2 * HOUR - zone.stdOffsetMin * MINUTE; // second Sunday of March, 02:00 local
    end = sundayOf(year, 10, 1) + 2 * HOUR - (zone.stdOffsetMin + 60) * MINUTE; // first Sunday of November, 02:00 local
  }
  return utcMs >= start && utcMs < end ? zone.stdOffsetMin + 60 : zone.stdOffsetMin;
}

/** UTC instant of a local wall-clock time (minutes after local midnight) on a local calendar day. */
export function localToUtc(zone: Zone, localDay: number, localMinutes: number): number {
  const naive = localDay * DAY + localMinutes * MINUTE;
  // Two passes settle the offset on the right side of a DST change.
  const first = naive - offsetMinutes(zone, naive) * MINUTE;
  return naive - offsetMinutes(zone, first) * MINUTE;
}
