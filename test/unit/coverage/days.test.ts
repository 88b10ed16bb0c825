import { describe, expect, it } from 'vitest';
import { addDays, dayOf, daysIn, gapsIn, mergeRanges } from '../../../shared/coverage/days';

describe('day ranges', () => {
  it('reads the UTC day of a timestamp, whatever its offset', () => {
    expect(dayOf('2026-11-01T23:30:00-02:00')).toBe('2026-11-02');
    expect(dayOf('2026-11-01T08:00:00.1234567Z')).toBe('2026-11-01');
    expect(dayOf('yesterday')).toBeNull();
    expect(dayOf(null)).toBeNull();
  });

  it('steps across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysIn({ from: '2026-11-01', to: '2026-11-30' })).toBe(30);
  });

  it('merges ranges that overlap or touch, and keeps the ones a day apart', () => {
    expect(
      mergeRanges([
        { from: '2026-11-09', to: '2026-11-10' },
        { from: '2026-11-01', to: '2026-11-07' },
        { from: '2026-11-08', to: '2026-11-08' },
        { from: '2026-11-12', to: '2026-11-13' },
        { from: '2026-11-12', to: '2026-11-12' },
      ]),
    ).toEqual([
      { from: '2026-11-01', to: '2026-11-10' },
      { from: '2026-11-12', to: '2026-11-13' },
    ]);
  });

  it('finds the days of a window that ranges leave out, at the start, inside and at the end', () => {
    const window = { from: '2026-11-01', to: '2026-11-30' };
    expect(gapsIn(window, [{ from: '2026-11-03', to: '2026-11-10' }, { from: '2026-11-15', to: '2026-11-28' }])).toEqual([
      { from: '2026-11-01', to: '2026-11-02' },
      { from: '2026-11-11', to: '2026-11-14' },
      { from: '2026-11-29', to: '2026-11-30' },
    ]);
    expect(gapsIn(window, [{ from: '2026-10-01', to: '2026-12-31' }])).toEqual([]);
  });
});
