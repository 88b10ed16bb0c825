import { describe, expect, it } from 'vitest';
import { ENTRA_BUILTIN_ROLES, entraRoleName } from '../../../shared/catalogue/entraRoles';
import { managedIdentityOf, mapJsonApplication, mapJsonServicePrincipal, thumbprintOf } from '../../../shared/parse/json/directory';
import { mapAzureRoleAssignment, mapEntraRoleAssignment, mapEntraRoleSchedule } from '../../../shared/parse/json/roles';
import { mapJsonSignIn, signInCategory } from '../../../shared/parse/json/signIns';
import { mapJsonMfaRegistration, mapJsonUser } from '../../../shared/parse/json/users';
import { jsonObject, prop, str, timeMs, type JsonObject, type JsonValue } from '../../../shared/parse/json/value';

/** Builds an object the way the importer does: keys lower-cased at every level. */
function o(v: Record<string, JsonValue>): JsonObject {
  const deep = (x: JsonValue): JsonValue =>
    Array.isArray(x) ? x.map(deep) : x && typeof x === 'object' ? jsonObject(Object.fromEntries(Object.entries(x).map(([k, y]) => [k, deep(y)]))) : x;
  return deep(v) as JsonObject;
}

describe('JSON values', () => {
  it('reads ISO, Windows PowerShell \\/Date()\\/ and the DisplayHint object alike', () => {
    const ms = Date.UTC(2026, 10, 1, 0, 15, 30);
    expect(timeMs('2026-11-01T00:15:30Z')).toBe(ms);
    expect(timeMs('2026-11-01T00:15:30.0000000+00:00')).toBe(ms);
    expect(timeMs(`/Date(${ms})/`)).toBe(ms);
    expect(timeMs(o({ value: `/Date(${ms})/`, DisplayHint: 2, DateTime: 'Sunday, November 1, 2026 12:15:30 AM' }))).toBe(ms);
    expect(timeMs('yesterday')).toBeNull();
  });

  it('falls back to the PowerShell SDK AdditionalProperties bag', () => {
    const r = o({ Id: 'x', AdditionalProperties: { signInEventTypes: ['servicePrincipal'], homeTenantName: 'Contoso' } });
    expect(str(r, 'hometenantname')).toBe('Contoso');
    expect(prop(r, 'signineventtypes')).toEqual(['servicePrincipal']);
  });
});

