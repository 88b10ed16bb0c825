/**
 * userRegistrationDetails.json (`/reports/authenticationMethods/userRegistrationDetails`) and
 * entra_role_assignments.json (`/roleManagement/directory/roleAssignments?$expand=principal`).
 */
import { ENTRA_ROLE } from '../catalogue';
import type { Principal, Tenant, User } from '../model';
import { isoSevenDigits, DAY } from '../time';
import { Rng } from '../prng';
import { graphUser, writeGraphList } from './graphJson';

const NOT_MFA = new Set(['email']);
const PASSWORDLESS = new Set(['windowsHelloForBusiness', 'passKeyDeviceBound', 'microsoftAuthenticatorPasswordless']);

const byUpn = (a: User, b: User): number => (a.upn < b.upn ? -1 : a.upn > b.upn ? 1 : 0);

export function writeRegistrationDetails(path: string, tenant: Tenant): Promise<number> {
  const admins = new Set(tenant.entraAssignments.flatMap((a) => (a.principal.kind === 'user' ? [a.principal.user.id] : [])));
  const value = [...tenant.users].sort(byUpn).map((u) => {
    const rng = Rng.fork(tenant.seed, 'registration', u.key);
    const mfa = u.mfa.methods.some((m) => !NOT_MFA.has(m));
    return {
      id: u.id,
      userPrincipalName: u.upn,
      userDisplayName: u.displayName,
      userType: u.userType === 'Guest' ? 'guest' : 'member',
      isAdmin: admins.has(u.id),
      isSsprRegistered: u.mfa.ssprRegistered,
      isSsprEnabled: u.userType === 'Member',
      isSsprCapable: u.mfa.ssprRegistered && u.userType === 'Member',
      isMfaRegistered: mfa,
      isMfaCapable: mfa,
      isPasswordlessCapable: u.mfa.methods.some((m) => PASSWORDLESS.has(m)),
      methodsRegistered: u.mfa.methods,
      isSystemPreferredAuthenticationMethodEnabled: true,
      systemPreferredAuthenticationMethods: u.mfa.systemPreferred,
      userPreferredMethodForSecondaryAuthentication: u.mfa.preferred,
      lastUpdatedDateTime: isoSevenDigits(tenant.asOfMs - rng.int(1, 400) * DAY - rng.int(0, 86399) * 1000, rng.int(0, 9999)),
    };
  });
  return writeGraphList(path, 'reports/authenticationMethods/userRegistrationDetails', value);
}

/** Graph GUIDs in .NET byte order (first three groups little-endian), as roleAssignment ids encode them. */
function guidBytes(guid: string): Buffer {
  const h = guid.replaceAll('-', '');
  const le = (s: string): string => (s.match(/../gu) ?? []).reverse().join('');
  return Buffer.from(le(h.slice(0, 8)) + le(h.slice(8, 12)) + le(h.slice(12, 16)) + h.slice(16), 'hex');
}

/** A directory role assignment id: base64url(role template) + base64url(principal) + "-1". */
export function roleAssignmentId(roleId: string, principalId: string): string {
  return `${guidBytes(roleId).toString('base64url')}${guidBytes(principalId).toString('base64url')}-1`;
}

function principalOf(p: Principal): { id: string; body: Record<string, unknown> | null } {
  switch (p.kind) {
    case 'user':
      return { id: p.user.id, body: graphUser(p.user) };
    case 'group':
      return { id: p.group.id, body: { '@odata.type': '#microsoft.graph.group', id: p.group.id, displayName: p.group.displayName, securityEnabled: true, isAssignableToRole: true } };
    case 'app':
    case 'thirdParty':
      return { id: p.app.spId, body: { '@odata.type': '#microsoft.graph.servicePrincipal', id: p.app.spId, appId: p.app.appId, displayName: p.app.displayName, servicePrincipalType: 'Application' } };
    case 'managedIdentity':
      return { id: p.mi.spId, body: { '@odata.type': '#microsoft.graph.servicePrincipal', id: p.mi.spId, appId: p.mi.appId, displayName: p.mi.displayName, servicePrincipalType: 'ManagedIdentity' } };
    case 'deleted':
      // The principal no longer exists: $expand returns null for it.
      return { id: p.objectId, body: null };
  }
}

export function writeEntraRoleAssignments(path: string, tenant: Tenant): Promise<number> {
  const value = tenant.entraAssignments.map((a) => {
    const roleId = ENTRA_ROLE[a.role];
    const p = principalOf(a.principal);
    return { id: roleAssignmentId(roleId, p.id), principalId: p.id, directoryScopeId: '/', roleDefinitionId: roleId, principal: p.body };
  });
  return writeGraphList(path, 'roleManagement/directory/roleAssignments(principal())', value);
}
