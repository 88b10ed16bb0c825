import { describe, expect, it } from 'vitest';
import { authDetailMapper, StepCounter } from '../../../shared/parse/authDetailColumns';
import { directoryCsvMapper } from '../../../shared/parse/directoryCsvColumns';
import { indexHeader } from '../../../shared/parse/headers';
import { mfaMapper } from '../../../shared/parse/mfaColumns';
import { azureRoleMapper, entraRoleMapper } from '../../../shared/parse/roleColumns';
import { userActivityMapper } from '../../../shared/parse/userActivity';
import { userMapper } from '../../../shared/parse/userColumns';

/** Maps one row given as {header: value}. */
const table = (cells: Record<string, string>): { index: ReturnType<typeof indexHeader>; row: string[] } => ({
  index: indexHeader(Object.keys(cells)),
  row: Object.values(cells),
});

describe('auth details mapper', () => {
  it('maps a step and numbers steps per request id in file order, even interleaved', () => {
    const { index, row } = table({ 'Request ID': 'r1', 'Date (UTC)': '2026-11-01T08:00:00Z', 'Authentication method': 'Password', Succeeded: 'false', 'Result detail': 'Invalid password', Requirement: 'Primary authentication' });
    const mapped = authDetailMapper(index).map(row, 'month-first');
    expect(mapped).toEqual({
      ok: true,
      timeMs: Date.UTC(2026, 10, 1, 8),
      record: { requestId: 'r1', method: 'Password', methodDetail: null, succeeded: false, resultDetail: 'Invalid password', requirement: 'Primary authentication' },
    });
    const steps = new StepCounter();
    expect(['r1', 'r2', 'r1', 'r1', 'r2'].map((r) => steps.next(r))).toEqual([1, 1, 2, 3, 2]);
  });

  it('rejects a row without a request id and an unreadable Succeeded, and accepts Excel\'s TRUE', () => {
    const m = authDetailMapper(indexHeader(['Request ID', 'Succeeded'])).map;
    expect(m(['', 'true'], 'month-first')).toEqual({ ok: false, reason: 'no Request ID' });
    expect(m(['r', 'maybe'], 'month-first')).toEqual({ ok: false, reason: 'unreadable Succeeded value "maybe"' });
    expect(m(['r', 'TRUE'], 'month-first')).toMatchObject({ ok: true, record: { succeeded: true } });
  });
});

describe('MFA registration mapper', () => {
  it('reads the portal labels: Capable / Not Capable, friendly method names, day-first dates', () => {
    const { index, row } = table({ 'User principal name': 'a@c.com', Name: 'A', 'MFA Capable': 'Not Capable', 'Passwordless Capable': 'Capable', Admin: 'Yes', 'Methods registered': 'Mobile phone, Email', 'Last Updated Time': '16/11/2026 10:05' });
    expect(mfaMapper(index).map(row, 'day-first')).toEqual({
      ok: true,
      methodsLost: false,
      record: {
        userObjectId: null,
        upn: 'a@c.com',
        displayName: 'A',
        isMfaCapable: false,
        isMfaRegistered: null,
        isPasswordlessCapable: true,
        isAdmin: true,
        methods: ['Mobile phone', 'Email'],
        defaultMethod: null,
        lastUpdated: '2026-11-16T10:05:00.000Z',
      },
    });
  });

  it('reads Graph property names (any case), flags methods lost to a type name, and ignores a non-GUID id', () => {
    const { index, row } = table({ Id: '11111111-1111-4111-8111-111111111111', UserPrincipalName: 'a@c.com', IsMfaCapable: 'True', IsMfaRegistered: 'False', MethodsRegistered: 'System.String[]' });
    expect(mfaMapper(index).map(row, 'month-first')).toMatchObject({ ok: true, methodsLost: true, record: { userObjectId: '11111111-1111-4111-8111-111111111111', isMfaCapable: true, isMfaRegistered: false, methods: null } });
    const bad = table({ id: 'row-7', userPrincipalName: '' });
    expect(mfaMapper(bad.index).map(bad.row, 'month-first')).toEqual({ ok: false, reason: 'neither a user principal name nor an object id' });
  });
});

