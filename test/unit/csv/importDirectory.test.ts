import { describe, expect, it } from 'vitest';
import { fixture, importInto, rows } from './helpers';

const lostWarning = (warnings: readonly string[]): string[] => warnings.filter((w) => w.startsWith("PowerShell's Export-Csv wrote type names"));

describe('applications and service principals (PowerShell Export-Csv and portal lists)', () => {
  it('imports Get-MgApplication from a de-DE Windows PowerShell (#TYPE, ";", BOM, dotted day-first dates) and warns once about the lost columns', async () => {
    const t = await importInto([fixture('applications_Get-MgApplication_de-DE.csv')]);
    const o = t.outcome('applications_Get-MgApplication');
    expect(o).toMatchObject({ kind: 'applications.powershell.csv', rowsImported: 2, rowsRejected: 0 });
    const [lost, ...more] = lostWarning(o.warnings);
    expect(more).toEqual([]);
    expect(lost).toMatch(/columns AddIns, Api, AppRoles, FederatedIdentityCredentials, IdentifierUris, KeyCredentials, Owners, PasswordCredentials, RequiredResourceAccess, Tags, Web, AdditionalProperties\./u);
    expect(lost).toMatch(/credentials of 2 of the 2 objects are therefore unknown, which is not the same as having none/u);
    expect(lost).toMatch(/ConvertTo-Json -Depth 10/u);
    expect(o.warnings).toContain('Dates are day-first (a value above 12 in the first position proved it).');
    expect(rows(t.db, 'SELECT kind, app_object_id, app_id, display_name, sign_in_audience, created_at, tags FROM identities ORDER BY app_id')).toEqual([
      { kind: 'application', app_object_id: 'a0a0a0a0-1111-4111-8111-000000000001', app_id: '0a0a0a0a-1111-4111-8111-000000000001', display_name: 'etl-runner', sign_in_audience: 'AzureADMyOrg', created_at: '2021-08-19T13:25:31.000Z', tags: '[]' },
      // A name shaped like a .NET namespace is data, not a lost value.
      { kind: 'application', app_object_id: 'a0a0a0a0-1111-4111-8111-000000000002', app_id: '0a0a0a0a-1111-4111-8111-000000000002', display_name: 'Microsoft.Azure.SyncFabric look-alike', sign_in_audience: 'AzureADMultipleOrgs', created_at: '2023-02-03T08:00:00.000Z', tags: '[]' },
    ]);
    expect(rows(t.db, 'SELECT count(*) AS n FROM credentials')).toEqual([{ n: 0 }]);
    await t.close();
  });

  it('joins service principals to their applications; flattened JSON credentials (tab-delimited) become credential rows', async () => {
    const t = await importInto([
      fixture('applications_Get-MgApplication_de-DE.csv'),
      fixture('servicePrincipals_Get-MgServicePrincipal.csv'),
      fixture('servicePrincipals_flattened_tab.csv'),
    ]);
    expect(lostWarning(t.outcome('servicePrincipals_Get-Mg').warnings)).toEqual([expect.stringMatching(/columns AlternativeNames, KeyCredentials, PasswordCredentials, ServicePrincipalNames, Tags\./u)]);
    expect(t.outcome('servicePrincipals_flattened')).toMatchObject({ kind: 'serviceprincipals.powershell.csv', rowsImported: 3, warnings: [] });
    const etl = rows<{ id: number; object_id: string; app_object_id: string; sp_type: string; tags: string }>(
      t.db,
      `SELECT id, object_id, app_object_id, sp_type, tags FROM identities WHERE app_id = '0a0a0a0a-1111-4111-8111-000000000001'`,
    );
    expect(etl).toEqual([{ id: expect.any(Number), object_id: '5a5a5a5a-3333-4333-8333-000000000001', app_object_id: 'a0a0a0a0-1111-4111-8111-000000000001', sp_type: 'Application', tags: '["WindowsAzureActiveDirectoryIntegratedApp","HideApp"]' }]);
    expect(rows(t.db, 'SELECT identity_id, type, key_id, start_time, end_time, hint, thumbprint FROM credentials ORDER BY type DESC')).toEqual([
      { identity_id: etl[0]?.id, type: 'password', key_id: 'c0c0c0c0-5555-4555-8555-000000000001', start_time: '2026-01-31T00:00:00.000Z', end_time: '2027-01-31T00:00:00.000Z', hint: 'Abc', thumbprint: null },
      { identity_id: etl[0]?.id, type: 'certificate', key_id: 'c0c0c0c0-5555-4555-8555-000000000002', start_time: '2026-01-01T00:00:00.000Z', end_time: '2028-01-01T00:00:00.000Z', hint: null, thumbprint: '3A1B2C4D5E6F708192A3B4C5D6E7F8091A2B3C4D' },
    ]);
    expect(rows(t.db, `SELECT display_name, msi_type, msi_resource_id FROM identities WHERE sp_type = 'ManagedIdentity' ORDER BY display_name`)).toEqual([
      // Export-Csv lost its alternativeNames: system or user assigned stays unknown.
      { display_name: 'id-payments-prod', msi_type: null, msi_resource_id: null },
      { display_name: 'id-shared-keyvault-reader', msi_type: 'userAssigned', msi_resource_id: '/subscriptions/0000/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-shared' },
      { display_name: 'vm-backup-01', msi_type: 'systemAssigned', msi_resource_id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-backup-01' },
    ]);
    await t.close();
  });

  it('imports the portal enterprise applications list and says it carries no credentials', async () => {
    const t = await importInto([fixture('EnterpriseApplications_2026-11-20.csv')]);
    const o = t.outcome('EnterpriseApplications');
    expect(o).toMatchObject({ kind: 'serviceprincipals.portal.csv', rowsImported: 2 });
    expect(o.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/carries no secrets or certificates: the credentials of these objects are unknown \(not "none"\)/u)]));
    expect(rows(t.db, 'SELECT display_name, sp_type, account_enabled, created_at FROM identities ORDER BY display_name')).toEqual([
      { display_name: 'etl-runner', sp_type: 'Application', account_enabled: 1, created_at: '2026-01-31T00:00:00.000Z' },
      { display_name: 'id-payments-prod', sp_type: 'ManagedIdentity', account_enabled: 1, created_at: '2026-02-01T00:00:00.000Z' },
    ]);
    await t.close();
  });
});

