import ExcelJS from 'exceljs';
import type { SheetContext } from '../../../electron/engine/export/cells';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../electron/engine/analysis/runAnalysis';
import { inProcessEngine } from '../../support/engineHarness';
import { SAMPLE } from '../../support/paths';
import { Engagement } from '../../../electron/engine/engagement';
import { writeCredentialsSheet } from '../../../electron/engine/export/sheets/credentials';
import { writeOwnershipSheet } from '../../../electron/engine/export/sheets/ownership';
import { writePrivilegedSheet } from '../../../electron/engine/export/sheets/privileged';
import { DirectoryWriter } from '../../../electron/engine/store/directoryWriter';
import { RoleAssignmentWriter } from '../../../electron/engine/store/roleAssignmentWriter';
import { SignInWriter } from '../../../electron/engine/store/signInWriter';
import type { CredentialRecord, DirectoryObjectRecord, OwnerRecord, RoleAssignmentRecord, SignInRecord } from '../../../shared/domain/records';

const AS_OF = '2026-11-20';
const EVIL = '=HYPERLINK("http://x","click")';
const SUB = '/subscriptions/00000000-0000-4000-8000-0000000000aa';
const OWNER_ROLE = '/subscriptions/00000000-0000-4000-8000-0000000000aa/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const READER_ROLE = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const MICROSOFT_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const OUR_TENANT = '11111111-0000-4000-8000-00000000000f';
const VENDOR_TENANT = '99999999-0000-4000-8000-00000000000f';

