import type { EntityKind } from '../contract/coverage';
import { SIGNIN_CATEGORIES, type SignInCategory } from '../domain/vocabulary';

/** What an imported file is evidence of: sign-ins (of one category, or mixed), or one kind of directory data. */
export type Evidence = { type: 'signins'; category: SignInCategory | null } | { type: 'entity'; entity: EntityKind };

/**
 * Reads the evidence from an export kind id (`signins.portal.non_interactive.csv`,
 * `azure.roles.az.json`, …) by its segments, so a new format of a known kind is counted without a
 * change here. Null for a kind that is evidence of nothing this model tracks.
 */
export function evidenceOfKind(kind: string): Evidence | null {
  const parts = kind.toLowerCase().split('.');
  const [first = '', second = ''] = parts;
  if (parts.some((p) => p === 'authdetails' || p === 'auth_details')) return { type: 'entity', entity: 'signin_auth_details' };
  if (first === 'signins') {
    const category = SIGNIN_CATEGORIES.find((c) => parts.includes(c)) ?? null;
    return { type: 'signins', category };
  }
  if (first === 'users') return { type: 'entity', entity: 'users' };
  if (first === 'mfa' || first === 'registration') return { type: 'entity', entity: 'mfa_registration' };
  if (first === 'applications') return { type: 'entity', entity: 'applications' };
  if (first === 'serviceprincipals') return { type: 'entity', entity: 'service_principals' };
  if ((first === 'azure' && second === 'roles') || first === 'rbac') return { type: 'entity', entity: 'azure_roles' };
  if (first === 'azure' && second === 'ipranges') return { type: 'entity', entity: 'azure_ip_ranges' };
  if ((first === 'entra' && second === 'roles') || first === 'pim') return { type: 'entity', entity: 'entra_roles' };
  return null;
}

export const CATEGORY_LABELS: Record<SignInCategory, string> = {
  interactive: 'Interactive sign-ins',
  non_interactive: 'Non-interactive sign-ins',
  service_principal: 'Service principal sign-ins',
  managed_identity: 'Managed identity sign-ins',
};

/** Why each category matters, said when it is missing. */
export const CATEGORY_MISSING: Record<SignInCategory, string> = {
  interactive:
    'No interactive sign-ins were imported: people signing in to the Azure portal and admin centers cannot be seen, so no user can be judged ready.',
  non_interactive: 'No non-interactive sign-ins were imported: service accounts that only refresh tokens cannot be seen.',
  service_principal:
    'No service principal sign-ins were imported: which applications still authenticate, and with which secret or certificate, cannot be seen.',
  managed_identity: 'No managed identity sign-ins were imported: which managed identities are in use cannot be seen.',
};

export const ENTITY_LABELS: Record<EntityKind, string> = {
  users: 'Users',
  mfa_registration: 'MFA registration',
  applications: 'App registrations',
  service_principals: 'Service principals',
  azure_roles: 'Azure role assignments',
  entra_roles: 'Entra role assignments',
  signin_auth_details: 'Sign-in authentication details',
  azure_ip_ranges: 'Azure IP ranges',
};

/** What cannot be judged without each kind of directory evidence. */
export const ENTITY_WITHOUT: Record<EntityKind, string> = {
  users: 'accounts that never signed in, disabled accounts and member or guest types cannot be seen',
  mfa_registration: 'whether a person can complete MFA cannot be judged, so such users are "cannot assess"',
  applications: 'application secrets and certificates, their expiry and their owners cannot be reviewed',
  service_principals: 'service principals and managed identities that never signed in cannot be seen',
  azure_roles: 'privilege on Azure subscriptions and resources cannot be judged',
  entra_roles: 'directory admin roles cannot be judged, so privileged and break-glass accounts may be missed',
  signin_auth_details: 'the MFA method of each sign-in step is read only from the sign-in rows themselves',
  azure_ip_ranges: 'whether automation runs inside Azure cannot be told from its addresses, so a managed identity is suggested only as an option',
};

/** How a missing kind of directory evidence is said. */
export const ENTITY_MISSING: Record<EntityKind, string> = {
  users: 'No user list was imported',
  mfa_registration: 'No MFA registration details were imported',
  applications: 'No app registrations were imported',
  service_principals: 'No service principals (enterprise applications) were imported',
  azure_roles: 'No Azure role assignments were imported',
  entra_roles: 'No Entra role assignments were imported',
  signin_auth_details: 'No sign-in authentication details were imported',
  azure_ip_ranges: "No Azure IP ranges file (Microsoft's service tags download) was imported",
};

/** Evidence whose absence is only worth a note, not a warning. */
export const INFO_ONLY: ReadonlySet<string> = new Set(['managed_identity', 'signin_auth_details', 'azure_ip_ranges']);
