import { copyFileSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../shared/contract/dto';
import type { ImportKind } from '../../../shared/domain/importKinds';
import { openDatabase } from '../../../electron/engine/db/open';
import { CancelledError, importFile } from '../../../electron/engine/import/importFile';
import type { FileProgress } from '../../../electron/engine/import/importContext';
import { fileSource } from '../../../electron/engine/import/source';
import { inProcessEngine } from '../../support/engineHarness';
import { FIXTURES, SAMPLE, SHARED_SAMPLES } from '../../support/paths';

const JSON_FIXTURES = join(FIXTURES, 'json');
const fixture = (name: string): string => join(JSON_FIXTURES, name);

/** Imports the inputs into a new engagement; `query` then reads the engagement file directly. */
async function importPaths(paths: string[], kinds: Record<string, ImportKind> = {}) {
  const h = inProcessEngine();
  const dbPath = join(h.dir, 'e.nhiaudit');
  await h.call('engagement:create', { path: dbPath, name: 'test' });
  const r = await h.job((await h.call('import:start', { paths, kinds })).jobId);
  if (r.kind !== 'import') throw new Error('not an import');
  await h.engine.shutdown();
  const byName = (prefix: string): ImportOutcome => {
    const o = r.outcomes.find((x) => x.name.startsWith(prefix));
    if (!o) throw new Error(`no outcome for ${prefix}`);
    return o;
  };
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = openDatabase(dbPath, { create: false, readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const count = (sql: string, ...params: unknown[]): number => query<{ n: number }>(sql, ...params)[0]?.n ?? -1;
  return { h, outcomes: r.outcomes, byName, query, count };
}

describe('real public samples (../shared/samples)', () => {
  it('imports every JSON sample with its kind and record count', async () => {
    const files = readdirSync(SHARED_SAMPLES).filter((f) => f.endsWith('.json'));
    const { byName, outcomes, query } = await importPaths(files.map((f) => join(SHARED_SAMPLES, f)));
    expect(outcomes).toHaveLength(3);
    expect(byName('az-role-assignment-list')).toMatchObject({ status: 'imported', kind: 'azure.roles.az.json', rowsImported: 2, rowsRejected: 0 });
    expect(byName('graph-beta-auditLogs-signIns')).toMatchObject({ status: 'imported', kind: 'signins.graph.json', rowsImported: 1, rowsRejected: 0 });
    expect(byName('graph-beta-signin-list')).toMatchObject({ status: 'imported', kind: 'signins.graph.json', rowsImported: 1, rowsRejected: 0 });
    // az names a service principal by its appId: the new identity carries it as app id.
    expect(query(`SELECT kind, app_id FROM identities WHERE object_id = 'd75cae5f-db64-47f8-a539-e1c6375c7d87'`)).toEqual([
      { kind: 'service_principal', app_id: '8c5b3945-0b9b-4a95-8b9e-dd6f1d41fe07' },
    ]);
    expect(query(`SELECT error_code, status, country, auth_protocol FROM signin_view WHERE request_id = '1691d37b-8579-43a7-966a-0f35583c1300'`)).toEqual([
      { error_code: 50126, status: 'failure', country: 'US', auth_protocol: 'oAuth2' },
    ]);
  });
});

describe('Azure IP ranges (service tags download)', () => {
  it('is detected by its shape and keeps the AzureCloud prefixes, global and regional, and no other tag', async () => {
    const { byName, query } = await importPaths([fixture('ServiceTags_Public_20261116.json')]);
    expect(byName('ServiceTags_Public')).toMatchObject({ status: 'imported', kind: 'azure.ipranges.json', rowsImported: 5, rowsRejected: 0, warnings: [] });
    expect(query(`SELECT prefix, tag, region FROM azure_ip_ranges ORDER BY tag, prefix`)).toEqual([
      { prefix: '13.64.0.0/11', tag: 'AzureCloud', region: null },
      { prefix: '20.40.0.0/13', tag: 'AzureCloud', region: null },
      { prefix: '2603:1000::/24', tag: 'AzureCloud', region: null },
      { prefix: '20.50.0.0/16', tag: 'AzureCloud.westeurope', region: 'westeurope' },
      { prefix: '2603:1020:200::/46', tag: 'AzureCloud.westeurope', region: 'westeurope' },
    ]);
  });
});

describe('the bundled sample tenant (resources/sample)', () => {
  it('imports each JSON file with its kind and record count', async () => {
    const files = readdirSync(SAMPLE).filter((f) => f.endsWith('.json'));
    const { byName } = await importPaths(files.map((f) => join(SAMPLE, f)));
    const expected: [string, ImportKind, number][] = [
      ['applications.json', 'applications.graph.json', 25],
      ['servicePrincipals.json', 'serviceprincipals.graph.json', 51],
      ['entra_role_assignments.json', 'entra.roles.graph.json', 27],
      ['userRegistrationDetails.json', 'mfa.graph.json', 178],
      ['ServiceTags_Public_20261116.json', 'azure.ipranges.json', 28],
    ];
    for (const [name, kind, rows] of expected) {
      expect(byName(name), name).toMatchObject({ status: 'imported', kind, rowsImported: rows, rowsRejected: 0, error: null });
    }
  });

  it('makes each application and its service principal one identity', async () => {
    const { count } = await importPaths([join(SAMPLE, 'servicePrincipals.json'), join(SAMPLE, 'applications.json')]);
    expect(count(`SELECT count(*) AS n FROM identities WHERE app_object_id IS NOT NULL AND object_id IS NOT NULL`)).toBe(25);
    expect(count(`SELECT count(*) AS n FROM identities WHERE kind = 'application'`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM identities`)).toBe(51);
  });

  it('imported whole, merges each app with its service principal and records MIs, credentials, owners, roles and MFA', async () => {
    const { outcomes, count, query } = await importPaths([SAMPLE]);
    for (const o of outcomes) expect(o, o.name).toMatchObject({ status: 'imported', error: null });
    // All 25, including "Terraform Deployer (old)", whose service principal first appears as a role
    // assignment's principal (object id, no app id) before its application is folded into it.
    expect(count(`SELECT count(*) AS n FROM identities WHERE app_object_id IS NOT NULL AND object_id IS NOT NULL`)).toBe(25);
    expect(count(`SELECT count(*) AS n FROM identities WHERE kind = 'application'`)).toBe(0);
    expect(query(`SELECT msi_type, count(*) AS n FROM identities WHERE sp_type = 'ManagedIdentity' GROUP BY msi_type ORDER BY msi_type`)).toEqual([
      { msi_type: 'systemAssigned', n: 6 },
      { msi_type: 'userAssigned', n: 4 },
    ]);
    expect(count(`SELECT count(*) AS n FROM identities WHERE sp_type = 'ManagedIdentity' AND msi_resource_id LIKE '/subscriptions/%'`)).toBe(10);
    expect(count(`SELECT count(*) AS n FROM credentials`)).toBe(36);
    expect(count(`SELECT count(*) AS n FROM credentials WHERE type = 'certificate' AND thumbprint GLOB '[0-9A-F]*' AND length(thumbprint) = 40`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM credentials WHERE type = 'federated' AND issuer IS NOT NULL`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM owners`)).toBe(22);
    expect(count(`SELECT count(*) AS n FROM app_permissions WHERE source = 'required'`)).toBe(21);
    expect(count(`SELECT count(*) AS n FROM role_assignments WHERE system = 'entra'`)).toBe(27);
    expect(count(`SELECT count(*) AS n FROM role_assignments WHERE system = 'entra' AND role_name LIKE 'Unknown role%'`)).toBe(0);
    expect(query(`SELECT principal_type FROM role_assignments WHERE system = 'entra' AND principal_object_id = 'c1c36af0-5bea-4f42-9d07-d56cf068d413'`)).toEqual([
      { principal_type: 'Unknown' },
    ]);
    expect(count(`SELECT count(*) AS n FROM mfa_registration`)).toBe(178);
  });
});

describe('JSON shapes, as files', () => {
  it('imports each shape with its kind, and reports what it could not read', async () => {
    const files = readdirSync(JSON_FIXTURES).map(fixture);
    const { byName } = await importPaths(files);
    expect(byName('InteractiveSignIns_2026')).toMatchObject({ kind: 'signins.portal.json', rowsImported: 4, rowsRejected: 0, warnings: [] });
    expect(byName('graph-signins-concatenated-pages')).toMatchObject({ kind: 'signins.graph.json', rowsImported: 0, rowsDuplicate: 3 });
    expect(byName('graph-signins-array-of-pages')).toMatchObject({ kind: 'signins.graph.json', rowsRejected: 0 });
    expect(byName('graph-signins-array-of-pages').warnings).toContain(
      'The export has more pages that were not downloaded: its last page has an @odata.nextLink. Page through to the end (or use -All) and export again.',
    );
    expect(byName('signins.ndjson')).toMatchObject({
      kind: 'signins.graph.json',
      rowsRejected: 1,
      rejections: [{ line: 3, reason: 'not valid JSON (the line ends before its value does)' }],
    });
    expect(byName('signins-powershell51')).toMatchObject({ kind: 'signins.powershell.json', rowsImported: 2, rowsRejected: 0 });
    expect(byName('signins-powershell51').warnings.join(' ')).toMatch(/ConvertTo-Json -Depth 10/u);
    expect(byName('graph-signins-duplicate-and-proto-keys')).toMatchObject({ kind: 'signins.graph.json', rowsImported: 2, rowsRejected: 0 });
    expect(byName('signins-utf16le-bom')).toMatchObject({ kind: 'signins.portal.json', rowsImported: 1 });
    expect(byName('NonInteractiveSignIns_truncated')).toMatchObject({
      status: 'imported',
      kind: 'signins.portal.json',
      rowsRejected: 1,
      rejections: [{ line: 3, reason: 'record 3 (line 148): the file ends in the middle of a JSON value (truncated?)' }],
    });
    expect(byName('NonInteractiveSignIns_truncated').warnings[0]).toMatch(/^The file ends in the middle of a JSON value \(truncated\?\)/u);
    expect(byName('a0000000-')).toMatchObject({ kind: 'applications.graph.json', rowsImported: 1 });
    expect(byName('aaaaaaaa-')).toMatchObject({ kind: 'users.graph.json', rowsImported: 1 });
    expect(byName('users-graph')).toMatchObject({ kind: 'users.graph.json', rowsImported: 2, rejections: [{ line: 3, reason: 'record 3 (line 22): neither an id nor a userPrincipalName' }] });
    expect(byName('servicePrincipals-with-grants')).toMatchObject({ kind: 'serviceprincipals.graph.json', rowsImported: 3, rowsRejected: 1 });
    expect(byName('roleEligibilitySchedules')).toMatchObject({ kind: 'entra.roles.schedules.graph.json', rowsImported: 3, rowsRejected: 1 });
    expect(byName('roleAssignmentScheduleInstances')).toMatchObject({ kind: 'entra.roles.schedules.graph.json', rowsImported: 2 });
    expect(byName('azure-iam-role-assignments')).toMatchObject({ kind: 'azure.roles.portal.json', rowsImported: 3 });
    expect(byName('registrations-with-non-objects')).toMatchObject({ kind: 'mfa.graph.json', rowsImported: 2, rowsRejected: 3 });
    expect(byName('registrations-with-non-objects').rejections[0]).toEqual({ line: 2, reason: 'record 2 (line 17): a number, not an object' });
    expect(byName('userRegistrationDetails-corrupt')).toMatchObject({ kind: 'mfa.graph.json', rowsImported: 2, rowsRejected: 1 });
    expect(byName('userRegistrationDetails-corrupt').warnings[0]).toMatch(/^The file is not valid JSON from line 33 on/u);
    expect(byName('groups-graph')).toMatchObject({ status: 'skipped', error: 'Recognised as a Microsoft Graph export of groups, which this version does not import yet.' });
    expect(byName('settings')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Not a recognised export: it looks like a single JSON object/u) });
  });

  it('stores what the records say: categories, times, steps, text, PIM state and MI details', async () => {
    const { query, count } = await importPaths(readdirSync(JSON_FIXTURES).map(fixture));
    expect(query(`SELECT category, count(*) AS n FROM signin_view WHERE file_id = (SELECT id FROM imported_files WHERE name LIKE 'InteractiveSignIns_%') GROUP BY category ORDER BY category`)).toEqual([
      { category: 'interactive', n: 1 },
      { category: 'managed_identity', n: 1 },
      { category: 'non_interactive', n: 1 },
      { category: 'service_principal', n: 1 },
    ]);
    expect(query(`SELECT msi_type, credential_key_id FROM signin_view WHERE category IN ('managed_identity', 'service_principal') AND request_id LIKE '0000000_-%' ORDER BY category`)).toEqual([
      { msi_type: 'systemAssigned', credential_key_id: null },
      { msi_type: null, credential_key_id: 'dddddddd-0000-4000-8000-000000000001' },
    ]);
    // PowerShell: \/Date(ms)\/ and the DisplayHint object; the first says its event type only in AdditionalProperties.
    expect(query(`SELECT time_ms, category FROM signin_view WHERE request_id IN ('00000005-1111-4111-8111-000000000005', '00000006-1111-4111-8111-000000000006') ORDER BY request_id`)).toEqual([
      { time_ms: 1793528130000, category: 'non_interactive' },
      { time_ms: 1793531730000, category: 'non_interactive' },
    ]);
    expect(count(`SELECT count(*) AS n FROM signin_auth_details WHERE method = 'Password'`)).toBeGreaterThan(0);
    expect(query(`SELECT user_display_name, city FROM signin_view WHERE request_id = '00000009-1111-4111-8111-000000000009'`)).toEqual([
      { user_display_name: 'Zoë Müller-東京', city: 'Zürich' },
    ]);
    expect(query(`SELECT state, start_time, end_time, member_type FROM role_assignments WHERE assignment_id IN ('e1', 'e2', 'a1') ORDER BY assignment_id`)).toEqual([
      { state: 'active', start_time: '2026-11-19T08:00:00.000Z', end_time: '2026-11-19T16:00:00.000Z', member_type: 'Direct' },
      { state: 'eligible', start_time: '2025-01-01T00:00:00.000Z', end_time: null, member_type: 'Direct' },
      { state: 'eligible', start_time: '2026-01-01T00:00:00.000Z', end_time: '2027-01-01T00:00:00.000Z', member_type: 'Group' },
    ]);
    expect(query(`SELECT msi_type, msi_resource_id FROM identities WHERE object_id = 'bbbbbbbb-0000-4000-8000-000000000003'`)).toEqual([
      { msi_type: 'userAssigned', msi_resource_id: '/subscriptions/f018881d-0c90-41ce-8be1-f0152098441c/resourceGroups/rg-payments-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-payments-prod' },
    ]);
    // The granted app role resolves to Microsoft Graph's app id from the same file; default access is no permission.
    expect(query(`SELECT resource_app_id, permission_id FROM app_permissions WHERE source = 'granted'`)).toEqual([
      { resource_app_id: '00000003-0000-0000-c000-000000000000', permission_id: 'df021288-bdef-4463-88db-98f22de89214' },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('kinds and sizes', () => {
  it('honours a JSON kind override and refuses a table kind for a JSON file', async () => {
    const name = fixture('InteractiveSignIns_2026-11-01_2026-11-08.json');
    const other = fixture('users-graph.json');
    const { byName } = await importPaths([name, other], { [name]: 'signins.graph.json', [other]: 'users.portal.csv' });
    expect(byName('InteractiveSignIns')).toMatchObject({ status: 'imported', kind: 'signins.graph.json', rowsImported: 4 });
    expect(byName('users-graph')).toMatchObject({ status: 'failed', error: expect.stringMatching(/cannot be read as "Users \(portal "Download users" CSV\)"/u) });
  });

  it('imports a record with a 5 MB string value', async () => {
    const h = inProcessEngine();
    const path = join(h.dir, 'huge-agent.json');
    const agent = `Mozilla/5.0 ${'x'.repeat(5 * 1024 * 1024)} é`;
    writeFileSync(path, JSON.stringify([{ id: 'big-1', createdDateTime: '2026-11-01T00:00:00Z', userId: 'aaaaaaaa-0000-4000-8000-000000000001', appId: 'a', userAgent: agent, isInteractive: true, status: { errorCode: 0 } }]));
    await h.engine.shutdown();
    const { outcomes, query } = await importPaths([path]);
    expect(outcomes[0]).toMatchObject({ status: 'imported', kind: 'signins.portal.json', rowsImported: 1 });
    expect(query(`SELECT length(user_agent) AS n FROM signin_view`)).toEqual([{ n: agent.length }]);
  });

  it('detects NDJSON from its first good line, and explains a file broken before its first record', async () => {
    const h = inProcessEngine();
    const path = join(h.dir, 'mfa.ndjson');
    const good = (i: number): string => JSON.stringify({ id: `aaaaaaaa-0000-4000-8000-00000000000${i}`, userPrincipalName: `u${i}@contoso.com`, isMfaRegistered: true, methodsRegistered: ['fido2'] });
    writeFileSync(path, `${good(1)}\n{"id": "x", oops}\n${good(2)}\n`);
    writeFileSync(join(h.dir, 'first-bad.ndjson'), `{"id": "x", oops}\n${good(1)}\n${good(2)}\n`);
    writeFileSync(join(h.dir, 'cut.json'), `[${good(1).slice(0, 30)}`);
    await h.engine.shutdown();
    const { outcomes } = await importPaths([path, join(h.dir, 'first-bad.ndjson'), join(h.dir, 'cut.json')]);
    expect(outcomes[0]).toMatchObject({ kind: 'mfa.graph.json', rowsImported: 2, rejections: [{ line: 2, reason: expect.stringMatching(/^not valid JSON/u) }] });
    // The first line is not an object on its own, so this is read as a document that breaks at once.
    expect(outcomes[1]).toMatchObject({ status: 'failed', error: expect.stringMatching(/starts like JSON but is not valid JSON from line 1 on/u) });
    expect(outcomes[2]).toMatchObject({ status: 'failed', error: 'Not a recognised export: it looks like JSON that ends in the middle of its first value (truncated?).' });
  });

  it('skips an identical JSON file imported before', async () => {
    const h = inProcessEngine();
    const copy = join(h.dir, 'copy.json');
    copyFileSync(fixture('users-graph.json'), copy);
    await h.engine.shutdown();
    const { outcomes } = await importPaths([fixture('users-graph.json'), copy]);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'skipped']);
  });
});

describe('progress and cancellation', () => {
  it('reports bytes and records as it goes, and a cancel leaves the engagement as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhi-json-'));
    const path = join(dir, 'graph-signins.json');
    const value = Array.from({ length: 12_000 }, (_, i) => ({
      id: `req-${i}`,
      createdDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
      userId: `aaaaaaaa-0000-4000-8000-${String(i % 50).padStart(12, '0')}`,
      appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      signInEventTypes: ['interactiveUser'],
      status: { errorCode: 0 },
    }));
    writeFileSync(path, JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns', value }, null, 1));
    const db = openDatabase(join(dir, 'e.nhiaudit'), { create: true });
    const source = fileSource(path, statSync(path).size);
    const progress: FileProgress[] = [];
    const complete = await importFile({ db, source, signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    expect(complete).toMatchObject({ status: 'imported', kind: 'signins.graph.json', rowsImported: 12_000 });
    expect(progress.map((p) => p.rows)).toEqual(expect.arrayContaining([2000, 4000, 12_000]));
    expect(progress[progress.length - 1]).toEqual({ bytes: source.size, totalBytes: source.size, rows: 12_000 });

    const again = join(dir, 'graph-signins-2.json');
    writeFileSync(again, JSON.stringify({ value: value.map((v) => ({ ...v, id: `${v.id}-b` })) }));
    const controller = new AbortController();
    const cancelled = importFile({
      db,
      source: fileSource(again, statSync(again).size),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rows >= 4000) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    expect(db.prepare(`SELECT count(*) AS n FROM signins`).get()).toEqual({ n: 12_000 });
    expect(db.prepare(`SELECT count(*) AS n FROM imported_files`).get()).toEqual({ n: 1 });
    db.close();
  });
});