const guid = (n: number, prefix = '0'): string => `${prefix.repeat(8)}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const ALICE = guid(1, 'a');
const BOB = guid(2, 'b');

function secret(name: string, keyId: string, start: string, end: string | null): CredentialRecord {
  return { type: 'password', keyId, displayName: name, start, end, hint: 'abc', thumbprint: null, issuer: null, subject: null, audiences: [] };
}

function directoryObject(over: Partial<DirectoryObjectRecord> & Pick<DirectoryObjectRecord, 'kind' | 'objectId'>): DirectoryObjectRecord {
  return {
    appId: null,
    displayName: null,
    spType: over.kind === 'service_principal' ? 'Application' : null,
    appOwnerOrgId: null,
    signInAudience: 'AzureADMyOrg',
    accountEnabled: true,
    createdAt: '2025-01-01T00:00:00Z',
    description: null,
    msiType: null,
    msiResourceId: null,
    tags: [],
    credentials: [],
    owners: [],
    permissions: [],
    ...over,
  };
}

/** An application registration and its service principal (one identity once merged). */
function ownApp(d: DirectoryWriter, files: Files, n: number, name: string, credentials: CredentialRecord[], owners: OwnerRecord[]): number {
  const appId = guid(n, '1');
  d.write(directoryObject({ kind: 'application', objectId: guid(n, '2'), appId, displayName: name, credentials, owners }), files.apps);
  return d.write(directoryObject({ kind: 'service_principal', objectId: guid(n, '3'), appId, displayName: name, appOwnerOrgId: OUR_TENANT }), files.sps);
}

function role(over: Partial<RoleAssignmentRecord>): RoleAssignmentRecord {
  return { system: 'azure', assignmentId: null, principalObjectId: null, principalName: null, principalType: 'ServicePrincipal', roleName: 'Reader', roleDefinitionId: READER_ROLE, scope: SUB, state: 'active', start: null, end: null, memberType: null, ...over };
}

function spSignIn(requestId: string, spId: string, keyId: string): SignInRecord {
  const none = Object.fromEntries(
    ['userId', 'upn', 'userDisplayName', 'userType', 'spName', 'appId', 'appName', 'resourceId', 'resourceName', 'clientApp', 'userAgent', 'ip', 'city', 'state', 'country', 'status', 'failureReason', 'authRequirement', 'authProtocol', 'mfaResult', 'mfaMethod', 'incomingTokenType', 'crossTenantAccess', 'credentialType', 'credentialThumbprint', 'msiType', 'associatedResourceId', 'conditionalAccess', 'deviceId', 'operatingSystem', 'browser', 'homeTenantId', 'resourceTenantId', 'correlationId', 'asn', 'errorCode'].map((k) => [k, null]),
  );
  return { ...(none as unknown as SignInRecord), requestId, category: 'service_principal', timeMs: Date.UTC(2026, 10, 10, 3), spId, credentialKeyId: keyId, status: 'success', errorCode: 0 };
}

interface Files {
  apps: number;
  sps: number;
  roles: number;
  spSignIns: number;
  users: number;
}

function newEngagement(dir: string, name: string): { e: Engagement; files: Files } {
  const e = Engagement.create(join(dir, `${name}.nhiaudit`), { name, customer: '', tenant: '', auditor: '', asOf: AS_OF }, 'test');
  const kinds = ['applications.graph.json', 'serviceprincipals.graph.json', 'azure.roles.csv', 'signins.portal.service_principal.csv', 'users.graph.json'];
  const insert = e.writer.prepare(
    `INSERT INTO imported_files (id, name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected, rows_duplicate, imported_at, duration_ms)
     VALUES (?, ?, ?, 1, ?, ?, 'utf-8', ',', 0, 0, 0, '', 0)`,
  );
  kinds.forEach((kind, i) => insert.run(i + 1, kind, kind, `sha-${i}`, kind));
  return { e, files: { apps: 1, sps: 2, roles: 3, spSignIns: 4, users: 5 } };
}

function analyse(e: Engagement): void {
  runAnalysis(e.writer, e.classificationSettings(), () => undefined);
}

const PRINT = { orientation: 'landscape', fitToPage: true } as const;

type Writer = (wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Engagement['reader'], ctx: SheetContext) => Promise<number>;

/** Writes the three sheets with a streaming writer, as the workbook does, and reads the file back. */
async function roundTrip(e: Engagement, dir: string): Promise<{ book: ExcelJS.Workbook; written: Record<string, number> }> {
  const path = join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const written: Record<string, number> = {};
  const writers: [string, Writer][] = [
    ['Credentials', writeCredentialsSheet],
    ['Privileged Access', writePrivilegedSheet],
    ['Ownership', writeOwnershipSheet],
  ];
  for (const [name, write] of writers) written[name] = await write(wb, e.reader, { print: PRINT, signal: new AbortController().signal, asOf: AS_OF });
  await wb.commit();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return { book, written };
}

/** A sheet's rows as objects keyed by header (the table only, up to the first empty row). */
function table(book: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values.every((v) => v == null || v === '')) break;
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])));
  }
  return out;
}

describe('Credentials, Privileged Access and Ownership sheets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nhi-sheets-'));
  let full: Engagement;
  let book: ExcelJS.Workbook;
  let written: Record<string, number>;

  beforeAll(async () => {
    const { e, files } = newEngagement(dir, 'full');
    full = e;
    const db = e.writer;
    // Job titles make both people (not "unknown" for want of sign-ins).
    const user = db.prepare(
      `INSERT INTO identities (kind, object_id, upn, display_name, user_type, account_enabled, job_title, in_directory, source_file_id) VALUES ('user', ?, ?, ?, 'member', ?, 'Engineer', 1, 5)`,
    );
    user.run(ALICE, 'alice@contoso.com', 'Alice Admin', 1);
    user.run(BOB, 'bob@contoso.com', 'Bob Gone', 0);
    const d = new DirectoryWriter(db);
    const payroll = ownApp(
      d,
      files,
      1,
      'Payroll Sync',
      [
        secret('valid-in-use', 'k-used', '2026-10-01T00:00:00Z', '2027-01-29T00:00:00Z'),
        secret('old-secret', 'k-expired', '2025-06-01T00:00:00Z', '2026-01-01T00:00:00Z'),
        // Graph's "never": parsed, it rounds into year 10000; the sheet keeps the date as exported.
        secret('forever', 'k-forever', '2024-03-01T00:00:00Z', '9999-12-31T23:59:59.9999999Z'),
        secret('two-years', 'k-long', '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z'),
        { type: 'certificate', keyId: 'k-cert', displayName: 'CN=payroll', start: '2025-12-01T00:00:00Z', end: '2026-12-01T00:00:00Z', hint: null, thumbprint: 'AB', issuer: null, subject: null, audiences: [] },
        { type: 'federated', keyId: 'k-fic', displayName: 'main-branch', start: null, end: null, hint: null, thumbprint: null, issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:contoso/payroll:ref:refs/heads/main', audiences: ['api://AzureADTokenExchange'] },
      ],
      [{ objectId: ALICE, upn: 'alice@contoso.com', displayName: 'Alice Admin', type: 'user' }],
    );
    ownApp(d, files, 2, EVIL, [secret('evil-secret', 'k-evil', '2026-06-01T00:00:00Z', '2026-11-30T00:00:00Z')], []);
    ownApp(d, files, 3, 'Legacy Batch', [], [{ objectId: BOB, upn: 'bob@contoso.com', displayName: 'Bob Gone', type: 'user' }]);
    d.write(directoryObject({ kind: 'service_principal', objectId: guid(4, '3'), appId: guid(4, '1'), displayName: 'Vendor Tool', appOwnerOrgId: VENDOR_TENANT, signInAudience: 'AzureADMultipleOrgs' }), files.sps);
    d.write(directoryObject({ kind: 'service_principal', objectId: guid(5, '3'), appId: guid(5, '1'), displayName: 'Microsoft Graph', appOwnerOrgId: MICROSOFT_TENANT }), files.sps);
    // Another vendor's app whose enterprise-app owner is exported: the service principal export carried owners.
    d.write(
      directoryObject({ kind: 'service_principal', objectId: guid(8, '3'), appId: guid(8, '1'), displayName: 'Partner Sync', appOwnerOrgId: VENDOR_TENANT, owners: [{ objectId: ALICE, upn: 'alice@contoso.com', displayName: 'Alice Admin', type: 'user' }] }),
      files.sps,
    );
    d.write(directoryObject({ kind: 'service_principal', objectId: guid(6, '3'), appId: guid(6, '1'), displayName: 'id-payments', spType: 'ManagedIdentity', msiType: 'userAssigned' }), files.sps);

    const roles = new RoleAssignmentWriter(db);
    roles.write(role({ principalObjectId: guid(4, '3'), principalName: 'Vendor Tool', roleName: 'Reader' }), files.roles);
    roles.write(role({ principalObjectId: ALICE, principalName: 'alice@contoso.com', principalType: 'User', roleName: 'Owner', roleDefinitionId: OWNER_ROLE }), files.roles);
    roles.write(role({ principalObjectId: guid(2, '3'), principalName: EVIL, roleName: 'Owner', roleDefinitionId: OWNER_ROLE }), files.roles);
    // Known only from its role assignment: no directory export described it.
    roles.write(role({ principalObjectId: guid(9, 'e'), principalName: 'Ghost Runner', roleName: 'Reader' }), files.roles);
    roles.write(role({ principalObjectId: guid(7, 'd'), principalName: null, principalType: 'Unknown', roleName: 'Contributor', roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c' }), files.roles);

    const signIns = new SignInWriter(db);
    for (let i = 0; i < 3; i++) signIns.write(spSignIn(`r-${i}`, guid(1, '3'), 'k-used'), payroll, files.spSignIns, i + 2);
    analyse(e);
    ({ book, written } = await roundTrip(e, dir));
  });

  afterAll(() => full.close());

  it('lists every credential worst first: expired, no expiry, expiring, over the lifetime limit, unused, then the rest', () => {
    const rows = table(book, 'Credentials');
    expect(written.Credentials).toBe(7);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ Identity: 'Payroll Sync', 'Credential type': 'Client secret', Name: 'old-secret', Status: 'Expired', 'Expires (UTC)': '2026-01-01 00:00' });
    expect(String(rows[0]?.Issue)).toMatch(/^Expired on 2026-01-01; Lifetime 214 days, over the limit of 180$/u);
    expect(rows[1]).toMatchObject({ Name: 'forever', Status: 'No expiry', 'Expires (UTC)': '9999-12-31 23:59', Issue: 'Secret never expires; Not seen in use while the application signs in with another key', 'Lifetime (days)': '' });
    // Expiring within the 30 days of the default settings: the certificate and the evil app's secret, by holder name.
    expect(rows.slice(2, 4).map((r) => [r.Identity, r.Name, r.Status])).toEqual([
      [EVIL, 'evil-secret', 'Expires within 30 days'],
      ['Payroll Sync', 'CN=payroll', 'Expires within 30 days'],
    ]);
    expect(rows[4]).toMatchObject({ Name: 'two-years', Status: 'Valid', 'Lifetime (days)': 730, 'Seen in use': 'No' });
    expect(String(rows[4]?.Issue)).toBe('Lifetime 730 days, over the limit of 180; Not seen in use while the application signs in with another key');
    expect(rows[5]).toMatchObject({ Name: 'main-branch', 'Credential type': 'Federated credential', Status: 'Valid', Issue: '', 'Seen in use': 'Unknown', 'Federated issuer': 'https://token.actions.githubusercontent.com', 'Federated subject': 'repo:contoso/payroll:ref:refs/heads/main', 'Federated audiences': 'api://AzureADTokenExchange' });
    expect(rows[6]).toMatchObject({ Name: 'valid-in-use', Status: 'Valid', Issue: '', 'Seen in use': 'Yes', 'Lifetime (days)': 120, Kind: 'service principal', Class: 'Service principal' });
  });

  it('says Unknown, not No, for use where the identity never signs in', () => {
    const evil = table(book, 'Credentials').find((r) => r.Name === 'evil-secret');
    expect(evil).toMatchObject({ 'Seen in use': 'Unknown', 'Use evidence': 'The identity has no service principal sign-ins in the evidence' });
  });

  it('lists privileged assignments first, machine identities first among them', () => {
    const rows = table(book, 'Privileged Access');
    expect(written['Privileged Access']).toBe(5);
    expect(rows.map((r) => [r.Principal, r.Role, r.Privileged, r['Machine identity']])).toEqual([
      [EVIL, 'Owner', 'Yes', 'Yes'],
      [guid(7, 'd'), 'Contributor', 'Yes', 'Unknown'],
      ['Alice Admin', 'Owner', 'Yes', 'No'],
      ['Ghost Runner', 'Reader', 'No', 'Yes'],
      ['Vendor Tool', 'Reader', 'No', 'Yes'],
    ]);
    expect(rows[0]).toMatchObject({ System: 'Azure RBAC', Scope: SUB, 'Scope level': 'Subscription', State: 'Active', Kind: 'service principal', Class: 'Service principal', 'Principal deleted': 'No' });
    expect(rows[1]).toMatchObject({ 'Principal deleted': 'Yes', Kind: 'unknown' });
    expect(rows[2]).toMatchObject({ 'UPN / application ID': 'alice@contoso.com', Kind: 'user' });
  });

  it('puts applications without owners and with bad owners first, and leaves Microsoft first-party principals out', () => {
    const rows = table(book, 'Ownership');
    // The tenant's own applications before other organisations' within a status.
    expect(rows.map((r) => [r.Name, r.Status])).toEqual([
      [EVIL, 'No owners'],
      ['Vendor Tool', 'No owners'],
      ['Legacy Batch', 'Owner issues'],
      // Known only from a role assignment: no export said anything about its owners.
      ['Ghost Runner', 'Owner data not imported'],
      ['Payroll Sync', 'OK'],
      ['Partner Sync', 'OK'],
      ['id-payments', 'Not applicable (managed identity)'],
    ]);
    expect(rows[1]).toMatchObject({ Owners: 0, 'Registered in': `Another tenant (${VENDOR_TENANT})` });
    expect(rows[2]).toMatchObject({ Owners: 1, 'Owner names': 'Bob Gone <bob@contoso.com> (user)', 'Owner problems': 'Bob Gone is disabled', 'Registered in': 'This tenant' });
    expect(written.Ownership).toBe(7);
    const notes: string[] = [];
    book.getWorksheet('Ownership')?.eachRow((row, n) => {
      if (n > rows.length + 1) notes.push(String(row.getCell(1).value));
    });
    expect(notes).toEqual([expect.stringMatching(/^1 Microsoft first-party service principal is not listed/u)]);
  });

  it('writes a display name that looks like a formula as plain text on every sheet', () => {
    for (const [sheet, column] of [['Credentials', 1], ['Privileged Access', 1], ['Ownership', 1]] as const) {
      const ws = book.getWorksheet(sheet);
      let found = 0;
      ws?.eachRow((row) => {
        const cell = row.getCell(column);
        if (cell.value !== EVIL) return;
        found++;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      });
      expect(found, sheet).toBeGreaterThan(0);
    }
  });

  it('says "Owner data not imported", never "No owners", when no export carried owners', async () => {
    const { e, files } = newEngagement(dir, 'no-owners');
    try {
      ownApp(new DirectoryWriter(e.writer), files, 1, 'Payroll Sync', [secret('s', 'k-1', '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z')], []);
      analyse(e);
      const { book: b } = await roundTrip(e, dir);
      expect(table(b, 'Ownership').map((r) => [r.Name, r.Owners, r.Status])).toEqual([['Payroll Sync', 0, 'Owner data not imported']]);
      // No service principal sign-ins at all: use is unknown, with the reason.
      expect(table(b, 'Credentials')).toMatchObject([{ Name: 's', Status: 'Valid', 'Seen in use': 'Unknown', 'Use evidence': 'No service principal sign-ins were imported' }]);
    } finally {
      e.close();
    }
  });
});

describe('the sheets over the bundled sample agree with the findings', () => {
  it('shows each credential and owner problem exactly where a rule found it', async () => {
    const h = inProcessEngine();
    const path = join(h.dir, 'sample.nhiaudit');
    await h.call('engagement:create', { path, name: 'sample', asOf: AS_OF });
    await h.job((await h.call('import:start', { paths: [SAMPLE], kinds: {} })).jobId);
    await h.engine.shutdown();
    const e = Engagement.open(path);
    try {
      const { book: b, written: n } = await roundTrip(e, h.dir);
      const findings = (rule: string): number => (e.reader.prepare(`SELECT count(*) AS n FROM findings WHERE rule_id = ?`).get(rule) as { n: number }).n;
      const count = (table: string): number => (e.reader.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const credentials = table(b, 'Credentials');
      const issues = (prefix: string): number => credentials.filter((r) => String(r.Issue).split('; ').some((i) => i.startsWith(prefix))).length;
      expect(n.Credentials).toBe(count('credentials'));
      expect(issues('Expired on')).toBe(findings('expired-credential-present'));
      expect(issues('Expires on')).toBe(findings('credential-expiring-soon'));
      expect(issues('Secret never expires') + issues('Lifetime')).toBe(findings('secret-lifetime-too-long'));
      expect(issues('Not seen in use')).toBe(findings('credential-never-used'));
      expect(issues('Expired on')).toBeGreaterThan(0);
      expect(issues('Secret never expires')).toBeGreaterThan(0);
      expect(n['Privileged Access']).toBe(count('role_assignments'));
      const ownership = table(b, 'Ownership');
      expect(ownership.filter((r) => r.Status === 'No owners').length).toBe(findings('application-without-owners'));
      expect(ownership.flatMap((r) => String(r['Owner problems']).split('; ').filter(Boolean)).length).toBe(findings('owner-disabled-deleted-or-guest'));
      expect(ownership.filter((r) => r.Status === 'Owner issues').length).toBeGreaterThan(0);
      // The sample's service principal export has no owners: other organisations' apps are not called ownerless.
      const vendors = ownership.filter((r) => String(r['Registered in']).startsWith('Another tenant'));
      expect(vendors.length).toBeGreaterThan(0);
      expect(vendors.every((r) => r.Status === 'Owner data not imported')).toBe(true);
    } finally {
      e.close();
    }
  });
});
