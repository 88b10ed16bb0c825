import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CLI, FIXTURES } from '../support/paths';

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  // process.execPath is the Node 24 that runs the tests (the `node` dev dependency).
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nhi-cli-'));

describe('nhi-audit CLI', () => {
  it('exits 2 on bad usage with a clear message', () => {
    expect(cli('analyze').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    const r = cli('analyze', FIXTURES, '--out', 'x.xlsx', '--as-of', '2026-13-45');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of must be a date/u);
    const k = cli('analyze', FIXTURES, '--out', 'x.xlsx', '--kind', 'a.csv=nonsense');
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/signins\.portal\.interactive\.csv/u);
  });

  it('exits 1 when nothing usable could be imported, and writes no workbook', () => {
    const d = tmp();
    writeFileSync(join(d, 'notes.csv'), 'Year,Amount\n2026,1\n');
    const r = cli('analyze', d, '--out', join(d, 'w.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAILED\s+notes\.csv/u);
    expect(existsSync(join(d, 'w.xlsx'))).toBe(false);
  });

  it('analyses, writes a workbook and a schemaVersion 1 report, and keeps tenant text inert', async () => {
    const d = tmp();
    const r = cli('analyze', join(FIXTURES, 'portal'), '--out', join(d, 'w.xlsx'), '--json', join(d, 'r.json'), '--db', join(d, 'e.nhiaudit'), '--as-of', '2026-11-20');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 identities from 37 sign-ins in 3 files/u);
    const report = JSON.parse(readFileSync(join(d, 'r.json'), 'utf8'));
    expect(report).toMatchObject({ schemaVersion: 1, asOf: '2026-11-20' });
    expect(report.inputs).toHaveLength(3);
    for (const i of report.inputs) expect(Object.keys(i)).toEqual(expect.arrayContaining(['file', 'sha256', 'kind', 'rows', 'rejectedRows', 'warnings', 'error']));
    for (const i of report.identities) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'objectId', 'appId', 'upn', 'displayName', 'class', 'confidence', 'reasons', 'readiness', 'recommendation']));
    }
    const byUpn = Object.fromEntries(report.identities.map((i: { upn: string }) => [i.upn, i]));
    expect(byUpn['report.job@contoso.com']).toMatchObject({
      class: 'service_account',
      readiness: { verdict: 'will_break', phase: 2, surfaces: [{ surface: 'cli', effect: 'breaks', singleFactor: 35 }] },
      recommendation: { pattern: 'service_principal_certificate' },
    });
    expect(byUpn['report.job@contoso.com'].readiness.surfaces[0].sampleRequestIds.length).toBeGreaterThan(0);
    expect(byUpn['alice@contoso.com']).toMatchObject({ class: 'human', readiness: { verdict: 'ready' }, recommendation: { pattern: 'none' } });
    expect(r.stdout).toMatch(/Mandatory MFA readiness\s+Will break\s+1\s+Ready\s+1\s+No enforced use\s+1/u);
    // The portal fixture has no registration or role exports: those rules say so instead of passing.
    const rules = Object.fromEntries(report.analysis.rules.map((x: { id: string }) => [x.id, x]));
    expect(rules['break-glass-without-phishing-resistant-mfa']).toMatchObject({ status: 'skipped', reason: 'Skipped: no MFA registration data was imported.' });
    expect(rules['password-grant-in-use']).toMatchObject({ status: 'fail', findings: 1 });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'password-grant-in-use', severity: 'high', subject: 'Nightly Report (report.job@contoso.com)', owaspNhi: ['NHI4:2025'], nistCsf: ['PR.AA-03'], sp800207: ['Tenet 6'] }),
    );
    expect(report.analysis).toMatchObject({ classification: 'computed', readiness: 'computed', recommendations: 'computed', findings: 'computed' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, 'w.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Identities', 'MFA Readiness', 'Migration Plan', 'Findings', 'Credentials', 'Privileged Access', 'Ownership', 'Sources & Method']);
    const ids = wb.getWorksheet('Identities');
    const names: unknown[] = [];
    ids?.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(1).value);
    });
    expect(names).toContain('=HYPERLINK("http://x","click")');
    // Not one formula anywhere: tenant text, evidence that quotes it, and links are all plain values.
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('imports incrementally and exports from an existing engagement', () => {
    const d = tmp();
    const db = join(d, 'e.nhiaudit');
    expect(cli('import', join(FIXTURES, 'portal', 'exportUsers_2026-11-2.csv'), '--db', db).code).toBe(0);
    const second = cli('import', join(FIXTURES, 'portal'), '--db', db);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/skipped exportUsers/u);
    const ex = cli('export', '--db', db, '--out', join(d, 'w.xlsx'), '--json', join(d, 'r.json'));
    expect(ex.code).toBe(0);
    expect(existsSync(join(d, 'w.xlsx')) && existsSync(join(d, 'r.json'))).toBe(true);
    expect(cli('export', '--db', join(d, 'missing.nhiaudit'), '--out', join(d, 'x.xlsx')).code).toBe(2);
  });
});

describe('a crash during an import', () => {
  it('leaves the engagement as it was before the file being imported', async () => {
    const { spawn } = await import('node:child_process');
    const Database = (await import('better-sqlite3')).default;
    const { bigInteractiveCsv } = await import('../support/bigCsv');
    const d = tmp();
    const db = join(d, 'e.nhiaudit');
    expect(cli('import', join(FIXTURES, 'portal'), '--db', db).code).toBe(0);
    const big = bigInteractiveCsv(d, 300_000);
    const child = spawn(process.execPath, [CLI, 'import', big, '--db', db], { stdio: 'ignore' });
    // Kill it (no chance to clean up) once the open transaction has spilled pages into the WAL.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        try {
          if (statSync(`${db}-wal`).size > 8 * 1024 * 1024) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve();
          }
        } catch {
          /* no WAL yet */
        }
      }, 20);
      child.once('exit', () => {
        clearInterval(timer);
        reject(new Error('the import finished before it could be interrupted'));
      });
    });
    await new Promise((r) => child.once('exit', r));
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM signins').get()).toEqual({ n: 37 });
    expect(raw.prepare('SELECT count(*) AS n FROM imported_files').get()).toEqual({ n: 3 });
    raw.close();
    // And the engagement is still usable: the same file imports completely afterwards.
    const again = cli('import', big, '--db', db);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/300,000 rows/u);
  });
});
