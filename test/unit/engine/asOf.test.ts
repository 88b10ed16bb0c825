import { describe, expect, it } from 'vitest';
import { asOfInstant, endOfDayMs } from '../../../electron/engine/analysis/asOf';

describe('the analysis as-of instant', () => {
  it('is the end of the as-of day, UTC, whatever time the stored value carries', () => {
    expect(new Date(asOfInstant('2026-11-20', '2026-11-02T10:00:00Z')).toISOString()).toBe('2026-11-20T23:59:59.000Z');
    expect(asOfInstant('2026-11-20T08:00:00Z', null)).toBe(endOfDayMs('2026-11-20'));
  });

  it('falls back to the last sign-in when the as-of date is missing or not a date', () => {
    expect(asOfInstant(null, '2026-11-02T10:00:00Z')).toBe(Date.parse('2026-11-02T10:00:00Z'));
    expect(asOfInstant('soon', '2026-11-02T10:00:00Z')).toBe(Date.parse('2026-11-02T10:00:00Z'));
  });

  it('is now without either', () => {
    const before = Date.now();
    const at = asOfInstant(undefined, undefined);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});
