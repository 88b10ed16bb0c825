import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REVIEW_HEADERS, REVIEW_KEY_HEADER, REVIEW_STAMP_HEADER } from '../../shared/domain/review';
import { inProcessEngine } from '../support/engineHarness';
import { FIXTURES } from '../support/paths';

const h = inProcessEngine();
afterAll(() => h.engine.shutdown());

const portal = (name: string): string => join(FIXTURES, 'portal', name);

async function exportTo(path: string): Promise<void> {
  await h.job((await h.call('export:workbook', { outPath: path, asOf: '2026-11-20' })).jobId);
}

async function identitiesSheet(path: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; col: (header: string) => number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Identities');
  if (!ws) throw new Error('no Identities sheet');
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const col = (header: string): number => {
    const i = headers.indexOf(header);
    if (i < 1) throw new Error(`no column ${header}`);
    return i;
  };
  return { wb, ws, col };
}

async function importReviewed(path: string, preferWorkbook = false) {
  const done = await h.job((await h.call('reviews:import', { path, preferWorkbook })).jobId);
  if (done.kind !== 'review') throw new Error('not a review job');
  return done.result;
}

describe('reviewed workbook round trip', () => {
  it('reads decisions back, reports conflicts, unknown and unreadable rows, and the next export carries them', async () => {
    await h.call('engagement:create', { path: join(h.dir, 'r.nhiaudit'), name: 'reviews' });
    await h.job((await h.call('import:start', { paths: [portal('InteractiveSignIns_2026-11-01_2026-11-02.csv'), portal('exportUsers_2026-11-2.csv')], kinds: {} })).jobId);
    const page = await h.call('identities:list', { limit: 50 });
    expect(page.rows.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = page.rows;
    if (!a || !b || !c) throw new Error('too few identities');

    const recorded = await h.call('identities:setReview', { id: a.id, review: { owner: 'Sam Owner', decision: 'Keep', dueDate: null, status: 'Open', notes: null } });
    expect(recorded.review).toEqual({ owner: 'Sam Owner', decision: 'Keep', dueDate: null, status: 'Open', notes: null });

    const first = join(h.dir, 'first.xlsx');
    await exportTo(first);
    const { wb, ws, col } = await identitiesSheet(first);
    expect(ws.getColumn(col(REVIEW_KEY_HEADER)).hidden).toBe(true);
    expect(ws.getColumn(col(REVIEW_STAMP_HEADER)).hidden).toBe(true);
    const rowOf = (key: string): ExcelJS.Row => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col(REVIEW_KEY_HEADER)).value === key) return ws.getRow(r);
      throw new Error(`no row for ${key}`);
    };
    // The app's review is in the workbook; the decision column offers the drop-down.
    expect(rowOf(a.key).getCell(col(REVIEW_HEADERS.owner)).value).toBe('Sam Owner');
    expect(rowOf(b.key).getCell(col(REVIEW_HEADERS.decision)).dataValidation).toMatchObject({ type: 'list' });

    // The reviewer's edits: b decided, a changed (and changed in the app too), c unreadable, one row of another tenant.
    const rb = rowOf(b.key);
    rb.getCell(col(REVIEW_HEADERS.owner)).value = 'Dana Reviewer';
    rb.getCell(col(REVIEW_HEADERS.decision)).value = 'decommission';
    rb.getCell(col(REVIEW_HEADERS.dueDate)).value = new Date(Date.UTC(2027, 0, 31));
    rb.getCell(col(REVIEW_HEADERS.status)).value = 'Open';
    rb.getCell(col(REVIEW_HEADERS.notes)).value = { richText: [{ text: 'No sign-ins since ' }, { text: 'March', font: { bold: true } }] };
    rowOf(a.key).getCell(col(REVIEW_HEADERS.decision)).value = 'Remediate';
    rowOf(c.key).getCell(col(REVIEW_HEADERS.decision)).value = 'Delete it';
    rowOf(c.key).getCell(col(REVIEW_HEADERS.dueDate)).value = '31/01/2027';
    const extra = ws.getRow(ws.rowCount + 1);
    extra.getCell(1).value = 'Someone elsewhere';
    extra.getCell(col(REVIEW_KEY_HEADER)).value = 'obj:00000000-0000-0000-0000-00000000beef';
    extra.getCell(col(REVIEW_HEADERS.decision)).value = 'Keep';
    extra.commit();
    const reviewed = join(h.dir, 'reviewed.xlsx');
    await wb.xlsx.writeFile(reviewed);

    await h.call('identities:setReview', { id: a.id, review: { owner: 'Sam Owner', decision: 'Accept risk', dueDate: null, status: 'Done', notes: null } });
    const result = await importReviewed(reviewed);
    expect(result.applied).toBe(1);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ key: a.key, resolved: 'kept engagement', engagement: expect.objectContaining({ decision: 'Accept risk' }), workbook: expect.objectContaining({ decision: 'Remediate' }) }),
    ]);
    expect(result.unknown).toEqual([expect.objectContaining({ key: 'obj:00000000-0000-0000-0000-00000000beef', name: 'Someone elsewhere' })]);
    expect(result.invalid).toHaveLength(1);
    expect(result.invalid[0]?.problems.join(' ')).toMatch(/decision "Delete it" is not one of.*due date "31\/01\/2027" is not a date/u);
    expect(result.unchanged).toBe(result.rows - 4);
    expect((await h.call('identities:get', { id: b.id })).review).toEqual({
      owner: 'Dana Reviewer',
      decision: 'Decommission',
      dueDate: '2027-01-31',
      status: 'Open',
      notes: 'No sign-ins since March',
    });
    expect((await h.call('identities:get', { id: a.id })).review?.decision).toBe('Accept risk');
    expect((await h.call('identities:get', { id: c.id })).review).toBeNull();

    // Told to overwrite, the workbook wins the conflict.
    const again = await importReviewed(reviewed, true);
    expect(again.conflicts).toEqual([expect.objectContaining({ key: a.key, resolved: 'took workbook' })]);
    expect((await h.call('identities:get', { id: a.id })).review?.decision).toBe('Remediate');

    // The next export carries the decisions, and reading it back unchanged changes nothing.
    const second = join(h.dir, 'second.xlsx');
    await exportTo(second);
    const next = await identitiesSheet(second);
    const row = (() => {
      for (let r = 2; r <= next.ws.rowCount; r++) if (next.ws.getRow(r).getCell(next.col(REVIEW_KEY_HEADER)).value === b.key) return next.ws.getRow(r);
      throw new Error('b missing');
    })();
    expect(row.getCell(next.col(REVIEW_HEADERS.decision)).value).toBe('Decommission');
    expect(row.getCell(next.col(REVIEW_HEADERS.dueDate)).value).toEqual(new Date(Date.UTC(2027, 0, 31)));
    const idle = await importReviewed(second);
    expect(idle).toMatchObject({ applied: 0, conflicts: [], unknown: [], invalid: [] });
    expect(idle.unchanged).toBe(idle.rows);
  });

  it('rejects a workbook without the hidden key column and leaves the engagement as it was', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Identities').addRow(['Display name', 'Decision']);
    const path = join(h.dir, 'plain.xlsx');
    await plain.xlsx.writeFile(path);
    await expect(importReviewed(path)).rejects.toThrow(/hidden "Identity key" column/u);
  });

  it('rejects a file that is not a workbook with a clear message', async () => {
    await expect(importReviewed(portal('InteractiveSignIns_2026-11-01_2026-11-02.csv'))).rejects.toThrow(/could not be (read|opened)/u);
  });
});
