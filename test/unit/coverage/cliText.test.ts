import { describe, expect, it } from 'vitest';
import { coverageText } from '../../../electron/cli/summaryText';
import { buildCoverage } from '../../../shared/coverage/model';

describe('CLI coverage lines', () => {
  it('lists each category and kind of directory data, truncated files, then the caveats', () => {
    const text = coverageText(
      buildCoverage([
        { name: 'InteractiveSignIns_a.csv', path: '/a', kind: 'signins.portal.interactive.csv', rows: 100_000, firstTime: '2026-11-01T00:00:00Z', lastTime: '2026-11-30T00:00:00Z', flags: ['truncated_at_cap'] },
        { name: 'users.csv', path: '/u', kind: 'users.portal.csv', rows: 12, firstTime: null, lastTime: null, flags: [] },
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('  Interactive sign-ins            2026-11-01 to 2026-11-30 (100,000 rows)');
    expect(lines[1]).toBe('  Non-interactive sign-ins        MISSING');
    expect(lines).toContain('  Users                           12 rows in 1 file');
    expect(lines).toContain('  truncated: InteractiveSignIns_a.csv (truncated_at_cap)');
    expect(lines).toContain('  ! No non-interactive sign-ins were imported: service accounts that only refresh tokens cannot be seen.');
    expect(lines[lines.length - 1]).toMatch(/^ {2}- /u);
  });
});
