import type { ActivityDay, IdentityActivity } from '../../../shared/contract/activity';
import { formatCount } from '../format';

const DAY = 86_400_000;
/** Beyond this many days a bar stands for several: a bar stays wide enough to see and to point at. */
export const MAX_BARS = 120;

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const CATEGORIES = [
  ['interactive', 'Interactive'],
  ['nonInteractive', 'Non-interactive'],
  ['servicePrincipal', 'Service principal'],
  ['managedIdentity', 'Managed identity'],
] as const satisfies readonly (readonly [keyof IdentityActivity['totals'], string])[];

/** Why there is no chart to draw, in words, or null when there is one. */
export function noActivityText(a: IdentityActivity): string | null {
  if (a.profile === 'not_analysed') return 'Not analysed yet. Run the analysis after importing sign-in logs.';
  if (a.profile === 'outdated') return 'This engagement was analysed by an earlier version of nhi-audit. Run the analysis again to see its sign-in activity.';
  if (a.totals.signIns === 0) return a.window ? `No sign-ins between ${a.window.from} and ${a.window.to} (UTC).` : 'No sign-in logs were imported.';
  return null;
}

export type CategoryKey = (typeof CATEGORIES)[number][0];

export interface TimelineBar {
  from: string;
  to: string;
  interactive: number;
  nonInteractive: number;
  servicePrincipal: number;
  managedIdentity: number;
  failures: number;
  total: number;
}

export interface Timeline {
  bars: TimelineBar[];
  from: string;
  to: string;
  /** Calendar days in the window and days a bar stands for. */
  days: number;
  bucketDays: number;
}

const ms = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayText = (t: number): string => new Date(t).toISOString().slice(0, 10);

/**
 * The window's days as bars, idle days included (a gap is evidence too): the analysis's evidence
 * window, widened to any day with sign-ins outside it.
 */
export function buildTimeline(days: readonly ActivityDay[], window: IdentityActivity['window']): Timeline | null {
  const first = days[0]?.day;
  const last = days[days.length - 1]?.day;
  const fromDay = [window?.from, first].filter((d): d is string => d != null).sort()[0];
  const toDay = [window?.to, last].filter((d): d is string => d != null).sort().pop();
  if (!fromDay || !toDay) return null;
  const start = ms(fromDay);
  const span = Math.round((ms(toDay) - start) / DAY) + 1;
  const bucketDays = Math.ceil(span / MAX_BARS);
  const bars: TimelineBar[] = Array.from({ length: Math.ceil(span / bucketDays) }, (_, i) => ({
    from: dayText(start + i * bucketDays * DAY),
    to: dayText(Math.min(start + ((i + 1) * bucketDays - 1) * DAY, ms(toDay))),
    interactive: 0,
    nonInteractive: 0,
    servicePrincipal: 0,
    managedIdentity: 0,
    failures: 0,
    total: 0,
  }));
  for (const d of days) {
    const bar = bars[Math.floor(Math.round((ms(d.day) - start) / DAY) / bucketDays)];
    if (!bar) continue;
    bar.interactive += d.interactive;
    bar.nonInteractive += d.nonInteractive;
    bar.servicePrincipal += d.servicePrincipal;
    bar.managedIdentity += d.managedIdentity;
    bar.failures += d.failures;
    bar.total += d.interactive + d.nonInteractive + d.servicePrincipal + d.managedIdentity;
  }
  return { bars, from: fromDay, to: toDay, days: span, bucketDays };
}

/** What one bar says, for its tooltip: when, how many, of which kinds, how many failed. */
export function barText(bar: TimelineBar): string {
  const when = bar.from === bar.to ? bar.from : `${bar.from} to ${bar.to}`;
  if (bar.total === 0) return `${when}: no sign-ins`;
  const split = CATEGORIES.filter(([k]) => bar[k] > 0).map(([k, label]) => `${formatCount(bar[k])} ${label.toLowerCase()}`);
  const failed = bar.failures > 0 ? `; ${formatCount(bar.failures)} failed` : '';
  return `${when}: ${formatCount(bar.total)} sign-in${bar.total === 1 ? '' : 's'} (${split.join(', ')})${failed}`;
}

/** The chart in a sentence, for people who cannot see it. */
export function timelineSummary(t: Timeline, totals: IdentityActivity['totals']): string {
  const active = t.bars.filter((b) => b.total > 0);
  const peak = active.reduce<TimelineBar | null>((best, b) => (best == null || b.total > best.total ? b : best), null);
  const unit = t.bucketDays === 1 ? 'day' : `${t.bucketDays} days`;
  const split = CATEGORIES.filter(([k]) => totals[k] > 0).map(([k, label]) => `${formatCount(totals[k])} ${label.toLowerCase()}`);
  const parts = [
    `Sign-ins per ${unit} from ${t.from} to ${t.to} (UTC): ${formatCount(totals.signIns)} in total`,
    split.length > 1 ? `(${split.join(', ')})` : '',
    t.bucketDays === 1 ? `on ${formatCount(active.length)} of ${formatCount(t.days)} days` : '',
  ].filter(Boolean);
  const peakText = peak ? `; busiest ${peak.from === peak.to ? peak.from : `${peak.from} to ${peak.to}`} with ${formatCount(peak.total)}` : '';
  const failed = totals.failures > 0 ? `; ${formatCount(totals.failures)} failed` : '; none failed';
  return `${parts.join(' ')}${peakText}${failed}.`;
}

/** Shade of a heat map cell, 0 (none) to 5; square root so a few sign-ins beside a busy hour still show. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil(5 * Math.sqrt(count / max))));
}

export const hourText = (h: number): string => `${String(h).padStart(2, '0')}:00`;

export function cellTitle(weekday: number, hour: number, count: number): string {
  return `${WEEKDAYS[weekday] ?? ''} ${hourText(hour)} UTC: ${formatCount(count)} sign-in${count === 1 ? '' : 's'}`;
}

/** The heat map in a sentence: how much of the week it covers, its busiest hour, the weekend share. */
export function heatSummary(weekHours: readonly (readonly number[])[]): string {
  let total = 0;
  let active = 0;
  let weekend = 0;
  let best = { wd: 0, h: 0, n: -1 };
  weekHours.forEach((hours, wd) =>
    hours.forEach((n, h) => {
      total += n;
      if (n > 0) active++;
      if (wd >= 5) weekend += n;
      if (n > best.n) best = { wd, h, n };
    }),
  );
  if (total === 0) return 'Sign-ins by weekday and hour (UTC): none.';
  const share = Math.round((weekend / total) * 100);
  return (
    `Sign-ins by weekday and hour (UTC): in ${active} of the week's 168 hours; ` +
    `busiest ${WEEKDAYS[best.wd] ?? ''} ${hourText(best.h)} with ${formatCount(best.n)}; ${share}% at weekends.`
  );
}
