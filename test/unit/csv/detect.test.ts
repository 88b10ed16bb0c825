import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCsvKind } from '../../../shared/parse/detect';
import { indexHeader } from '../../../shared/parse/headers';
import { SAMPLE, SHARED_SAMPLES } from '../../support/paths';

const detect = (header: string[], name = 'export.csv', firstRow?: string[]) => detectCsvKind(indexHeader(header), name, firstRow);
const PS_ROLE = ['RoleAssignmentName', 'RoleAssignmentId', 'Scope', 'DisplayName', 'SignInName', 'RoleDefinitionName', 'RoleDefinitionId', 'ObjectId', 'ObjectType', 'CanDelegate', 'Description', 'ConditionVersion', 'Condition'];

describe('detecting the remaining CSV kinds', () => {
  it('tells the _AuthDetails_ companion by name or by columns, and keeps the sign-in file a sign-in file', () => {
    expect(detect(['Request ID', 'Date (UTC)', 'Requirement'], 'InteractiveSignIns_AuthDetails_2026-11-01_2026-11-02.csv')).toMatchObject({ kind: 'signins.portal.authdetails.csv' });
    expect(detect(['Request ID', 'Authentication method', 'Succeeded'], 'renamed.csv')).toMatchObject({ kind: 'signins.portal.authdetails.csv' });
    // A companion that names its user still counts, by its name; without step columns the name alone does not decide.
    expect(detect(['Request ID', 'Username', 'Authentication method', 'Succeeded'], 'x_AuthDetails_y.csv')).toMatchObject({ kind: 'signins.portal.authdetails.csv' });
    expect(detect(['Date (UTC)', 'Request ID', 'Username', 'Client app'], 'InteractiveSignIns_AuthDetails_copy.csv')).toMatchObject({ kind: 'signins.portal.interactive.csv' });
    expect(detect(['Date (UTC)', 'Request ID', 'Username', 'Authentication method', 'Succeeded'], 'InteractiveSignIns_x.csv')).toMatchObject({ kind: 'signins.portal.interactive.csv' });
  });

  it('tells MFA registration by portal labels or Graph names, before the users rules', () => {
    expect(detect(['User principal name', 'Name', 'MFA Capable', 'Methods registered'])).toMatchObject({ kind: 'mfa.portal.csv' });
    expect(detect(['Id', 'IsMfaCapable', 'MethodsRegistered', 'UserDisplayName', 'UserPrincipalName'])).toMatchObject({ kind: 'mfa.portal.csv' });
    // A users list that happens to carry an MFA column is still read for its registration data.
    expect(detect(['User principal name', 'Display name', 'Object ID', 'MFA Capable'])).toMatchObject({ kind: 'mfa.portal.csv' });
    expect(detect(['Name', 'MFA Capable'])).toMatchObject({ status: 'unknown', looksLike: expect.stringMatching(/MFA registration/u) });
  });

  it('tells the old users download from the preview one', () => {
    expect(detect(['userPrincipalName', 'displayName', 'id'])).toMatchObject({ kind: 'users.portal.csv' });
    expect(detect(['User principal name', 'Display name', 'Object ID', 'Last interactive sign-in date'])).toMatchObject({ kind: 'users.portal.preview.csv' });
    expect(detect(['User principal name', 'Name', 'Object ID'])).toMatchObject({ kind: 'users.portal.preview.csv' });
  });

  it('detects Azure role exports from PowerShell, with or without the #TYPE line (already skipped) and from the portal', () => {
    expect(detect(PS_ROLE)).toMatchObject({ kind: 'azure.roles.csv' });
    const portal = ['Name', 'Object ID', 'Type', 'Role', 'Scope', 'Condition'];
    expect(detect(portal, 'x.csv', ['a', 'b', 'User', 'Owner', '/subscriptions/s', ''])).toMatchObject({ kind: 'azure.roles.csv' });
    expect(detect(portal, 'x.csv', ['a', 'b', 'User', 'Owner', '/providers/Microsoft.Management/managementGroups/mg', ''])).toMatchObject({ kind: 'azure.roles.csv' });
    expect(detect(portal, 'x.csv', ['a', 'b', 'User', 'Global Reader', '/', ''])).toMatchObject({ kind: 'entra.roles.portal.csv' });
    // No rows: the scope cannot tell, so the file name may, else the auditor must.
    expect(detect(portal, 'iam-download.csv')).toMatchObject({ kind: 'azure.roles.csv' });
    expect(detect(portal, 'x.csv')).toMatchObject({ status: 'ambiguous', candidates: ['azure.roles.csv', 'entra.roles.portal.csv'] });
  });

  it('detects Entra role downloads, even when they label principals like a users list', () => {
    expect(detect(['Role', 'Principal name', 'Principal type', 'Directory scope', 'Assignment type', 'Start time', 'End time'])).toMatchObject({ kind: 'entra.roles.portal.csv' });
    expect(detect(['Role name', 'User principal name', 'Name', 'Object ID', 'State'])).toMatchObject({ kind: 'entra.roles.portal.csv' });
    expect(detect(['Assignment State', 'User Group Name', 'Role Name', 'Email', 'PrincipalName', 'Member Type', 'Assignment Start Time (UTC)', 'Assignment End Time (UTC)'])).toMatchObject({ kind: 'entra.roles.pim.csv' });
  });

  it('tells applications from service principals, by columns, then by file name, else asks', () => {
    expect(detect(['AppId', 'DisplayName', 'Id', 'SignInAudience', 'PasswordCredentials'])).toMatchObject({ kind: 'applications.powershell.csv' });
    expect(detect(['AppId', 'DisplayName', 'Id', 'ServicePrincipalType', 'SignInAudience'])).toMatchObject({ kind: 'serviceprincipals.powershell.csv' });
    expect(detect(['ObjectId', 'AppId', 'DisplayName', 'ServicePrincipalType', 'AlternativeNames'])).toMatchObject({ kind: 'serviceprincipals.powershell.csv' });
    expect(detect(['AppId', 'DisplayName', 'Id'], 'servicePrincipals.csv')).toMatchObject({ kind: 'serviceprincipals.powershell.csv' });
    expect(detect(['AppId', 'DisplayName', 'Id'], 'applications.csv')).toMatchObject({ kind: 'applications.powershell.csv' });
    expect(detect(['AppId', 'DisplayName', 'Id'], 'x.csv')).toMatchObject({ status: 'ambiguous', message: expect.stringMatching(/applications.*servicePrincipals/u) });
    expect(detect(['Name', 'Object ID', 'Application ID', 'Application type'])).toMatchObject({ kind: 'serviceprincipals.portal.csv' });
    expect(detect(['Display name', 'Application (client) ID', 'Object ID', 'Created on'])).toMatchObject({ kind: 'applications.portal.csv' });
    expect(detect(['Display name', 'Application (client) ID', 'Object ID'], 'EnterpriseApps.csv')).toMatchObject({ kind: 'serviceprincipals.portal.csv' });
  });

  it('recognises the real PIM sample and the bundled Azure role export', () => {
    const pim = readFileSync(join(SHARED_SAMPLES, 'pim-assignments-export_pl-BE-EligibleHound_export_example.csv'), 'utf8').split(/\r?\n/u);
    expect(detect((pim[0] ?? '').split(';'), 'pim-assignments-export.csv')).toMatchObject({ kind: 'entra.roles.pim.csv' });
    const azure = readFileSync(join(SAMPLE, 'azure_role_assignments.csv'), 'utf8').split(/\r?\n/u);
    expect(detect(JSON.parse(`[${azure[0] ?? ''}]`) as string[], 'azure_role_assignments.csv')).toMatchObject({ kind: 'azure.roles.csv' });
  });

  it('still calls an unrelated table unknown', () => {
    expect(detect(['Year', 'Amount'])).toMatchObject({ status: 'unknown' });
    expect(detect(['Role', 'Budget'])).toMatchObject({ status: 'unknown' });
  });
});
