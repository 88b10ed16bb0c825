import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AADSTS, AZURE_ROLE, CLIENT, ENTRA_ROLE, GRAPH_ROLE, RESOURCE } from '../../../electron/engine/sample/catalogue';
import { generateSampleTenant, type GeneratedFile } from '../../../electron/engine/sample/index';
import { CATALOGUES, catalogueIds, readCsv, readJsonValue, records, tempDir } from './helpers';

/** The named accounts of the scenario (also listed in the hand-over report). */
const SERVICE_ACCOUNTS = [
  'svc-backup@contoso.com', 'sa-deploy@contoso.com', 'svc-terraform@contoso.com', 'svc-sqlexport@contoso.com', 'svc-monitor@contoso.com',
  'svc-legacyftp@contoso.com', 'r.hughes@contoso.com', 'd.okafor@contoso.com', 'p.lindqvist@contoso.com', 'a.novak@contoso.com',
  't.becker@contoso.com', 'l.moreau@contoso.com',
];
const BREAK_GLASS = ['emergency-access-01@contoso.onmicrosoft.com', 'emergency-access-02@contoso.onmicrosoft.com'];
const SVC_PERSON = 'svchen@contoso.com';
const BROWSER = /^Mozilla\/5\.0 .*(Chrome|Firefox|Safari|Edg)\//u;

let dir = '';
let files: GeneratedFile[] = [];
let signIns: Record<string, string>[] = [];
let users: Record<string, string>[] = [];
const path = (kind: string): string => files.find((f) => f.kind === kind)?.path ?? '';
const of = (upn: string): Record<string, string>[] => signIns.filter((r) => r.Username === upn);

