import { describe, expect, it } from 'vitest';
import { splitLocation } from '../../../shared/parse/signinColumns';

describe('splitLocation', () => {
  it.each([
    ['Zürich, Zurich, CH', { city: 'Zürich', state: 'Zurich', country: 'CH' }],
    ['Seattle, US', { city: 'Seattle', state: null, country: 'US' }],
    ['CH', { city: null, state: null, country: 'CH' }],
    [' , , DE', { city: null, state: null, country: 'DE' }],
    ['Washington, District of Columbia, Metro, US', { city: 'Washington', state: 'District of Columbia, Metro', country: 'US' }],
    ['Paris,,FR', { city: 'Paris', state: null, country: 'FR' }],
    ['', { city: null, state: null, country: null }],
  ])('splits %j', (raw, expected) => {
    expect(splitLocation(raw)).toEqual(expected);
  });
});
