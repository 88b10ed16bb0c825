import { describe, expect, it } from 'vitest';
import { contextEntity, detectJsonKind, looksLikeNdjson, scheduleHintFromContext, type JsonSample } from '../../../shared/parse/json/detect';
import { jsonObject, type JsonValue } from '../../../shared/parse/json/value';

const V1 = 'https://graph.microsoft.com/v1.0/$metadata#';

function sample(first: Record<string, JsonValue> | null, over: Partial<JsonSample> = {}): JsonSample {
  return { container: 'page', context: null, first: first ? jsonObject(first) : null, firstKeys: first ? Object.keys(first) : [], ...over };
}

const kindOf = (s: JsonSample): string => {
  const d = detectJsonKind(s);
  return d.status === 'detected' ? d.kind : d.status;
};

const SIGNIN = {
  id: '1',
  createdDateTime: '2026-11-01T00:00:00Z',
  userPrincipalName: 'a@contoso.com',
  userId: 'u',
  appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
  status: { errorCode: 0 },
};

describe('contextEntity', () => {
  it('reduces an @odata.context to its entity set, without selections, keys or $entity', () => {
    expect(contextEntity(`${V1}applications(owners())`)).toBe('applications');
    expect(contextEntity(`${V1}roleManagement/directory/roleAssignments(principal())`)).toBe('rolemanagement/directory/roleassignments');
    expect(contextEntity(`${V1}users('42')/authentication/methods`)).toBe('users/authentication/methods');
    expect(contextEntity(`${V1}users/$entity`)).toBe('users');
    expect(contextEntity(`${V1}users(id,displayName,signInActivity(lastSignInDateTime))`)).toBe('users');
    expect(contextEntity('no hash here')).toBeNull();
    expect(contextEntity(null)).toBeNull();
  });

  it('tells PIM eligibility from assignment schedules', () => {
    expect(scheduleHintFromContext(`${V1}roleManagement/directory/roleEligibilitySchedules`)).toBe('eligible');
    expect(scheduleHintFromContext(`${V1}roleManagement/directory/roleEligibilityScheduleInstances`)).toBe('eligible');
    expect(scheduleHintFromContext(`${V1}roleManagement/directory/roleAssignmentScheduleInstances`)).toBe('active');
    expect(scheduleHintFromContext(`${V1}roleManagement/directory/roleAssignments`)).toBeNull();
  });
});