describe('users preview: display labels and complex cells', () => {
  const activity = JSON.stringify({ lastSignInDateTime: '2026-11-18T07:12:00Z', lastNonInteractiveSignInDateTime: '2026-11-19T23:00:00Z', lastSuccessfulSignInDateTime: null });

  it('maps the labels and never stores a JSON cell as a value', () => {
    const { index, row } = table({ 'User principal name': 'a@c.com', 'Display name': '{"value":"x"}', 'Object ID': '11111111-1111-4111-8111-111111111111', 'User type': 'Guest', 'Account enabled': 'No', 'Created date time': '1/2/2024 3:04 PM' });
    expect(userMapper(index).map(row, 'month-first')).toMatchObject({ ok: true, record: { upn: 'a@c.com', displayName: null, userType: 'guest', accountEnabled: false, createdAt: '2024-01-02T15:04:00.000Z' } });
  });

  it('reads the whole signInActivity object from one cell, or a plain date', () => {
    const { index, row } = table({ 'Last interactive sign-in date': activity, 'Last non-interactive sign-in date': '' });
    expect(userActivityMapper(index)?.(row, 'month-first')).toEqual({ lastInteractive: '2026-11-18T07:12:00.000Z', lastNonInteractive: '2026-11-19T23:00:00.000Z', lastSuccessful: null });
    const plain = table({ 'Last interactive sign-in date': '11/18/2026 7:12 AM' });
    expect(userActivityMapper(plain.index)?.(plain.row, 'month-first')).toMatchObject({ lastInteractive: '2026-11-18T07:12:00.000Z' });
    expect(userActivityMapper(plain.index)?.([''], 'month-first')).toBeNull();
    expect(userActivityMapper(indexHeader(['Display name']))).toBeNull();
  });
});

