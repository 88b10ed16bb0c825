import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('memory', () => {
  it('streams a JSON array several times larger than the heap it is allowed', () => {
    // About 80 MB of JSON through a 32 MB old generation: holding the records, or the text, would crash it.
    const out = execFileSync(process.execPath, ['--max-old-space-size=32', '--import', 'tsx', join(import.meta.dirname, 'support', 'streamMany.ts'), '80000'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const result = JSON.parse(out) as { records: number; last: string; bytes: number };
    expect(result).toMatchObject({ records: 80_000, last: 'req-79999' });
    expect(result.bytes).toBeGreaterThan(75_000_000);
  });
});
