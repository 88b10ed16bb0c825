import { describe, expect, it } from 'vitest';
import { DateOrderDetector, parseBool, parseIntOrNull, parseTimestamp } from '../../../shared/parse/values';

describe('parseTimestamp', () => {
  it.each([
    ['2024-10-14T20:25:32Z', '2024-10-14T20:25:32.000Z'],
    ['2024-10-14T20:25:32.172518+00:00', '2024-10-14T20:25:32.172Z'],
    ['2024-10-14T20:25:32.123Z', '2024-10-14T20:25:32.123Z'],
    ['2024-10-14T20:25:32.1Z', '2024-10-14T20:25:32.100Z'],
    ['2023-09-19T13:42:37.8484953+00:00', '2023-09-19T13:42:37.848Z'],
    ['2024-10-14T22:25:32+02:00', '2024-10-14T20:25:32.000Z'],
    ['2020-08-21 08:50:40Z', '2020-08-21T08:50:40.000Z'],
    ['8/19/2021 1:25:31 PM', '2021-08-19T13:25:31.000Z'],
    ['9/19/2023, 1:45:17.287 PM', '2023-09-19T13:45:17.287Z'],
    ['12/1/2021 12:05:00 AM', '2021-12-01T00:05:00.000Z'],
    ['/Date(1574202819000)/', '2019-11-19T22:33:39.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(new Date(parseTimestamp(raw) as number).toISOString()).toBe(iso);
  });

  it('keeps Graph\'s "never expires" end in the year 9999 (fractions are truncated, not rounded)', () => {
    expect(new Date(parseTimestamp('9999-12-31T23:59:59.9999999Z') ?? 0).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });

  it('reads day-first dates when told', () => {
    expect(new Date(parseTimestamp('16/07/2026 20:26:12.030', 'day-first') as number).toISOString()).toBe('2026-07-16T20:26:12.030Z');
  });

  it.each(['', 'yesterday', '2024-02-30T00:00:00Z', '13/13/2020 1:00 PM', '2024-13-01'])('refuses %j', (raw) => {
    expect(parseTimestamp(raw)).toBeNull();
  });
});

describe('DateOrderDetector', () => {
  it('proves day-first from a first field above 12', () => {
    const d = new DateOrderDetector();
    d.observe('5/6/2026 10:00');
    d.observe('16/07/2026 20:26:12.030');
    expect(d.decision).toMatchObject({ order: 'day-first', ambiguous: false });
  });
  it('reports ambiguity when nothing proves the order', () => {
    const d = new DateOrderDetector();
    d.observe('5/6/2026 10:00');
    expect(d.decision).toMatchObject({ order: 'month-first', ambiguous: true });
  });
  it('is not ambiguous once a second field above 12 proves month-first', () => {
    const d = new DateOrderDetector();
    d.observe('5/6/2026 10:00');
    d.observe('8/19/2021 1:25:31 PM');
    expect(d.decision).toMatchObject({ order: 'month-first', ambiguous: false, conflicting: false });
  });
});

describe('parseBool and parseIntOrNull', () => {
  it.each([
    ['True', true],
    ['FALSE', false],
    ['1', true],
    ['No', false],
    ['Capable', true],
    ['Not Registered', false],
    ['', null],
    ['maybe', null],
  ])('%j -> %j', (raw, v) => expect(parseBool(raw)).toBe(v));
  it('reads error codes from numbers and text', () => {
    expect(parseIntOrNull('50074')).toBe(50074);
    expect(parseIntOrNull(0)).toBe(0);
    expect(parseIntOrNull(' 0 ')).toBe(0);
    expect(parseIntOrNull('5O074')).toBeNull();
  });
});