describe('Azure role assignments', () => {
  it('imports Get-AzRoleAssignment from fr-FR Windows PowerShell (#TYPE, ";", Windows-1252), keeps the deleted principal, rejects a row with too many fields', async () => {
    const t = await importInto([fixture('azure_roles_Get-AzRoleAssignment_fr-FR.csv')]);
    const o = t.outcome('azure_roles');
    expect(o).toMatchObject({ kind: 'azure.roles.csv', rowsImported: 4, rowsRejected: 1, rejections: [{ line: 7, reason: 'has 14 fields where the header has 13' }] });
    // PowerShell's own export lists deleted principals: no portal coverage warning; the ABAC condition is named.
    expect(o.warnings).toEqual(['1 assignment carries an ABAC condition, which this version does not evaluate: their access may be narrower than the role grants.']);
    expect(rows(t.db, 'SELECT principal_name, principal_type, role_name, scope_level, identity_id IS NOT NULL AS identity FROM role_assignments ORDER BY id')).toEqual([
      { principal_name: 'helene.dupre@contoso.com', principal_type: 'User', role_name: 'Owner', scope_level: 'subscription', identity: 1 },
      { principal_name: 'etl-runner', principal_type: 'ServicePrincipal', role_name: 'Contributor', scope_level: 'resource_group', identity: 1 },
      { principal_name: null, principal_type: 'Unknown', role_name: 'Contributor', scope_level: 'subscription', identity: 1 },
      { principal_name: 'Équipe Données', principal_type: 'Group', role_name: 'Storage Blob Data Reader', scope_level: 'resource', identity: 0 },
    ]);
    await t.close();
  });

  it('makes a deleted principal an identity of its own, kind unknown and marked deleted', async () => {
    const t = await importInto([fixture('azure_roles_Get-AzRoleAssignment_fr-FR.csv')]);
    expect(rows(t.db, `SELECT i.kind, i.deleted, i.object_id = r.principal_object_id AS same FROM role_assignments r JOIN identities i ON i.id = r.identity_id WHERE r.principal_type = 'Unknown'`)).toEqual([
      { kind: 'unknown', deleted: 1, same: 1 },
    ]);
    await t.close();
  });

  it('warns that the portal download omits deleted principals and classic administrators', async () => {
    const t = await importInto([fixture('iam_role_assignments_portal.csv')]);
    const o = t.outcome('iam_role_assignments_portal');
    expect(o).toMatchObject({ kind: 'azure.roles.csv', rowsImported: 2, rowsRejected: 0 });
    expect(o.warnings).toEqual([expect.stringMatching(/leaves out assignments of deleted principals and classic administrators/u)]);
    expect(rows(t.db, 'SELECT principal_object_id, role_name, scope FROM role_assignments ORDER BY id')).toEqual([
      { principal_object_id: '12121212-0000-4000-8000-000000000001', role_name: 'Owner', scope: '/subscriptions/11111111-aaaa-4aaa-8aaa-111111111111' },
      { principal_object_id: '5a5a5a5a-3333-4333-8333-000000000001', role_name: 'Contributor', scope: '/subscriptions/11111111-aaaa-4aaa-8aaa-111111111111/resourceGroups/rg-data' },
    ]);
    await t.close();
  });
});

