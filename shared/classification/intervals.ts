import type { IntervalStats } from './profile';

/** Sign-ins closer than this belong to one run (a password grant and its token refreshes). */
const BURST_MS = 60_000;
const MINUTE = 60_000;

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * How regular the gaps between runs are. `times` must be sorted. A gap counts as regular when it
 * is within `toleranceShare` of the median gap (at least one minute either way): a job every 15
 * minutes with a little jitter is regular, a person's working day is not. Null below three gaps.
 */
export function intervalStats(times: readonly number[], toleranceShare: number): IntervalStats | null {
  const gaps: number[] = [];
  let runStart = times[0];
  for (let i = 1; i < times.length; i++) {
    const t = times[i] as number;
    const prev = times[i - 1] as number;
    if (t - prev < BURST_MS) continue;
    gaps.push(t - (runStart as number));
    runStart = t;
  }
  if (gaps.length < 3) return null;
  gaps.sort((a, b) => a - b);
  const med = median(gaps);
  const deviations = gaps.map((g) => Math.abs(g - med)).sort((a, b) => a - b);
  const tolerance = Math.max(MINUTE, toleranceShare * med);
  const regular = gaps.reduce((n, g) => (Math.abs(g - med) <= tolerance ? n + 1 : n), 0);
  return {
    gaps: gaps.length,
    medianMinutes: Math.round((med / MINUTE) * 10) / 10,
    spreadMinutes: Math.round((median(deviations) / MINUTE) * 10) / 10,
    regularShare: Math.round((regular / gaps.length) * 1000) / 1000,
  };
}
