import { describe, expect, it } from 'vitest';
import { intervalStats } from '../../../shared/classification/intervals';

const MIN = 60_000;

describe('intervalStats', () => {
  it('measures a 15-minute job with jitter, folding each run\'s refreshes into the run', () => {
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = i * 15 * MIN + ((i * 37) % 60) * 1000;
      times.push(start, start + 2000);
    }
    const s = intervalStats(times, 0.15);
    expect(s).toMatchObject({ gaps: 99, regularShare: 1 });
    expect(s?.medianMinutes).toBeGreaterThanOrEqual(14.5);
    expect(s?.medianMinutes).toBeLessThanOrEqual(15.5);
    expect(s?.spreadMinutes).toBeLessThan(1);
  });

  it('finds no schedule in a working day', () => {
    const times = [0, 7, 9, 52, 95, 180, 183, 240, 400, 410, 470].map((m) => m * MIN);
    const s = intervalStats(times, 0.15);
    expect(s?.regularShare).toBeLessThan(0.5);
  });

  it('needs three gaps', () => {
    expect(intervalStats([0, MIN * 5, MIN * 10], 0.15)).toBeNull();
  });
});
