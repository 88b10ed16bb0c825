import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../support/paths';
import { inProcessEngine } from '../../support/engineHarness';

const PORTAL = join(FIXTURES, 'portal');

async function importFixtures(paths: string[] = [PORTAL]) {
  const h = inProcessEngine();
  await h.call('engagement:create', { path: join(h.dir, 'e.nhiaudit'), name: 'test' });
  const { jobId } = await h.call('import:start', { paths });
  const result = await h.job(jobId);
  if (result.kind !== 'import') throw new Error('not an import');
  return { ...h, outcomes: result.outcomes };
}

describe('importing portal CSVs', () => {
  it('imports good rows, rejects bad ones with their line and reason, and keeps the rest', async () => {
    const { outcomes, engine } = await importFixtures();
    const interactive = outcomes.find((o) => o.name.startsWith('InteractiveSignIns'));
    expect(interactive).toMatchObject({ status: 'imported', kind: 'signins.portal.interactive.csv', rowsImported: 7, rowsRejected: 3 });
    expect(interactive?.rejections).toEqual([
      { line: 5, reason: 'no Request ID' },
      { line: 6, reason: 'unreadable date "yesterday"' },
      { line: 12, reason: 'has 2 fields where the header has 55' },
    ]);
    const nonInteractive = outcomes.find((o) => o.name.startsWith('NonInteractive'));
    expect(nonInteractive).toMatchObject({ status: 'imported', kind: 'signins.portal.non_interactive.csv', rowsImported: 30, rowsRejected: 0 });
    const users = outcomes.find((o) => o.name.startsWith('exportUsers'));
    expect(users).toMatchObject({ status: 'imported', kind: 'users.portal.csv', rowsImported: 3, rowsRejected: 1 });
    expect(users?.rejections[0]?.reason).toMatch(/not a GUID/u);
    await engine.shutdown();
  });

  it('decodes UTF-16 with semicolons and keeps non-ASCII text intact', async () => {
    const { call, engine } = await importFixtures();
    const files = await call('import:files', {});
    expect(files.find((f) => f.name.startsWith('NonInteractive'))).toMatchObject({ encoding: 'utf-16le', delimiter: ';' });
    expect(files.find((f) => f.name.startsWith('Interactive'))).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    await engine.shutdown();
  });

  it('merges a user across sign-ins and the directory, and a guest by object id', async () => {
    const { call, engine } = await importFixtures();
    const page = await call('identities:list', { limit: 100 });
    expect(page.total).toBe(3);
    const alice = page.rows.find((r) => r.upn === 'alice@contoso.com');
    expect(alice).toMatchObject({ class: 'human', signIns: 2, interactiveSignIns: 2 });
    const job = page.rows.find((r) => r.upn === 'report.job@contoso.com');
    expect(job).toMatchObject({ class: 'service_account', signIns: 35, nonInteractiveSignIns: 30 });
    expect(job?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['ropc', 'automation-agent']));
    const guest = page.rows.find((r) => r.objectId === '33333333-3333-4333-8333-333333333333');
    expect(guest).toMatchObject({ class: 'guest', displayName: '=HYPERLINK("http://x","click")' });
    await engine.shutdown();
  });

  it('skips a file imported before and does not double count an overlapping export', async () => {
    const h = await importFixtures();
    const copyDir = join(h.dir, 'again');
    mkdirSync(copyDir);
    const original = join(PORTAL, 'InteractiveSignIns_2026-11-01_2026-11-02.csv');
    copyFileSync(original, join(copyDir, 'InteractiveSignIns_copy.csv'));
    // Same events plus a trailing blank line: a different file whose rows overlap completely.
    writeFileSync(join(copyDir, 'InteractiveSignIns_overlap.csv'), `${readFileSync(original, 'utf8')}\r\n`);
    const { jobId } = await h.call('import:start', { paths: [copyDir] });
    const result = await h.job(jobId);
    if (result.kind !== 'import') throw new Error('not an import');
    const [copy, overlap] = result.outcomes;
    expect(copy).toMatchObject({ status: 'skipped' });
    expect(overlap).toMatchObject({ status: 'imported', rowsImported: 0, rowsDuplicate: 7 });
    expect((await h.call('summary:get', {})).signIns).toBe(37);
    await h.engine.shutdown();
  });

  it('refuses an ambiguous user sign-in file with advice, and accepts it with a kind override', async () => {
    const h = inProcessEngine();
    await h.call('engagement:create', { path: join(h.dir, 'e.nhiaudit') });
    const renamed = join(h.dir, 'signins.csv');
    copyFileSync(join(PORTAL, 'InteractiveSignIns_2026-11-01_2026-11-02.csv'), renamed);
    let r = await h.job((await h.call('import:start', { paths: [renamed] })).jobId);
    expect(r.kind === 'import' && r.outcomes[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/NonInteractiveSignIns_/u) });
    r = await h.job((await h.call('import:start', { paths: [renamed], kinds: { [renamed]: 'signins.portal.non_interactive.csv' } })).jobId);
    expect(r.kind === 'import' && r.outcomes[0]).toMatchObject({ status: 'imported', kind: 'signins.portal.non_interactive.csv' });
    await h.engine.shutdown();
  });

  it('reports a binary or unknown file clearly and imports nothing from it', async () => {
    const h = inProcessEngine();
    await h.call('engagement:create', { path: join(h.dir, 'e.nhiaudit') });
    const bin = join(h.dir, 'photo.csv');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    const other = join(h.dir, 'budget.csv');
    writeFileSync(other, 'Year,Amount\n2026,100\n');
    const r = await h.job((await h.call('import:start', { paths: [bin, other, join(h.dir, 'missing.csv')] })).jobId);
    if (r.kind !== 'import') throw new Error('not an import');
    expect(r.outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'failed']);
    expect(r.outcomes.map((o) => o.error)).toEqual([
      'No such file or folder.',
      expect.stringMatching(/binary/u),
      expect.stringMatching(/Not a recognised export: it looks like a table whose first columns are: year, amount/u),
    ]);
    expect((await h.call('import:files', {})).length).toBe(0);
    await h.engine.shutdown();
  });
});