beforeAll(async () => {
  dir = await tempDir('scenario');
  files = await generateSampleTenant({ outDir: dir });
  for (const kind of ['signins.portal.interactive.csv', 'signins.portal.non_interactive.csv']) {
    for (const r of records(await readCsv(path(kind)))) signIns.push({ ...r, category: kind });
  }
  users = records(await readCsv(path('users.portal.csv')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  signIns = [];
});

describe('sample scenario: user objects', () => {
  it('has the named service accounts, break-glass accounts, sync account and the svc-named person', () => {
    const upns = new Set(users.map((u) => u.userPrincipalName));
    for (const upn of [...SERVICE_ACCOUNTS, ...BREAK_GLASS, SVC_PERSON]) expect(upns.has(upn), upn).toBe(true);
    const sync = users.filter((u) => /^Sync_CONTOSO-DC01_[0-9a-f]{12}@contoso\.onmicrosoft\.com$/u.test(u.userPrincipalName ?? ''));
    expect(sync).toHaveLength(1);
    expect(sync[0]?.displayName).toBe('On-Premises Directory Synchronization Service Account');
    expect(users.filter((u) => u.userType === 'Member').length).toBeGreaterThanOrEqual(150);
  });

  it('service accounts behave like automation: password grants or refreshes, single-factor, script agents, one or two hosts', () => {
    for (const upn of SERVICE_ACCOUNTS) {
      const rows = of(upn);
      if (upn === 'svc-legacyftp@contoso.com') {
        expect(rows, 'dormant').toHaveLength(0);
        continue;
      }
      expect(rows.length, upn).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r['Client app']).toBe('Mobile Apps and Desktop clients');
        expect(r['User agent']).not.toMatch(BROWSER);
        if (r.category === 'signins.portal.interactive.csv') expect(r['Authentication Protocol']).toBe('ropc');
        if (r.Status === 'Success') expect(r['Authentication requirement']).toBe('Single-factor authentication');
      }
      expect(new Set(rows.map((r) => r['IP address'])).size, upn).toBeLessThanOrEqual(2);
    }
  });

  it('svc-monitor runs every 15 minutes, 24x7; svc-backup nightly at 02:00 UTC', () => {
    const times = of('svc-monitor@contoso.com').map((r) => Date.parse(r['Date (UTC)'] ?? '')).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(2800);
    const gaps = times.slice(1).map((t, i) => (t - (times[i] ?? t)) / 60_000);
    expect(gaps.every((g) => g >= 12.9 && g <= 17.1)).toBe(true);
    const backup = of('svc-backup@contoso.com').filter((r) => r.category === 'signins.portal.interactive.csv');
    expect(backup).toHaveLength(30);
    for (const r of backup) expect(r['Date (UTC)']).toMatch(/T(01:59|02:00|02:01):\d{2}Z$/u);
  });

  it('two service accounts are already blocked with MFA-required failures', () => {
    const okafor = of('d.okafor@contoso.com');
    expect(okafor.every((r) => r['Sign-in error code'] === '50076' && r.Status === 'Failure')).toBe(true);
    const terraform = of('svc-terraform@contoso.com').sort((a, b) => Date.parse(a['Date (UTC)'] ?? '') - Date.parse(b['Date (UTC)'] ?? ''));
    expect(terraform[0]?.Status).toBe('Success');
    expect(terraform[terraform.length - 1]?.['Sign-in error code']).toBe('50076');
  });

  it('the svc-named person signs in like a person (browser, MFA)', () => {
    const rows = of(SVC_PERSON);
    expect(rows.some((r) => r['Client app'] === 'Browser' && BROWSER.test(r['User agent'] ?? ''))).toBe(true);
    expect(rows.every((r) => r['Authentication Protocol'] !== 'ropc')).toBe(true);
    expect(rows.some((r) => r['Multifactor authentication result'] === 'MFA successfully completed')).toBe(true);
  });

  it('break-glass accounts: at most two sign-ins each, one with FIDO2 and one without any method', async () => {
    for (const upn of BREAK_GLASS) expect(of(upn).length).toBeLessThanOrEqual(2);
    const reg = await readJsonValue(path('mfa.graph.json'));
    const methods = (upn: string): unknown => reg.find((r) => r.userPrincipalName === upn)?.methodsRegistered;
    expect(methods(BREAK_GLASS[0] ?? '')).toEqual(['passKeyDeviceBound']);
    expect(methods(BREAK_GLASS[1] ?? '')).toEqual([]);
  });

  it('the sync account refreshes every 30 minutes', () => {
    const sync = signIns.filter((r) => (r.Username ?? '').startsWith('Sync_CONTOSO-DC01_'));
    expect(sync.length).toBeGreaterThan(1400);
    expect(sync.every((r) => r.category === 'signins.portal.non_interactive.csv')).toBe(true);
  });

  it('guests: #EXT# in the directory, home UPN in sign-ins, same user id', () => {
    const guests = users.filter((u) => u.userType === 'Guest');
    expect(guests.length).toBe(12);
    for (const g of guests) expect(g.userPrincipalName).toContain('#EXT#@contoso.onmicrosoft.com');
    const guestSignIns = signIns.filter((r) => r['User type'] === 'Guest');
    expect(guestSignIns.length).toBeGreaterThan(0);
    for (const r of guestSignIns) {
      const g = guests.find((u) => u.id === r['User ID']);
      expect(g, r.Username).toBeDefined();
      expect(r.Username).toBe(g?.mail);
      expect(r['Cross tenant access type']).toBe('b2bCollaboration');
    }
  });
});

