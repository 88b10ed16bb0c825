import type { DayRange } from '../contract/coverage';

const DAY_MS = 86_400_000;

/** The UTC day of a timestamp, or null when it is not a readable time. */
export function dayOf(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both inclusive. */
export function daysIn(r: DayRange): number {
  return Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Sorts and merges ranges that overlap or touch (the 7th to the 8th and the 9th to the 10th are one range). */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: DayRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= addDays(last.to, 1)) {
      if (r.to > last.to) last.to = r.to;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** The days of `window` that `covered` (merged) leaves out. */
export function gapsIn(window: DayRange, covered: readonly DayRange[]): DayRange[] {
  const gaps: DayRange[] = [];
  let next = window.from;
  for (const r of covered) {
    if (r.to < next) continue;
    if (r.from > window.to) break;
    if (r.from > next) gaps.push({ from: next, to: addDays(r.from, -1) });
    next = addDays(r.to, 1);
  }
  if (next <= window.to) gaps.push({ from: next, to: window.to });
  return gaps;
}

export function formatRange(r: DayRange): string {
  return r.from === r.to ? r.from : `${r.from} to ${r.to}`;
}
