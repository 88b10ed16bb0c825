import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessEngine } from '../support/engineHarness';
import { FIXTURES } from '../support/paths';

const h = inProcessEngine();
afterAll(() => h.engine.shutdown());

const portal = (name: string): string => join(FIXTURES, 'portal', name);
const fileNamed = async (name: string) => {
  const f = (await h.call('import:files', {})).find((x) => x.name === name);
  if (!f) throw new Error(`${name} not recorded`);
  return f;
};
const splitOf = async (upn: string) => {
  const row = (await h.call('identities:list', { search: upn, limit: 5 })).rows.find((r) => r.upn === upn);
  if (!row) throw new Error(`${upn} not found`);
  return { interactive: row.interactiveSignIns, nonInteractive: row.nonInteractiveSignIns };
};

describe('changing the kind of an imported file', () => {
  it('re-labels a portal sign-in CSV as non-interactive, re-analyses, and says so on the file', async () => {
    await h.call('engagement:create', { path: join(h.dir, 'k.nhiaudit'), name: 'kinds' });
    await h.job((await h.call('import:start', { paths: [portal('InteractiveSignIns_2026-11-01_2026-11-02.csv'), portal('exportUsers_2026-11-2.csv')], kinds: {} })).jobId);
    const file = await fileNamed('InteractiveSignIns_2026-11-01_2026-11-02.csv');
    expect(file.kind).toBe('signins.portal.interactive.csv');
    const before = await splitOf('report.job@contoso.com');
    expect(before.interactive).toBeGreaterThan(0);
    expect(before.nonInteractive).toBe(0);

    const result = await h.job((await h.call('import:changeKind', { fileId: file.id, kind: 'signins.portal.non_interactive.csv' })).jobId);
    expect(result.kind).toBe('analysis');
    if (result.kind === 'analysis') expect(result.changes).not.toBeNull();

    expect(await splitOf('report.job@contoso.com')).toEqual({ interactive: 0, nonInteractive: before.interactive });
    const after = await fileNamed('InteractiveSignIns_2026-11-01_2026-11-02.csv');
    expect(after.kind).toBe('signins.portal.non_interactive.csv');
    expect(after.warnings.at(-1)).toMatch(/^Recorded as Non-interactive .* by the reviewer on \d{4}-\d{2}-\d{2}; detected from its name as Interactive /u);
    const present = (await h.call('coverage:get', {})).categories.filter((c) => c.present).map((c) => c.category);
    expect(present).toEqual(['non_interactive']);

    // And back: one note, the latest.
    await h.job((await h.call('import:changeKind', { fileId: file.id, kind: 'signins.portal.interactive.csv' })).jobId);
    expect(await splitOf('report.job@contoso.com')).toEqual(before);
    expect((await fileNamed('InteractiveSignIns_2026-11-01_2026-11-02.csv')).warnings.filter((w) => w.startsWith('Recorded as '))).toHaveLength(1);
  });

  it('refuses any other change, in words, and changes nothing', async () => {
    const users = await fileNamed('exportUsers_2026-11-2.csv');
    await expect(h.job((await h.call('import:changeKind', { fileId: users.id, kind: 'signins.portal.interactive.csv' })).jobId)).rejects.toThrow(
      /cannot be changed from Users .* only interactive and non-interactive portal sign-in CSVs/u,
    );
    const signIns = await fileNamed('InteractiveSignIns_2026-11-01_2026-11-02.csv');
    await expect(h.job((await h.call('import:changeKind', { fileId: signIns.id, kind: 'signins.portal.interactive.csv' })).jobId)).rejects.toThrow(/already recorded as/u);
    await expect(h.job((await h.call('import:changeKind', { fileId: signIns.id, kind: 'signins.portal.service_principal.csv' })).jobId)).rejects.toThrow(/cannot be changed/u);
    await expect(h.job((await h.call('import:changeKind', { fileId: 9999, kind: 'signins.portal.interactive.csv' })).jobId)).rejects.toThrow(/no longer recorded/u);
    expect((await fileNamed('exportUsers_2026-11-2.csv')).kind).toBe(users.kind);
  });
});
