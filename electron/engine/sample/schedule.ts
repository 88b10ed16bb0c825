/**
 * Turns a recurring schedule into the instants of one UTC day. Fixed cadences are laid on an absolute
 * timeline (not restarted each midnight), so a 45-minute job keeps its rhythm across days.
 */
import type { Schedule } from './model';
import type { Rng } from './prng';
import { DAY, HOUR, MINUTE, isWeekend } from './time';

/**
 * @param day   epoch day (UTC) to plan
 * @param scale volume multiplier: shortens intervals and raises counts; 1 keeps the schedule as written
 */
export function planSchedule(s: Schedule, day: number, rng: Rng, scale: number): number[] {
  if (s.weekdays && isWeekend(day)) return [];
  const dayStart = day * DAY;
  const dayEnd = dayStart + DAY;
  const out: number[] = [];
  // Jitter must not push a scheduled run into a neighbouring day (that day never plans it).
  const jittered = (t: number, jitterSec: number): number =>
    Math.min(dayEnd - 1000, Math.max(dayStart, Math.round(t + rng.range(-jitterSec, jitterSec) * 1000)));
  const inHours = (t: number, from = 0, to = 24): boolean => {
    const h = (t - dayStart) / HOUR;
    return h >= from && h < to;
  };
  switch (s.kind) {
    case 'every': {
      const step = (s.minutes * MINUTE) / scale;
      const phase = (s.phaseMin ?? 0) * MINUTE;
      let t = phase + Math.ceil((dayStart - phase) / step) * step;
      for (; t < dayEnd; t += step) {
        if (!inHours(t, s.fromHour, s.toHour)) continue;
        out.push(jittered(t, s.jitterSec));
      }
      break;
    }
    case 'daily':
      out.push(jittered(dayStart + s.atMin * MINUTE, s.jitterSec));
      break;
    case 'bursts': {
      const bursts = rng.poisson(s.perDay * scale);
      for (let b = 0; b < bursts; b++) {
        let t = dayStart + rng.range(s.fromHour, s.toHour) * HOUR;
        const size = rng.int(s.size[0], s.size[1]);
        for (let i = 0; i < size; i++) {
          out.push(Math.round(t));
          t += s.spacingSec * rng.range(0.5, 1.5) * 1000;
        }
      }
      break;
    }
    case 'random': {
      const n = rng.poisson(s.perDay * scale);
      for (let i = 0; i < n; i++) out.push(Math.round(dayStart + rng.range(s.fromHour ?? 0, s.toHour ?? 24) * HOUR));
      break;
    }
  }
  return out.filter((t) => t >= dayStart && t < dayEnd).sort((a, b) => a - b);
}
