import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_HEADERS, REVIEW_KEY_HEADER } from '../../shared/domain/review';
import { parseXml, readParts } from '../unit/export/ooxmlPackage';
import { inProcessEngine } from '../support/engineHarness';
import { SAMPLE } from '../support/paths';

const h = inProcessEngine();
const db = join(h.dir, 'sample.nhiaudit');

beforeAll(async () => {
  await h.call('engagement:create', { path: db, name: 'Contoso sample', customer: 'Contoso (fictional)', tenant: 'contoso.onmicrosoft.com', auditor: 'test', asOf: '2026-11-20' });
  await h.job((await h.call('import:start', { paths: [SAMPLE], kinds: {} })).jobId);
}, 120_000);
afterAll(() => h.engine.shutdown());

async function exportWorkbook(name: string, pseudonymize = false): Promise<string> {
  const path = join(h.dir, name);
  await h.job((await h.call('export:workbook', { outPath: path, asOf: '2026-11-20', pseudonymize })).jobId);
  return path;
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every text cell of every sheet. */
async function allText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const parts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') parts.push(cell.value);
      }),
    ),
  );
  return parts.join('\n');
}

describe('governance workbook', () => {
  it('has every sheet as an Excel table, the two Summary charts, drop-downs, colours and links from findings to identities', async () => {
    const path = await exportWorkbook('structure.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Identities', 'MFA Readiness', 'Migration Plan', 'Findings', 'Credentials', 'Privileged Access', 'Ownership', 'Sources & Method']);
    const tableNames = wb.worksheets.flatMap((w) => w.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name));
    expect(tableNames).toEqual(['Identities', 'MFA_Readiness', 'Migration_Plan', 'Findings', 'Rule_Outcomes', 'Credentials', 'Privileged_Access', 'Ownership']);

    const parts = await readParts(path);
    const charts = [...parts.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/u.test(k));
    expect(charts).toHaveLength(2);
    expect(charts.map((c) => parts.get(c) ?? '').join()).toMatch(/Mandatory MFA readiness by class[\s\S]*Governance findings by severity/u);
    for (const [name, xml] of parts) if (/\.(xml|rels)$/u.test(name)) expect(() => parseXml(xml, name)).not.toThrow();

    const identities = wb.getWorksheet('Identities');
    const findings = wb.getWorksheet('Findings');
    if (!identities || !findings) throw new Error('sheets missing');
    const header = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    expect(identities.getRow(2).getCell(header(identities).indexOf(REVIEW_HEADERS.status)).dataValidation).toMatchObject({ type: 'list', formulae: ['"Open,In progress,Blocked,Done"'] });
    expect(identities.getRow(2).getCell(header(identities).indexOf(REVIEW_HEADERS.dueDate)).dataValidation).toMatchObject({ type: 'date' });
    const sheetXml = (name: string): string => {
      const index = wb.worksheets.findIndex((w) => w.name === name) + 1;
      return parts.get(`xl/worksheets/sheet${index}.xml`) ?? '';
    };
    expect(sheetXml('Identities')).toMatch(/<conditionalFormatting sqref="H2:H\d+">/u);
    expect(sheetXml('Findings')).toMatch(/<conditionalFormatting sqref="A2:A\d+">/u);

    // Each finding about an identity links to that identity's row, whose name is the finding's subject.
    const links = [...sheetXml('Findings').matchAll(/<hyperlink ref="D(\d+)" location="&apos;Identities&apos;!A(\d+)"/gu)];
    expect(links.length).toBeGreaterThan(50);
    const objectIdCol = header(identities).indexOf('Object ID');
    for (const [, from, to] of links) {
      const subject = String(findings.getCell(`D${from}`).value);
      const name = identities.getCell(`A${to}`).value;
      // A deleted principal has no name: its object id is in the finding's evidence instead.
      if (name) expect(subject.startsWith(String(name))).toBe(true);
      else expect(String(findings.getCell(`E${from}`).value)).toContain(String(identities.getRow(Number(to)).getCell(objectIdCol).value));
    }
  });

  it('is the same file, byte for byte, for the same engagement and as-of date', async () => {
    expect(sha(await exportWorkbook('a.xlsx'))).toBe(sha(await exportWorkbook('b.xlsx')));
  });

  it('pseudonymised, holds none of the tenant\'s names, user principal names or IP addresses, and still round-trips reviews', async () => {
    const raw = new Database(db, { readonly: true });
    // Microsoft's own applications (Microsoft Graph, Azure Portal) and the default name of the
    // Entra Connect account are the same in every tenant and appear in the method text: not tenant data.
    const names = raw
      .prepare(
        `SELECT display_name FROM identities WHERE display_name IS NOT NULL AND length(display_name) >= 4
            AND coalesce(app_owner_org_id, '') NOT IN ('f8cdef31-a31e-4b4a-93e4-5f571e91255a', '72f988bf-86f1-41af-91ab-2d7cd011db47')
            AND display_name <> 'On-Premises Directory Synchronization Service Account'`,
      )
      .pluck()
      .all() as string[];
    const upns = raw.prepare(`SELECT upn FROM identities WHERE upn IS NOT NULL`).pluck().all() as string[];
    const ips = raw.prepare(`SELECT DISTINCT value FROM signin_values WHERE value GLOB '[0-9]*.[0-9]*.[0-9]*.[0-9]*'`).pluck().all() as string[];
    raw.close();
    expect(names.length).toBeGreaterThan(50);
    expect(upns.length).toBeGreaterThan(50);

    const path = await exportWorkbook('pseudo.xlsx', true);
    const text = (await allText(path)).toLowerCase();
    const leaked = [...names, ...upns, ...ips.filter((ip) => /^\d+\.\d+\.\d+\.\d+$/u.test(ip))].filter((v) => text.includes(v.toLowerCase()));
    expect(leaked).toEqual([]);
    expect(text).not.toContain("contoso");
    expect(text).toContain('pseudonymised');

    // A reviewer fills in a decision in the pseudonymised workbook; it comes back to the right identity.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Identities');
    if (!ws) throw new Error('no Identities sheet');
    const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    const keyCol = headers.indexOf(REVIEW_KEY_HEADER);
    const decisionCol = headers.indexOf(REVIEW_HEADERS.decision);
    const key = ws.getRow(2).getCell(keyCol).value;
    expect(String(key)).toMatch(/^p:[0-9a-f]{24}$/u);
    ws.getRow(2).getCell(decisionCol).value = 'Investigate';
    const reviewed = join(h.dir, 'pseudo-reviewed.xlsx');
    await wb.xlsx.writeFile(reviewed);
    const done = await h.job((await h.call('reviews:import', { path: reviewed, preferWorkbook: false })).jobId);
    expect(done).toMatchObject({ kind: 'review', result: { applied: 1, unknown: [], invalid: [], conflicts: [] } });
    const page = await h.call('identities:list', { limit: 5000 });
    expect(page.rows.filter((r) => r.review?.decision === 'Investigate')).toHaveLength(1);
  });
});
