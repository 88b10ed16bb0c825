/**
 * Value parsers for the spellings real exports use. Each returns null for "no value" and throws
 * nothing: the caller decides whether a null is a rejection.
 */

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'capable', 'registered', 'enabled', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'not capable', 'not registered', 'not enabled', 'disabled', 'off']);

export function parseBool(raw: string | undefined | null): boolean | null {
  if (raw == null) return null;
  const v = raw.trim().toLowerCase();
  if (v === '') return null;
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return null;
}

/** Error codes arrive as numbers (Graph), strings (Log Analytics ResultType) or numeric text (CSV). */
export function parseIntOrNull(raw: string | number | undefined | null): number | null {
  if (raw == null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.trunc(raw) : null;
  const v = raw.trim();
  if (v === '' || !/^-?\d+$/u.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

export function emptyToNull(raw: string | undefined | null): string | null {
  if (raw == null) return null;
  const v = raw.trim();
  return v === '' ? null : v;
}

export type DateOrder = 'month-first' | 'day-first';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/iu;
const SLASHED =
  /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(AM|PM)?\s*(Z|UTC)?$/iu;
const SLASHED_DATE_ONLY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/u;
const MS_JSON_DATE = /^\/?Date\((-?\d+)(?:[+-]\d{4})?\)\/?$/u;

function fractionToMs(fraction: string | undefined): number {
  if (!fraction) return 0;
  // Truncated, not rounded: Graph's "never expires" 9999-12-31T23:59:59.9999999Z must stay in 9999,
  // not roll over into the year 10000.
  // Digits, not arithmetic: 0.123 * 1000 is 122.99999999999999 in floating point.
  return Number(`${fraction}00`.slice(0, 3));
}

/**
 * Parses a timestamp to epoch milliseconds, treating zone-less values as UTC (portal downloads are
 * UTC by definition; `[Local Time]` columns are the caller's concern). Slashed dates need the
 * file's order, decided from its values by {@link DateOrderDetector}.
 */
export function parseTimestamp(raw: string | undefined | null, order: DateOrder = 'month-first'): number | null {
  if (raw == null) return null;
  const v = raw.trim();
  if (v === '') return null;
  const fast = isoUtc(v);
  if (fast !== undefined) return fast;
  let m = ISO.exec(v);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac, zone] = m;
    let ms = validDate(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), fractionToMs(frac)), Number(y), Number(mo), Number(d));
    if (ms == null) return null;
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
    }
    return ms;
  }
  m = SLASHED.exec(v) ?? null;
  const dateOnly = m ? null : SLASHED_DATE_ONLY.exec(v);
  if (m || dateOnly) {
    const parts = (m ?? dateOnly) as RegExpExecArray;
    const a = Number(parts[1]);
    const b = Number(parts[2]);
    const y = Number(parts[3]);
    const [month, day] = order === 'day-first' ? [b, a] : [a, b];
    let hour = m ? Number(m[4]) : 0;
    const minute = m ? Number(m[5]) : 0;
    const second = m && m[6] ? Number(m[6]) : 0;
    const ampm = m?.[8]?.toUpperCase();
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    const ms = Date.UTC(y, month - 1, day, hour, minute, second, fractionToMs(m?.[7]));
    return validDate(ms, y, month, day);
  }
  m = MS_JSON_DATE.exec(v);
  if (m) return Number(m[1]);
  return null;
}

const ISO_SECONDS_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18] as const;

/** The last date `isoUtc` read and its midnight (null: not a real date); sign-ins come in runs of one day. */
let lastDay = { year: -1, month: -1, day: -1, ms: null as number | null };

/**
 * `2026-10-21T08:15:00Z` and `2026-10-21T08:15:00.123Z`, the forms of every portal sign-in, read
 * without a regular expression (millions of rows), to the same value the ISO pattern gives.
 * Undefined when `v` has another form: the general parser decides then.
 */
function isoUtc(v: string): number | null | undefined {
  const n = v.length;
  if (n < 20 || v.charCodeAt(n - 1) !== 90 /* Z */ || v.charCodeAt(10) !== 84 /* T */) return undefined;
  const d = (i: number): number => v.charCodeAt(i) - 48;
  for (const i of ISO_SECONDS_DIGITS) {
    const x = d(i);
    if (x < 0 || x > 9) return undefined;
  }
  if (v[4] !== '-' || v[7] !== '-' || v[13] !== ':' || v[16] !== ':') return undefined;
  let ms = 0;
  if (n > 20) {
    // A fraction: `.` and one or more digits, of which the first three count (truncated).
    if (v.charCodeAt(19) !== 46 /* . */ || n < 22) return undefined;
    for (let i = 20; i < n - 1; i++) {
      const x = d(i);
      if (x < 0 || x > 9) return undefined;
      if (i < 23) ms += x * (i === 20 ? 100 : i === 21 ? 10 : 1);
    }
  }
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  if (year !== lastDay.year || month !== lastDay.month || day !== lastDay.day) {
    lastDay = { year, month, day, ms: validDate(Date.UTC(year, month - 1, day), year, month, day) };
  }
  if (lastDay.ms == null) return null;
  // What Date.UTC adds for the time of day, in the same whole-number arithmetic.
  return lastDay.ms + (d(11) * 10 + d(12)) * 3_600_000 + (d(14) * 10 + d(15)) * 60_000 + (d(17) * 10 + d(18)) * 1000 + ms;
}

function validDate(ms: number, year: number, month: number, day: number): number | null {
  if (!Number.isFinite(ms) || month < 1 || month > 12 || day < 1) return null;
  // Date.UTC rolls 31/02 over into March; a date past its month's end was not a real date.
  return day <= daysInMonth(year, month) ? ms : null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Decides day-first vs month-first for one file from the values it has seen: a first field above 12
 * proves day-first, a second field above 12 proves month-first. Without proof it stays ambiguous and
 * the caller reports the assumption.
 */
export class DateOrderDetector {
  private dayFirstProof = 0;
  private monthFirstProof = 0;
  private slashed = 0;

  observe(raw: string | null | undefined): void {
    if (!raw) return;
    const m = /^\s*(\d{1,2})[/.](\d{1,2})[/.]\d{4}/u.exec(raw);
    if (!m) return;
    this.slashed++;
    if (Number(m[1]) > 12) this.dayFirstProof++;
    if (Number(m[2]) > 12) this.monthFirstProof++;
  }

  get decision(): { order: DateOrder; ambiguous: boolean; conflicting: boolean; seen: number } {
    const conflicting = this.dayFirstProof > 0 && this.monthFirstProof > 0;
    if (this.dayFirstProof > 0 && this.monthFirstProof === 0)
      return { order: 'day-first', ambiguous: false, conflicting, seen: this.slashed };
    return {
      order: 'month-first',
      ambiguous: this.slashed > 0 && this.monthFirstProof === 0 && !conflicting,
      conflicting,
      seen: this.slashed,
    };
  }
}

export function isoFromMs(ms: number | null): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}
