import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_COPIES, HANDBOOK, SHARED_SAMPLES } from '../support/paths';

/**
 * The tests read copies of the handbook's samples and catalogues so a clone runs alone; wherever
 * the handbook is present (developer machines, CI), a copy that drifted from it fails here.
 */
describe.runIf(existsSync(HANDBOOK))('copies of the handbook used by the tests', () => {
  it.each([
    [SHARED_SAMPLES, join(HANDBOOK, 'samples')],
    [CATALOGUE_COPIES, join(HANDBOOK, 'reference', 'catalogues')],
  ])('%s matches the handbook', (copies, original) => {
    const files = readdirSync(copies);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(copies, f)).equals(readFileSync(join(original, f))), f).toBe(true);
  });

  it('holds every public sample of the handbook', () => {
    expect(readdirSync(SHARED_SAMPLES).sort()).toEqual(readdirSync(join(HANDBOOK, 'samples')).sort());
  });
});