describe('applications and service principals mapper', () => {
  it('maps PowerShell columns, drops type names, and says credentials are unknown when they were lost', () => {
    const { index, row } = table({ Id: 'A0A0A0A0-1111-4111-8111-000000000001', AppId: '0a0a0a0a-1111-4111-8111-000000000001', DisplayName: 'etl', SignInAudience: 'AzureADMyOrg', Tags: 'System.String[]', PasswordCredentials: 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphPasswordCredential[]', KeyCredentials: '' });
    const m = directoryCsvMapper(index, 'application');
    expect(m.credentialColumns).toBe(true);
    expect(m.map(row, 'month-first')).toMatchObject({ ok: true, credentialsKnown: false, record: { kind: 'application', objectId: 'a0a0a0a0-1111-4111-8111-000000000001', tags: [], credentials: [], signInAudience: 'AzureADMyOrg' } });
  });

  it('tells system- from user-assigned managed identities whatever the order of alternativeNames', () => {
    const header = ['Id', 'AppId', 'DisplayName', 'ServicePrincipalType', 'AlternativeNames'];
    const m = directoryCsvMapper(indexHeader(header), 'service_principal').map;
    const sys = m(['5a5a5a5a-3333-4333-8333-000000000001', '', 'vm', 'ManagedIdentity', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm;isExplicit=False'], 'month-first');
    expect(sys).toMatchObject({ ok: true, credentialsKnown: false, record: { spType: 'ManagedIdentity', msiType: 'systemAssigned', msiResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm' } });
    const user = m(['5a5a5a5a-3333-4333-8333-000000000002', '', 'id', 'ManagedIdentity', '["isExplicit=True","/subscriptions/s/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"]'], 'month-first');
    expect(user).toMatchObject({ ok: true, record: { msiType: 'userAssigned' } });
    expect(m(['', '', 'x', '', ''], 'month-first')).toEqual({ ok: false, reason: 'no object id (Id)' });
  });

  it('reads the portal list labels', () => {
    const { index, row } = table({ Name: 'mi', 'Object ID': '5a5a5a5a-3333-4333-8333-000000000002', 'Application ID': '1c1c1c1c-4444-4444-8444-000000000001', 'Application type': 'Managed Identity', 'Enabled for users to sign-in?': 'No' });
    expect(directoryCsvMapper(index, 'service_principal').map(row, 'month-first')).toMatchObject({ ok: true, record: { displayName: 'mi', spType: 'ManagedIdentity', accountEnabled: false } });
  });
});

describe('role assignment mappers', () => {
  it('maps Get-AzRoleAssignment: UPN for users, display name otherwise, deleted principals kept as Unknown', () => {
    const header = ['RoleAssignmentId', 'Scope', 'DisplayName', 'SignInName', 'RoleDefinitionName', 'ObjectId', 'ObjectType', 'Condition'];
    const m = azureRoleMapper(indexHeader(header));
    expect(m(['ra1', '/subscriptions/s', 'Alice', 'alice@c.com', 'Owner', 'ABC', 'User', ''])).toMatchObject({ ok: true, conditional: false, record: { system: 'azure', principalName: 'alice@c.com', principalObjectId: 'abc', state: 'active' } });
    expect(m(['ra2', '/subscriptions/s', 'etl', '', 'Reader', 'd', 'ServicePrincipal', '@x'])).toMatchObject({ ok: true, conditional: true, record: { principalName: 'etl' } });
    expect(m(['ra3', '/subscriptions/s', '', '', 'Reader', 'e', 'Unknown', ''])).toMatchObject({ ok: true, record: { principalName: null, principalType: 'Unknown' } });
    expect(m(['ra4', '', '', '', 'Reader', 'e', 'User', ''])).toEqual({ ok: false, reason: 'no scope' });
  });

  it('maps the PIM export: Permanent = no end, states, tenant scope, bad values rejected', () => {
    const header = ['Assignment State', 'User Group Name', 'Role Name', 'Email', 'PrincipalName', 'Member Type', 'Assignment Start Time (UTC)', 'Assignment End Time (UTC)'];
    const { map } = entraRoleMapper(indexHeader(header), false);
    expect(map(['Eligible', 'G', 'Global Administrator', 'e@x', 'a@c.com', 'Direct', '2020-08-21 08:50:40Z', 'Permanent'], 'month-first')).toEqual({
      ok: true,
      conditional: false,
      record: { system: 'entra', assignmentId: null, principalObjectId: null, principalName: 'a@c.com', principalType: null, roleName: 'Global Administrator', roleDefinitionId: null, scope: '/', state: 'eligible', start: '2020-08-21T08:50:40.000Z', end: null, memberType: 'Direct' },
    });
    expect(map(['Expired', '', 'R', '', 'a@c.com', '', '', ''], 'month-first')).toEqual({ ok: false, reason: 'unknown assignment state "Expired"' });
    expect(map(['', '', 'R', '', 'a@c.com', '', '', ''], 'month-first')).toEqual({ ok: false, reason: 'no assignment state' });
    expect(map(['Active', '', 'R', '', 'a@c.com', '', '', 'soon'], 'month-first')).toEqual({ ok: false, reason: 'unreadable end time "soon"' });
  });

  it('reads the portal download labels; a blank state there means active', () => {
    const header = ['Role', 'Principal name', 'Principal type', 'Object ID', 'Directory scope', 'Assignment type', 'Start time'];
    const { map } = entraRoleMapper(indexHeader(header), true);
    expect(map(['Global Reader', 'a@c.com', 'User', 'ABC', 'Directory', '', '13/1/2026 9:00'], 'day-first')).toMatchObject({ ok: true, record: { state: 'active', scope: '/', principalObjectId: 'abc', start: '2026-01-13T09:00:00.000Z' } });
  });
});