describe('sign-ins', () => {
  const base = { id: 'r1', createdDateTime: '2026-11-01T00:00:00Z', appId: 'A', userId: 'U', userPrincipalName: 'u@c.com' };

  it('decides the category per record from signInEventTypes, isInteractive, then who signed in', () => {
    expect(signInCategory(o({ ...base, signInEventTypes: ['nonInteractiveUser'], isInteractive: true }))).toEqual({ category: 'non_interactive', assumed: false });
    expect(signInCategory(o({ ...base, isInteractive: false }))).toEqual({ category: 'non_interactive', assumed: false });
    expect(signInCategory(o({ id: 'x', servicePrincipalId: 'S', userId: '' }))).toEqual({ category: 'service_principal', assumed: false });
    expect(signInCategory(o({ id: 'x', servicePrincipalId: 'S', managedServiceIdentity: { msiType: 'userAssigned' } }))).toEqual({
      category: 'managed_identity',
      assumed: false,
    });
    expect(signInCategory(o({ id: 'x', servicePrincipalId: 'S', clientCredentialType: 'managedIdentity' })).category).toBe('managed_identity');
    expect(signInCategory(o({ ...base, Type: 'AADNonInteractiveUserSignInLogs' }))).toEqual({ category: 'non_interactive', assumed: false });
    expect(signInCategory(o(base))).toEqual({ category: 'interactive', assumed: true });
  });

  it('maps the nested Graph values and keeps authentication steps', () => {
    const r = mapJsonSignIn(
      o({
        ...base,
        userId: 'AAAA',
        status: { errorCode: 50126, failureReason: 'Invalid password', additionalDetails: 'MFA requirement satisfied by claim in the token' },
        location: { city: 'Redmond', state: 'Washington', countryOrRegion: 'US' },
        authenticationRequirement: 'multiFactorAuthentication',
        authenticationProtocol: 'ROPC',
        managedServiceIdentity: { msiType: 'none' },
        authenticationDetails: [
          { authenticationMethod: 'Password', succeeded: true, authenticationStepRequirement: 'Primary authentication' },
          'Microsoft.Graph.PowerShell.Models.MicrosoftGraphAuthenticationDetail',
        ],
      }),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.record).toMatchObject({
      userId: 'aaaa',
      status: 'failure',
      errorCode: 50126,
      country: 'US',
      city: 'Redmond',
      mfaResult: 'MFA requirement satisfied by claim in the token',
      authProtocol: 'ropc',
      msiType: null,
    });
    expect(r.authDetails).toEqual([
      { requestId: 'r1', step: 1, method: 'Password', methodDetail: null, succeeded: true, resultDetail: null, requirement: 'Primary authentication' },
    ]);
  });

  it('rejects a record without request id or readable time, and notices PowerShell depth cut-offs', () => {
    expect(mapJsonSignIn(o({ createdDateTime: '2026-11-01T00:00:00Z' }))).toEqual({ ok: false, reason: 'no id (the request id)' });
    expect(mapJsonSignIn(o({ id: 'x', createdDateTime: 'soon' }))).toEqual({ ok: false, reason: 'unreadable createdDateTime "soon"' });
    const cut = mapJsonSignIn(o({ ...base, Status: 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus' }));
    expect(cut.ok && cut.valuesCutOff).toBe(true);
  });
});

describe('applications and service principals', () => {
  it('finds a managed identity kind and resource by searching alternativeNames in any order', () => {
    const rid = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-1';
    expect(managedIdentityOf(o({ alternativeNames: [rid, 'isExplicit=True'] }))).toEqual({ msiType: 'userAssigned', msiResourceId: rid });
    const vm = '/subscriptions/s/resourcegroups/VM/providers/Microsoft.Compute/virtualMachines/VM2';
    expect(managedIdentityOf(o({ alternativeNames: ['isExplicit=False', vm] }))).toEqual({ msiType: 'systemAssigned', msiResourceId: vm });
    const sp = mapJsonServicePrincipal(o({ id: 'B0000000-0000-4000-8000-000000000001', appId: 'X', servicePrincipalType: 'ManagedIdentity', alternativeNames: [vm, 'isExplicit=False'] }));
    expect(sp.ok && sp.record).toMatchObject({ kind: 'service_principal', objectId: 'b0000000-0000-4000-8000-000000000001', msiType: 'systemAssigned', msiResourceId: vm });
    const app = mapJsonServicePrincipal(o({ id: 'B0000000-0000-4000-8000-000000000002', servicePrincipalType: 'Application', alternativeNames: ['isExplicit=False'] }));
    expect(app.ok && app.record.msiType).toBeNull();
  });

  it('turns a certificate customKeyIdentifier (base64 or PowerShell bytes) into its thumbprint', () => {
    const hex = 'F5D38D76EE07BFCA936A9CDB89D7D6F9FCDF9866';
    expect(thumbprintOf('9dONdu4Hv8qTapzbidfW+fzfmGY=')).toBe(hex);
    expect(thumbprintOf(hex.match(/../gu)?.map((b) => parseInt(b, 16)) ?? [])).toBe(hex);
    expect(thumbprintOf(hex.toLowerCase())).toBe(hex);
    expect(thumbprintOf('my-own-key-name')).toBeNull();
    expect(thumbprintOf(null)).toBeNull();
  });

  it('maps credentials, owners and required permissions of an application', () => {
    const r = mapJsonApplication(
      o({
        id: 'a0000000-0000-4000-8000-000000000001',
        appId: 'APP',
        passwordCredentials: [{ keyId: 'K1', displayName: 'ci', endDateTime: '2026-12-01T00:00:00.1234567Z', hint: 'abc' }],
        federatedIdentityCredentials: [{ id: 'F1', name: 'main', issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:x', audiences: ['api://AzureADTokenExchange'] }],
        owners: [{ '@odata.type': '#microsoft.graph.servicePrincipal', id: 'C0000000-0000-4000-8000-000000000009', displayName: 'Deployer' }, { id: 'not-a-guid' }],
        requiredResourceAccess: [{ resourceAppId: 'RES', resourceAccess: [{ id: 'P1', type: 'Role' }, { id: 'P2', type: 'Scope' }, { id: 'P3', type: 'Other' }] }],
      }),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.record.credentials.map((c) => [c.type, c.keyId, c.end])).toEqual([
      ['password', 'k1', '2026-12-01T00:00:00.123Z'],
      ['federated', 'f1', null],
    ]);
    expect(r.record.owners).toEqual([{ objectId: 'c0000000-0000-4000-8000-000000000009', upn: null, displayName: 'Deployer', type: 'servicePrincipal' }]);
    expect(r.record.permissions.map((p) => `${p.resourceAppId}/${p.permissionId}/${p.type}`)).toEqual(['res/p1/Role', 'res/p2/Scope']);
  });
});

describe('users and MFA registration', () => {
  it('needs an id or a UPN, and the id must be a GUID', () => {
    expect(mapJsonUser(o({ displayName: 'x' }))).toEqual({ ok: false, reason: 'neither an id nor a userPrincipalName' });
    expect(mapJsonUser(o({ id: '42' }))).toEqual({ ok: false, reason: 'id "42" is not a GUID' });
    const u = mapJsonUser(o({ Id: 'AAAAAAAA-0000-4000-8000-000000000001', UserType: 'Guest', AccountEnabled: false }));
    expect(u.ok && u.record).toMatchObject({ objectId: 'aaaaaaaa-0000-4000-8000-000000000001', userType: 'guest', accountEnabled: false });
  });

  it('keeps the directory\'s own last sign-in dates when the export selected signInActivity', () => {
    const u = mapJsonUser(o({ id: 'aaaaaaaa-0000-4000-8000-000000000001', signInActivity: { lastSignInDateTime: '2026-10-01T10:00:00Z', lastNonInteractiveSignInDateTime: null } }));
    expect(u.ok && u.record).toMatchObject({ lastSignIn: '2026-10-01T10:00:00.000Z', lastNonInteractiveSignIn: null, lastSuccessfulSignIn: null });
  });

  it('says methods and credentials are unknown, not none, when PowerShell cut them to type names', () => {
    const m = mapJsonMfaRegistration(o({ Id: 'aaaaaaaa-0000-4000-8000-000000000001', MethodsRegistered: 'System.Object[]' }));
    expect(m.ok && m.record.methods).toBeNull();
    const app = mapJsonApplication(o({ Id: 'a0000000-0000-4000-8000-000000000001', PasswordCredentials: 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphPasswordCredential[]' }));
    expect(app.ok && app.record).toMatchObject({ credentialsKnown: false, credentials: [] });
    expect(mapJsonApplication(o({ id: 'a0000000-0000-4000-8000-000000000001', passwordCredentials: [] }))).toMatchObject({ record: { credentialsKnown: true } });
  });

  it('reads registration flags and methods; "none" is no default method', () => {
    const r = mapJsonMfaRegistration(
      o({ id: 'aaaaaaaa-0000-4000-8000-000000000001', isMfaCapable: true, methodsRegistered: ['fido2', 'email'], userPreferredMethodForSecondaryAuthentication: 'none' }),
    );
    expect(r.ok && r.record).toMatchObject({ isMfaCapable: true, isMfaRegistered: null, methods: ['fido2', 'email'], defaultMethod: null });
  });
});

describe('role assignments', () => {
  it('reads az and PSRoleAssignment shapes into one record shape', () => {
    const az = mapAzureRoleAssignment(
      o({
        id: '/subscriptions/S/providers/Microsoft.Authorization/roleAssignments/X',
        principalId: 'P',
        principalName: '8c5b3945-0b9b-4a95-8b9e-dd6f1d41fe07',
        principalType: 'ServicePrincipal',
        roleDefinitionId: '/subscriptions/S/providers/Microsoft.Authorization/roleDefinitions/B24988AC-6180-42A0-AB88-20F7382DD24C',
        roleDefinitionName: 'Contributor',
        scope: '/subscriptions/S',
      }),
    );
    expect(az.ok && az.record).toMatchObject({
      assignmentId: '/subscriptions/s/providers/microsoft.authorization/roleassignments/x',
      principalName: '8c5b3945-0b9b-4a95-8b9e-dd6f1d41fe07',
      roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
      state: 'active',
    });
    const ps = mapAzureRoleAssignment(o({ ObjectId: 'P', ObjectType: 'User', SignInName: 'a@c.com', DisplayName: 'A', RoleDefinitionName: 'Owner', Scope: '/' }));
    expect(ps.ok && ps.record).toMatchObject({ principalObjectId: 'p', principalName: 'a@c.com', principalType: 'User', roleName: 'Owner' });
    expect(mapAzureRoleAssignment(o({ principalId: 'P', scope: '/' }))).toMatchObject({ ok: false });
  });

  it('names Entra roles from the catalogue and keeps a deleted principal as Unknown', () => {
    expect(entraRoleName('62E90394-69F5-4237-9190-012177145E10')).toBe('Global Administrator');
    expect(ENTRA_BUILTIN_ROLES.length).toBe(142);
    const deleted = mapEntraRoleAssignment(o({ id: 'x', principalId: 'P', roleDefinitionId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', directoryScopeId: '/', principal: null }));
    expect(deleted.ok && deleted.record).toMatchObject({ roleName: 'Global Reader', principalType: 'Unknown', scope: '/' });
    const notExpanded = mapEntraRoleAssignment(o({ id: 'x', principalId: 'P', roleDefinitionId: 'R' }));
    expect(notExpanded.ok && notExpanded).toMatchObject({ unknownRole: true, record: { roleName: 'Unknown role r', principalType: null } });
    const sp = mapEntraRoleAssignment(o({ principalId: 'P', roleDefinitionId: 'R', roleDefinition: { displayName: 'Custom Ops' }, principal: { '@odata.type': '#microsoft.graph.servicePrincipal', displayName: 'Bot' } }));
    expect(sp.ok && sp.record).toMatchObject({ roleName: 'Custom Ops', principalType: 'ServicePrincipal', principalName: 'Bot' });
  });

  it('reads PIM schedules: eligible or active, permanent or time-bound', () => {
    const permanent = mapEntraRoleSchedule(
      o({ principalId: 'P', roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', memberType: 'Direct', scheduleInfo: { startDateTime: '2025-01-01T00:00:00Z', expiration: { type: 'noExpiration', endDateTime: '2030-01-01T00:00:00Z' } } }),
      'eligible',
    );
    expect(permanent.ok && permanent.record).toMatchObject({ state: 'eligible', start: '2025-01-01T00:00:00.000Z', end: null, memberType: 'Direct' });
    const activated = mapEntraRoleSchedule(o({ principalId: 'P', roleDefinitionId: 'R', assignmentType: 'Activated', startDateTime: '2026-11-19T08:00:00Z', endDateTime: '2026-11-19T16:00:00Z' }), null);
    expect(activated.ok && activated.record).toMatchObject({ state: 'active', end: '2026-11-19T16:00:00.000Z' });
    expect(mapEntraRoleSchedule(o({ principalId: 'P', roleDefinitionId: 'R' }), null)).toMatchObject({ ok: false });
    expect(mapEntraRoleSchedule(o({ principalId: 'P', roleDefinitionId: 'R', status: 'Revoked' }), 'eligible')).toEqual({ ok: false, reason: 'status Revoked: not an assignment in force' });
  });
});
