import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../electron/engine/host';
import { USER_SIGNIN_HEADER } from '../../electron/engine/sample/writers/portalSignInCsv';
import type { JobResult } from '../../shared/contract/events';
import { inProcessEngine } from '../support/engineHarness';
import { SAMPLE, WORKER } from '../support/paths';

/** A small deterministic generator, so a failing case can be replayed. */
function randoms(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}
const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`;
const guid = (n: number): string => `${n.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${(n * 7919).toString(16).padStart(12, '0').slice(-12)}`;

/**
 * Portal rows with what real exports hold and the fast paths must not get wrong: quotes and commas
 * inside cells, a quoted newline, ids in upper case, statuses in several spellings or missing,
 * fractions of seconds, request ids repeated within the file, and rows to reject.
 */
function portalCsv(path: string, rows: number, seed: number, firstId: number, repeatFrom?: number): string {
  const next = randoms(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const agents = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/127.0', 'python-requests/2.31.0', 'curl "quoted" 8.1, with comma'];
  const lines = [USER_SIGNIN_HEADER.map(quote).join(',')];
  for (let i = 0; i < rows; i++) {
    const user = Math.floor(next() * 20);
    const code = pick([0, 0, 0, 50126, 50074, 53003]);
    const id = repeatFrom != null && i % 10 === 0 ? guid(repeatFrom + i) : i % 97 === 96 ? guid(firstId + i - 50) : guid(firstId + i);
    const v: Record<string, string> = {
      'Date (UTC)': `2026-11-${String(1 + (i % 9)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:0${i % 10}${i % 3 === 0 ? `.${i % 1000}Z` : 'Z'}`,
      'Request ID': i % 113 === 5 ? '' : id,
      'User agent': pick(agents),
      'Correlation ID': i % 4 === 0 ? '' : guid(900000 + i),
      'User ID': user % 5 === 0 ? guid(user).toUpperCase() : guid(user),
      User: `User ${user}`,
      Username: `user${user}@contoso.com`,
      'User type': pick(['Member', 'member', 'Guest']),
      'Incoming token type': pick(['none', 'primaryRefreshToken', '']),
      'Authentication Protocol': pick(['none', 'ROPC', 'Device code']),
      Application: pick(['Azure Portal', 'Microsoft Teams']),
      'Application ID ': pick([guid(70), guid(71)]),
      Resource: 'Microsoft Graph',
      'Resource ID ': guid(80),
      'IP address': `198.51.100.${Math.floor(next() * 30)}`,
      Location: pick(['Zürich, Zurich, CH', 'Seattle, Washington, US', 'CH', '']),
      Status: code === 0 ? pick(['Success', 'success ', '']) : pick(['Failure', '', 'Interrupted']),
      'Sign-in error code': String(code),
      'Failure reason': code === 0 ? '' : pick(['Invalid username or password.', 'Strong authentication\nis required.']),
      'Client app': 'Browser',
      'Multifactor authentication result': pick(['', 'MFA requirement satisfied by claim in the token']),
      'Authentication requirement': pick(['Multifactor authentication', 'Single-factor authentication']),
      'Autonomous system  number': pick(['3303', '', '8075']),
      'Conditional Access': pick(['Not Applied', 'Success']),
    };
    if (i % 131 === 7) v['Date (UTC)'] = '31/02/2026 10:00';
    const cells = USER_SIGNIN_HEADER.map((h) => quote(v[h] ?? ''));
    lines.push((i % 151 === 9 ? cells.slice(0, -1) : cells).join(','));
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

/** A Log Analytics export: JSON in its Status, DeviceDetail and LocationDetails cells, ResultType sometimes empty. */
function logAnalyticsCsv(path: string, rows: number): string {
  const next = randoms(3);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const header = [
    'TenantId', 'TimeGenerated [UTC]', 'Id', 'UserId', 'UserPrincipalName', 'UserDisplayName', 'UserType', 'AppId', 'AppDisplayName',
    'ResourceIdentity', 'ResourceDisplayName', 'ClientAppUsed', 'UserAgent', 'IPAddress', 'Location', 'LocationDetails', 'ResultType',
    'ResultDescription', 'Status', 'AuthenticationRequirement', 'AuthenticationProtocol', 'IncomingTokenType', 'ConditionalAccessStatus',
    'DeviceDetail', 'HomeTenantId', 'CorrelationId', 'AutonomousSystemNumber', 'Type',
  ];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const user = Math.floor(next() * 8);
    const code = pick(['0', '0', '50126', '']);
    const status = JSON.stringify({ errorCode: code === '' ? 50074 : Number(code), additionalDetails: pick(['MFA requirement satisfied by claim in the token', undefined]) });
    const device = JSON.stringify({ deviceId: pick(['', guid(500 + user)]), operatingSystem: pick(['Windows10', 'MacOs']), browser: pick(['Edge 127.0.0', 'Chrome 126']) });
    const location = JSON.stringify({ city: pick(['Zürich', 'Seattle']), state: pick(['Zurich', 'Washington']), countryOrRegion: pick(['CH', 'US']) });
    const row = [
      guid(1), `11/${String(1 + (i % 9)).padStart(2, '0')}/2026, ${1 + (i % 12)}:05:17.287 PM`, guid(700000 + i), guid(user), `la${user}@contoso.com`,
      `LA ${user}`, 'Member', guid(70), 'Azure Portal', guid(80), 'Windows Azure Service Management API', 'Browser', pick(['Mozilla/5.0', 'python-requests/2.31.0']),
      `203.0.113.${user}`, pick(['CH', 'US']), location, code, code === '0' ? '' : 'Invalid password', status,
      pick(['singleFactorAuthentication', 'multiFactorAuthentication']), 'none', 'none', pick(['notApplied', 'success']), device, guid(1), guid(800000 + i),
      '3303', 'SigninLogs',
    ];
    lines.push(row.map(quote).join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Every sign-in as text, the file records and the identity count. */
function dump(path: string): unknown {
  const db = new Database(path, { readonly: true });
  const rows = (db.prepare(`SELECT * FROM signin_view ORDER BY request_id`).all() as Record<string, unknown>[]).map(
    ({ file_id: _f, identity_id: _i, ...r }) => r,
  );
  const files = db
    .prepare(`SELECT name, sha256, kind, rows_imported, rows_rejected, rows_duplicate, first_time, last_time, warnings, rejections, flags FROM imported_files ORDER BY id`)
    .all();
  const identities = db.prepare(`SELECT count(*) AS n FROM identities`).get();
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE tbl_name = 'signins' ORDER BY name`).all();
  db.close();
  return { rows, files, identities, indexes };
}

type Outcome = { rowsImported: number; rowsRejected: number; rowsDuplicate: number; warnings: string[] };
const outcomes = (r: JobResult): Outcome[] =>
  r.kind === 'import' ? r.outcomes.map(({ rowsImported, rowsRejected, rowsDuplicate, warnings }) => ({ rowsImported, rowsRejected, rowsDuplicate, warnings })) : [];

/** Imports each list of files in turn, in one engagement per list of lists, with and without the parser thread. */
async function importBoth(dir: string, engagements: string[][][]): Promise<{ parallel: unknown[]; single: unknown[]; results: Outcome[][] }> {
  const host = new EngineHost(WORKER, { samplePath: SAMPLE, dataDir: dir, appVersion: 'test' });
  const single = inProcessEngine();
  const parallel: unknown[] = [];
  const singles: unknown[] = [];
  const results: Outcome[][] = [];
  try {
    for (const [e, steps] of engagements.entries()) {
      const a = join(dir, `parallel-${e}.nhiaudit`);
      const b = join(dir, `single-${e}.nhiaudit`);
      await host.invoke('engagement:create', { path: a });
      await single.call('engagement:create', { path: b });
      for (const paths of steps) {
        const ours = outcomes(await host.waitForJob((await host.invoke('import:start', { paths, analyse: false })).jobId));
        const theirs = outcomes(await single.job((await single.call('import:start', { paths, analyse: false })).jobId));
        expect(ours).toEqual(theirs);
        results.push(ours);
      }
      parallel.push(dump(a));
      singles.push(dump(b));
    }
  } finally {
    await host.close();
    await single.engine.shutdown();
  }
  return { parallel, single: singles, results };
}

describe('big sign-in files written in bulk (indexes built at the end)', () => {
  it('store what the row-by-row importer stores: repeats within and across files, rejections, Log Analytics JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhi-bulk-'));
    const first = portalCsv(join(dir, 'InteractiveSignIns_2026-11-01_2026-11-09.csv'), 400, 1, 10_000);
    // Three times bigger, so it is written in bulk too, and every tenth row repeats one of the first file.
    const overlapping = portalCsv(join(dir, 'InteractiveSignIns_2026-11-01_2026-11-10.csv'), 4000, 2, 100_000, 10_000);
    const la = logAnalyticsCsv(join(dir, 'SigninLogs_export.csv'), 300);
    const { parallel, single, results } = await importBoth(dir, [[[first], [overlapping], [la]], [[la]]]);
    expect(parallel).toEqual(single);
    // The cases are there: rejections and repeats in the first file, repeats across files in the second.
    expect(results[0]?.[0]).toMatchObject({ rowsRejected: expect.any(Number) as number, rowsDuplicate: expect.any(Number) as number });
    expect(results[0]?.[0]?.rowsRejected).toBeGreaterThan(3);
    expect(results[0]?.[0]?.rowsDuplicate).toBeGreaterThan(0);
    expect(results[1]?.[0]?.rowsDuplicate).toBeGreaterThanOrEqual(36);
    expect(results[3]?.[0]?.rowsImported).toBe(300);
    // The indexes are back, exactly as the migrations made them.
    expect((parallel[0] as { indexes: unknown[] }).indexes).toEqual((single[0] as { indexes: unknown[] }).indexes);
  });
});