describe('real public samples (../shared/samples)', () => {
  it('imports every sign-in CSV and users file among them without error', async () => {
    const { SHARED_SAMPLES } = await import('../../support/paths');
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(SHARED_SAMPLES)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(SHARED_SAMPLES, f));
    const h = inProcessEngine();
    await h.call('engagement:create', { path: join(h.dir, 'e.nhiaudit') });
    const r = await h.job((await h.call('import:start', { paths: files })).jobId);
    if (r.kind !== 'import') throw new Error('not an import');
    for (const o of r.outcomes) expect(o, o.name).toMatchObject({ status: 'imported', error: null, rowsRejected: 0 });
    const la = r.outcomes.find((o) => o.name.startsWith('loganalytics'));
    expect(la).toMatchObject({ kind: 'signins.loganalytics.interactive.csv' });
    // The public sample masks its ids, so both rows share one request id: the second counts as already present.
    expect((la?.rowsImported ?? 0) + (la?.rowsDuplicate ?? 0)).toBe(2);
    const users = r.outcomes.find((o) => o.name.startsWith('entra-users'));
    expect(users).toMatchObject({ kind: 'users.portal.csv', rowsImported: 2 });
    const headerOnly = r.outcomes.filter((o) => o.name.startsWith('HEADER-ONLY'));
    expect(headerOnly.map((o) => o.kind).sort()).toEqual(['signins.portal.interactive.csv', 'signins.portal.interactive.csv', 'signins.portal.service_principal.csv']);
    for (const o of headerOnly) expect(o.warnings).toContain('The file has a header but no rows.');
    await h.engine.shutdown();
  });
});