describe('detectJsonKind', () => {
  it('uses the @odata.context first, even for an empty page', () => {
    expect(kindOf(sample(null, { context: `${V1}reports/authenticationMethods/userRegistrationDetails` }))).toBe('mfa.graph.json');
    expect(kindOf(sample(null, { context: `${V1}servicePrincipals` }))).toBe('serviceprincipals.graph.json');
    expect(kindOf(sample(null, { context: `${V1}roleManagement/directory/roleEligibilitySchedules` }))).toBe('entra.roles.schedules.graph.json');
    expect(kindOf(sample({ id: 'x', displayName: 'y' }, { context: `${V1}users` }))).toBe('users.graph.json');
  });

  it('tells the three sign-in JSON kinds apart by container and casing', () => {
    expect(kindOf(sample(SIGNIN, { container: 'array' }))).toBe('signins.portal.json');
    expect(kindOf(sample(SIGNIN, { container: 'page' }))).toBe('signins.graph.json');
    expect(kindOf(sample(SIGNIN, { container: 'ndjson' }))).toBe('signins.graph.json');
    expect(kindOf(sample(SIGNIN, { container: 'array', context: `${V1}auditLogs/signIns` }))).toBe('signins.graph.json');
    const pascal = { Id: '1', CreatedDateTime: '2026-11-01T00:00:00Z', UserPrincipalName: 'a@contoso.com', AppId: 'x', Status: { ErrorCode: 0 } };
    expect(kindOf(sample(pascal, { container: 'array' }))).toBe('signins.powershell.json');
    // camelCase but Windows PowerShell's date form: still PowerShell output.
    expect(kindOf(sample({ ...SIGNIN, createdDateTime: '/Date(1793528130000)/' }, { container: 'array' }))).toBe('signins.powershell.json');
  });

  it('uses @odata.type of a single EntraExporter object', () => {
    expect(kindOf(sample({ '@odata.type': '#microsoft.graph.application', id: 'x' }, { container: 'object' }))).toBe('applications.graph.json');
    expect(kindOf(sample({ '@odata.type': '#microsoft.graph.unifiedRoleEligibilitySchedule', id: 'x' }, { container: 'object' }))).toBe(
      'entra.roles.schedules.graph.json',
    );
    expect(detectJsonKind(sample({ '@odata.type': '#microsoft.graph.device', id: 'x' }))).toEqual({ status: 'unsupported', looksLike: 'Microsoft Graph device objects' });
  });

  it('recognises each kind by its characteristic properties', () => {
    const cases: [Record<string, JsonValue>, string][] = [
      [{ id: 'x', userPrincipalName: 'u@c.com', isMfaRegistered: true, methodsRegistered: [] }, 'mfa.graph.json'],
      [{ id: 'x', appId: 'a', displayName: 'd', requiredResourceAccess: [], signInAudience: 'AzureADMyOrg' }, 'applications.graph.json'],
      [{ id: 'x', appId: 'a', servicePrincipalType: 'ManagedIdentity', alternativeNames: [] }, 'serviceprincipals.graph.json'],
      [{ id: 'x', appId: 'a', servicePrincipalNames: ['a'], appOwnerOrganizationId: 't' }, 'serviceprincipals.graph.json'],
      [{ id: 'x', userPrincipalName: 'u@c.com', accountEnabled: true, userType: 'Member' }, 'users.graph.json'],
      [{ principalId: 'p', principalName: 'n', roleDefinitionName: 'Owner', scope: '/subscriptions/s' }, 'azure.roles.az.json'],
      [{ ObjectId: 'p', SignInName: 'n', RoleDefinitionName: 'Owner', Scope: '/subscriptions/s', RoleAssignmentId: 'r' }, 'azure.roles.portal.json'],
      [{ id: 'x', principalId: 'p', roleDefinitionId: 'r', directoryScopeId: '/' }, 'entra.roles.graph.json'],
      [{ id: 'x', principalId: 'p', roleDefinitionId: 'r', directoryScopeId: '/', memberType: 'Direct', scheduleInfo: {} }, 'entra.roles.schedules.graph.json'],
    ];
    for (const [first, kind] of cases) expect(kindOf(sample(first)), kind).toBe(kind);
  });

  it('names what it recognises but does not import, and describes what it does not know', () => {
    expect(detectJsonKind(sample(null, { context: `${V1}groups` }))).toEqual({ status: 'unsupported', looksLike: 'a Microsoft Graph export of groups (without any object)' });
    expect(detectJsonKind(sample({ id: 'g', displayName: 'x', securityEnabled: true, mailEnabled: false }))).toEqual({
      status: 'unsupported',
      looksLike: 'a JSON export of groups',
    });
    expect(detectJsonKind(sample({ activityDisplayName: 'Add user', loggedByService: 'Core Directory' }))).toMatchObject({ status: 'unsupported' });
    expect(detectJsonKind(sample({ name: 'budget', total: 3 }, { container: 'array' }))).toEqual({
      status: 'unknown',
      looksLike: 'a JSON array of objects whose first object has the properties name, total',
    });
    expect(detectJsonKind(sample(null, { container: null }))).toEqual({ status: 'unknown', looksLike: 'an empty JSON file' });
  });
});

describe('looksLikeNdjson', () => {
  it('needs a complete object on the first line and another object after it', () => {
    expect(looksLikeNdjson('{"id":1}\n{"id":2}\n')).toBe(true);
    expect(looksLikeNdjson('\uFEFF{"id":1}\r\n\r\n{"id":2}')).toBe(true);
    expect(looksLikeNdjson('{\n  "id": 1\n}\n{\n  "id": 2\n}\n')).toBe(false);
    expect(looksLikeNdjson('[{"id":1},\n{"id":2}]')).toBe(false);
    expect(looksLikeNdjson('{"id":1}')).toBe(false);
    expect(looksLikeNdjson('{"value":[1,2]}\n{"value":[3]}')).toBe(true);
  });
});
