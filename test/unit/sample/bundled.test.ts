import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SAMPLE_OPTIONS, generateSampleTenant } from '../../../electron/engine/sample/index';
import { SAMPLE } from '../../support/paths';
import { sha256, tempDir } from './helpers';

const committed = ((): string[] => {
  try {
    return readdirSync(SAMPLE).filter((f) => !f.startsWith('.'));
  } catch {
    return [];
  }
})();

describe('bundled sample (resources/sample)', () => {
  it('is exactly what the generator writes with BUNDLED_SAMPLE_OPTIONS', async () => {
    const dir = await tempDir('bundled');
    try {
      const files = await generateSampleTenant({ outDir: dir, ...BUNDLED_SAMPLE_OPTIONS });
      expect(committed.sort()).toEqual(files.map((f) => basename(f.path)).sort());
      for (const f of files) {
        expect(await sha256(join(SAMPLE, basename(f.path))), `${basename(f.path)}: regenerate resources/sample`).toBe(await sha256(f.path));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
