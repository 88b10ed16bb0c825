import { describe, expect, it } from 'vitest';
import { CoverageSchema } from '../../../shared/contract/coverage';
import { evidenceOfKind } from '../../../shared/coverage/evidence';
import { flagsFromWarnings } from '../../../shared/coverage/flags';
import { buildCoverage, type CoverageFile } from '../../../shared/coverage/model';
import { IMPORT_KINDS } from '../../../shared/domain/importKinds';

let n = 0;
function file(kind: string, first: string | null, last: string | null, extra: Partial<CoverageFile> = {}): CoverageFile {
  n++;
  return { name: `f${n}.csv`, path: `/x/f${n}.csv`, kind, rows: 10, firstTime: first, lastTime: last, flags: [], ...extra };
}
const codes = (files: CoverageFile[]): string[] => buildCoverage(files).caveats.map((c) => c.code);
const caveat = (files: CoverageFile[], code: string): string | undefined => buildCoverage(files).caveats.find((c) => c.code === code)?.text;

describe('coverage model', () => {
  it('says that nothing was imported, and nothing else, for an empty engagement', () => {
    const c = buildCoverage([]);
    expect(CoverageSchema.parse(c)).toEqual(c);
    expect(c.window).toBeNull();
    expect(c.categories.every((x) => !x.present)).toBe(true);
    expect(c.entities.every((x) => !x.present)).toBe(true);
    expect(c.caveats.map((x) => x.code)).toEqual(['nothing_imported']);
  });

  it('names each missing sign-in category with what cannot be seen without it', () => {
    const files = [file('signins.portal.interactive.csv', '2026-11-01T08:00:00Z', '2026-11-02T17:00:00Z'), file('users.portal.csv', null, null)];
    const c = buildCoverage(files);
    expect(c.categories.find((x) => x.category === 'interactive')).toMatchObject({
      present: true,
      files: 1,
      rows: 10,
      ranges: [{ from: '2026-11-01', to: '2026-11-02' }],
      gaps: [],
    });
    expect(c.categories.find((x) => x.category === 'non_interactive')?.present).toBe(false);
    expect(caveat(files, 'missing_non_interactive')).toBe(
      'No non-interactive sign-ins were imported: service accounts that only refresh tokens cannot be seen.',
    );
    expect(c.caveats.find((x) => x.code === 'missing_managed_identity')?.severity).toBe('info');
    expect(c.entities.find((e) => e.entity === 'users')).toMatchObject({ present: true, files: 1, rows: 10 });
    expect(caveat(files, 'missing_mfa_registration')).toMatch(/^No MFA registration details were imported: .*"cannot assess"/u);
    expect(caveat(files, 'short_window')).toMatch(/only 2 days \(2026-11-01 to 2026-11-02\)/u);
    const severities = c.caveats.map((x) => x.severity);
    expect(severities.indexOf('info')).toBeGreaterThan(severities.lastIndexOf('warning'));
  });

  it('says there are no sign-ins at all once, instead of four missing categories', () => {
    const files = [file('users.portal.csv', null, null)];
    expect(codes(files)).toContain('no_signins');
    expect(codes(files).filter((x) => x.startsWith('missing_') && !x.includes('_registration'))).not.toContain('missing_interactive');
  });

  it('merges files of one category and finds the days it misses inside the overall window', () => {
    const files = [
      file('signins.portal.interactive.csv', '2026-11-01T00:10:00Z', '2026-11-15T23:00:00Z'),
      file('signins.loganalytics.interactive.csv', '2026-11-16T01:00:00Z', '2026-11-30T22:00:00Z'),
      file('signins.portal.non_interactive.csv', '2026-11-01T00:00:00Z', '2026-11-07T23:59:59Z'),
      file('signins.portal.non_interactive.csv', '2026-11-20T00:00:00Z', '2026-11-30T12:00:00Z'),
    ];
    const c = buildCoverage(files);
    expect(c.window).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    const interactive = c.categories.find((x) => x.category === 'interactive');
    expect(interactive).toMatchObject({ files: 2, rows: 20, ranges: [{ from: '2026-11-01', to: '2026-11-30' }], gaps: [] });
    const nonInteractive = c.categories.find((x) => x.category === 'non_interactive');
    expect(nonInteractive?.gaps).toEqual([{ from: '2026-11-08', to: '2026-11-19' }]);
    expect(caveat(files, 'gap_non_interactive')).toBe(
      'No non-interactive sign-ins are recorded for 2026-11-08 to 2026-11-19, which other sign-in logs cover: that export does not reach those days (re-export them), or there was no such activity.',
    );
    expect(codes(files)).not.toContain('short_window');
  });

  it('does not call one quiet day at an edge of the window a gap, but does call two', () => {
    const interactive = file('signins.portal.interactive.csv', '2026-11-01T00:10:00Z', '2026-11-30T23:00:00Z');
    const edge = (first: string, last: string) =>
      buildCoverage([interactive, file('signins.portal.service_principal.csv', first, last)]).categories.find((x) => x.category === 'service_principal')?.gaps;
    expect(edge('2026-11-02T03:00:00Z', '2026-11-29T12:00:00Z')).toEqual([]);
    expect(edge('2026-11-03T03:00:00Z', '2026-11-30T12:00:00Z')).toEqual([{ from: '2026-11-01', to: '2026-11-02' }]);
    expect(edge('2026-11-01T03:00:00Z', '2026-11-27T12:00:00Z')).toEqual([{ from: '2026-11-28', to: '2026-11-30' }]);
  });

  it('lists truncated files and turns every flag into a caveat', () => {
    const capped = file('signins.portal.interactive.csv', '2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z', { name: 'InteractiveSignIns_big.csv', rows: 100_000, flags: ['truncated_at_cap'] });
    const paged = file('signins.graph.json', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', {
      name: 'page1.json',
      flags: ['more_pages'],
      signInCategories: { interactive: { rows: 10, firstTime: '2026-11-01T00:00:00Z', lastTime: '2026-11-02T00:00:00Z' } },
    });
    const roles = file('azure.roles.csv', null, null, { name: 'roles.csv', flags: ['omits_deleted_principals'] });
    const local = file('signins.loganalytics.non_interactive.csv', '2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z', { name: 'la.csv', flags: ['local_time'] });
    const c = buildCoverage([capped, paged, roles, local]);
    expect(c.truncatedFiles.map((t) => [t.name, t.flags])).toEqual([
      ['InteractiveSignIns_big.csv', ['truncated_at_cap']],
      ['page1.json', ['more_pages']],
    ]);
    const text = (code: string) => c.caveats.filter((x) => x.code === code).map((x) => `${x.severity}: ${x.text}`);
    expect(text('truncated_at_cap')).toEqual([expect.stringMatching(/^warning: InteractiveSignIns_big\.csv has exactly as many rows as a portal download allows/u)]);
    expect(text('more_pages')).toEqual([expect.stringMatching(/^warning: page1\.json is one page .*@odata\.nextLink/u)]);
    expect(text('omits_deleted_principals')).toEqual([expect.stringMatching(/^info: roles\.csv: .*deleted principals/u)]);
    expect(text('local_time')).toEqual([expect.stringMatching(/^warning: la\.csv records times in the exporter's local time/u)]);
    expect(c.entities.find((e) => e.entity === 'azure_roles')?.present).toBe(true);
  });

  it('splits a mixed sign-in file by the categories it holds', () => {
    const graph = file('signins.graph.json', '2026-11-01T00:00:00Z', '2026-11-09T00:00:00Z', {
      rows: 30,
      signInCategories: {
        interactive: { rows: 20, firstTime: '2026-11-01T00:00:00Z', lastTime: '2026-11-09T00:00:00Z' },
        service_principal: { rows: 10, firstTime: '2026-11-05T00:00:00Z', lastTime: '2026-11-09T00:00:00Z' },
      },
    });
    const c = buildCoverage([graph]);
    expect(c.categories.filter((x) => x.present).map((x) => [x.category, x.rows])).toEqual([
      ['interactive', 20],
      ['service_principal', 10],
    ]);
    expect(c.categories.find((x) => x.category === 'service_principal')?.gaps).toEqual([{ from: '2026-11-01', to: '2026-11-04' }]);
    const unknown = file('signins.portal.json', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', { name: 'mystery.json' });
    expect(caveat([unknown], 'uncategorised_signins')).toMatch(/^mystery\.json holds sign-ins whose categories were not recorded/u);
  });

  it('counts a category file without events as present but covering no day', () => {
    const files = [file('signins.portal.interactive.csv', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'), file('signins.portal.managed_identity.csv', null, null, { rows: 0 })];
    const mi = buildCoverage(files).categories.find((x) => x.category === 'managed_identity');
    expect(mi).toMatchObject({ present: true, files: 1, rows: 0, ranges: [], gaps: [] });
    expect(caveat(files, 'empty_managed_identity')).toBe('Managed identity sign-ins were imported from 1 file that holds no events: no dates are covered.');
  });

  it('knows what every import kind is evidence of', () => {
    for (const kind of IMPORT_KINDS) expect(evidenceOfKind(kind), kind).not.toBeNull();
    expect(evidenceOfKind('signins.portal.non_interactive.csv')).toEqual({ type: 'signins', category: 'non_interactive' });
    expect(evidenceOfKind('signins.graph.json')).toEqual({ type: 'signins', category: null });
    expect(evidenceOfKind('signins.portal.authdetails.csv')).toEqual({ type: 'entity', entity: 'signin_auth_details' });
    expect(evidenceOfKind('entra.roles.pim.csv')).toEqual({ type: 'entity', entity: 'entra_roles' });
    expect(evidenceOfKind('azure.roles.az.json')).toEqual({ type: 'entity', entity: 'azure_roles' });
    expect(evidenceOfKind('something.else')).toBeNull();
  });

  it('recognises the portal-cap warning that importers wrote before flags existed', () => {
    expect(flagsFromWarnings(['Exactly 100,000 rows: the portal caps downloads at this size, so this export is probably cut off.'])).toEqual(['truncated_at_cap']);
    expect(flagsFromWarnings(['Dates are day-first.'])).toEqual([]);
  });
});