describe('Azure role assignments: coverage honesty', () => {
  it('without a deleted principal, says a portal download cannot be ruled out even with PowerShell\'s columns', async () => {
    const t = await importInto([]);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const lines = readFileSync(fixture('azure_roles_Get-AzRoleAssignment_fr-FR.csv'), 'latin1').split('\r\n');
    const file = join(t.dir, 'roles.csv');
    // The #TYPE line, the header and the first (user) assignment only.
    writeFileSync(file, lines.slice(0, 3).join('\r\n'), 'latin1');
    const [o] = await t.more([file]);
    expect(o).toMatchObject({ kind: 'azure.roles.csv', rowsImported: 1 });
    expect(o?.warnings).toEqual([expect.stringMatching(/^No assignment of a deleted principal is in this file\. If it came from the portal's IAM download/u)]);
    await t.close();
  });
});

describe('Entra directory role assignments', () => {
  it('imports the portal download saved as UTF-16 LE tab-separated text, and says US dates were assumed', async () => {
    const t = await importInto([fixture('EntraRoleAssignments_2026-11-20.csv')]);
    expect(t.outcome('EntraRoleAssignments')).toMatchObject({
      kind: 'entra.roles.portal.csv',
      rowsImported: 4,
      warnings: ['Dates such as 5/6/2026 could be day-first or month-first; no value proved either, so month-first (US) was assumed.'],
    });
    expect(rows(t.db, 'SELECT encoding, delimiter FROM imported_files')).toEqual([{ encoding: 'utf-16le', delimiter: '\t' }]);
    expect(rows(t.db, 'SELECT role_name, principal_type, scope, scope_level, state, start_time, end_time, member_type FROM role_assignments ORDER BY id')).toEqual([
      { role_name: 'Global Administrator', principal_type: 'User', scope: '/', scope_level: 'tenant', state: 'active', start_time: '2024-01-02T09:00:00.000Z', end_time: null, member_type: 'Direct' },
      { role_name: 'Application Administrator', principal_type: 'ServicePrincipal', scope: '/', scope_level: 'tenant', state: 'active', start_time: '2025-03-04T10:00:00.000Z', end_time: null, member_type: 'Direct' },
      { role_name: 'User Administrator', principal_type: 'User', scope: 'Administrative unit: Paris', scope_level: 'administrative_unit', state: 'eligible', start_time: '2026-05-06T08:00:00.000Z', end_time: '2026-11-12T08:00:00.000Z', member_type: 'Direct' },
      { role_name: 'Security Reader', principal_type: 'Group', scope: '/', scope_level: 'tenant', state: 'active', start_time: null, end_time: null, member_type: 'Direct' },
    ]);
    await t.close();
  });

  it('imports a PIM export: eligible and active, Permanent = no end, two principals with one role both kept, bad rows rejected', async () => {
    const t = await importInto([fixture('pim_assignments_export.csv')]);
    const o = t.outcome('pim_assignments_export');
    expect(o).toMatchObject({
      kind: 'entra.roles.pim.csv',
      rowsImported: 3,
      rowsRejected: 2,
      rejections: [
        { line: 5, reason: 'unknown assignment state "Expired"' },
        { line: 6, reason: 'unreadable end time "next week"' },
      ],
    });
    expect(o.warnings).toEqual([expect.stringMatching(/without object ids/u)]);
    expect(rows(t.db, 'SELECT principal_object_id, identity_id, principal_name, role_name, state, start_time, end_time FROM role_assignments ORDER BY id')).toEqual([
      { principal_object_id: null, identity_id: null, principal_name: 'alice@contoso.com', role_name: 'Global Administrator', state: 'eligible', start_time: '2026-01-10T08:50:40.000Z', end_time: null },
      { principal_object_id: null, identity_id: null, principal_name: 'bob@contoso.com', role_name: 'Global Administrator', state: 'eligible', start_time: '2026-01-10T08:50:40.000Z', end_time: null },
      { principal_object_id: null, identity_id: null, principal_name: 'alice@contoso.com', role_name: 'Privileged Role Administrator', state: 'active', start_time: '2026-11-01T00:00:00.000Z', end_time: '2026-12-01T00:00:00.000Z' },
    ]);
    await t.close();
  });
});