describe('sample scenario: workloads and roles', () => {
  it('managed identities carry alternativeNames and sign in with their type', async () => {
    const sps = await readJsonValue(path('serviceprincipals.graph.json'));
    const mis = sps.filter((s) => s.servicePrincipalType === 'ManagedIdentity');
    expect(mis.length).toBeGreaterThanOrEqual(10);
    for (const m of mis) {
      const alt = m.alternativeNames as string[];
      expect(alt.some((a) => a === 'isExplicit=True' || a === 'isExplicit=False')).toBe(true);
      expect(alt.some((a) => a.startsWith('/subscriptions/'))).toBe(true);
    }
    expect(sps.some((s) => s.appOwnerOrganizationId === 'f8cdef31-a31e-4b4a-93e4-5f571e91255a')).toBe(true);
    const msi = records(await readCsv(path('signins.portal.managed_identity.csv')));
    expect(new Set(msi.map((r) => r['Managed Identity type']))).toEqual(new Set(['systemAssigned', 'userAssigned']));
  });

  it('applications show the credential hygiene cases', async () => {
    const apps = await readJsonValue(path('applications.graph.json'));
    const asOf = Date.UTC(2026, 10, 20);
    const ends = apps.flatMap((a) => (a.passwordCredentials as { endDateTime: string }[]).map((p) => Date.parse(p.endDateTime)));
    expect(ends.some((e) => new Date(e).getUTCFullYear() >= 2299)).toBe(true);
    expect(ends.some((e) => e > asOf && e - asOf < 30 * 86_400_000)).toBe(true);
    expect(ends.some((e) => e < asOf)).toBe(true);
    const fics = apps.flatMap((a) => a.federatedIdentityCredentials as { issuer: string; subject: string }[]);
    expect(fics.some((f) => f.issuer === 'https://token.actions.githubusercontent.com' && f.subject.endsWith(':pull_request'))).toBe(true);
    expect(fics.some((f) => f.subject.startsWith('system:serviceaccount:'))).toBe(true);
    expect(apps.some((a) => (a.owners as unknown[]).length === 0)).toBe(true);
  });

  it('Azure assignments span management group, subscriptions and resource groups, with a deleted principal', async () => {
    const rows = records(await readCsv(path('azure.roles.csv')));
    expect(rows.some((r) => r.Scope?.startsWith('/providers/Microsoft.Management/managementGroups/'))).toBe(true);
    expect(rows.some((r) => /^\/subscriptions\/[^/]+$/u.test(r.Scope ?? ''))).toBe(true);
    expect(rows.some((r) => /\/resourceGroups\/[^/]+$/u.test(r.Scope ?? ''))).toBe(true);
    const unknown = rows.filter((r) => r.ObjectType === 'Unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const r of unknown) expect(r.DisplayName).toBe('');
    expect(rows.some((r) => r.SignInName === 'sa-deploy@contoso.com' && r.RoleDefinitionName === 'Contributor')).toBe(true);
  });

  it('break-glass accounts hold Global Administrator', async () => {
    const roles = await readJsonValue(path('entra.roles.graph.json'));
    const ga = roles.filter((r) => r.roleDefinitionId === ENTRA_ROLE.globalAdministrator).map((r) => (r.principal as { userPrincipalName?: string } | null)?.userPrincipalName);
    for (const upn of BREAK_GLASS) expect(ga).toContain(upn);
    expect(roles.some((r) => r.principal === null)).toBe(true);
  });
});

describe('sample scenario: Microsoft identifiers come from the catalogues', () => {
  it('Graph permissions, Entra roles, Azure roles and first-party apps are catalogued ids', async () => {
    const graph = await readCsv(`${CATALOGUES}/graph_application_permissions.csv`);
    const graphById = new Map(graph.rows.map((r) => [r[0], r[1]]));
    for (const [value, id] of Object.entries(GRAPH_ROLE)) expect(graphById.get(id), value).toBe(value);
    const entra = await catalogueIds('entra_builtin_roles.csv', 1);
    for (const id of Object.values(ENTRA_ROLE)) expect(entra.has(id)).toBe(true);
    const azure = await readCsv(`${CATALOGUES}/azure_rbac_roles_privilege.csv`);
    const azureByName = new Map(azure.rows.map((r) => [r[0], r[1]]));
    for (const [name, id] of Object.entries(AZURE_ROLE)) expect(azureByName.get(name), name).toBe(id);
    const apps = new Set([
      ...(await catalogueIds('key_first_party_apps.csv')),
      ...(await catalogueIds('microsoft_first_party_apps_learn.csv')),
      ...(await catalogueIds('microsoft_first_party_apps_merill.csv')),
    ]);
    for (const a of [...Object.values(CLIENT), ...Object.values(RESOURCE)]) expect(apps.has(a.id), a.name).toBe(true);
  });

  it('every error code in the sign-in files is in the AADSTS catalogue', async () => {
    const codes = await catalogueIds('aadsts_error_codes.csv');
    for (const code of Object.keys(AADSTS)) expect(codes.has(code), code).toBe(true);
    for (const kind of ['signins.portal.service_principal.csv', 'signins.portal.managed_identity.csv']) {
      for (const r of records(await readCsv(path(kind)))) expect(codes.has(r['Sign-in error code'] ?? '')).toBe(true);
    }
    for (const r of signIns) expect(codes.has(r['Sign-in error code'] ?? '')).toBe(true);
  });
});
