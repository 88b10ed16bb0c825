import type { ImportKind } from '../domain/importKinds';
import type { Detection } from './detect';
import type { HeaderIndex } from './headers';
import { hasAll } from './headers';

/**
 * Detection of the directory-side CSVs (role assignments, applications, service principals).
 * Several of their headers are unverified (formats.md §4, §5, §6.1, §7), so where labels could
 * belong to two kinds the first row's values decide, and without them the file is called
 * ambiguous rather than guessed.
 */

const hasAny = (index: HeaderIndex, names: readonly string[]): boolean => names.some((n) => index.positions.has(n));

/** The value of the first row under the first of `names` present. */
function firstValue(index: HeaderIndex, names: readonly string[], firstRow: readonly string[] | undefined): string | undefined {
  for (const n of names) {
    const p = index.positions.get(n)?.[0];
    if (p != null) return firstRow?.[p]?.trim();
  }
  return undefined;
}

const ARM_SCOPE = /^\/(subscriptions|providers)\//iu;

export function detectRoleCsv(index: HeaderIndex, name: string, firstRow: readonly string[] | undefined): Detection | null {
  const has = (...cols: string[]): boolean => hasAll(index, cols);
  if (hasAny(index, ['roleassignmentid', 'roleassignmentname']) && has('scope') && has('roledefinitionname')) {
    return { status: 'detected', kind: 'azure.roles.csv', because: 'RoleAssignmentId, Scope and RoleDefinitionName columns (Get-AzRoleAssignment)' };
  }
  if (has('assignment state') && hasAny(index, ['role name', 'role']) && hasAny(index, ['principalname', 'principal name', 'user principal name'])) {
    return { status: 'detected', kind: 'entra.roles.pim.csv', because: 'Assignment State, Role Name and PrincipalName columns (PIM assignment export)' };
  }
  const roleCol = hasAny(index, ['role', 'role name', 'roledefinitionname', 'role definition name']);
  const principalCol = hasAny(index, [
    'principal name', 'principalname', 'user principal name', 'principal type', 'principal id', 'object id', 'objectid', 'type', 'name', 'displayname',
    'signinname',
  ]);
  if (!roleCol || !principalCol) return null;
  // Only Entra names a directory scope or an assignment type (Active / Eligible).
  if (hasAny(index, ['directory scope', 'directory scope id', 'assignment type', 'assignment state', 'state', 'member type', 'membership'])) {
    return { status: 'detected', kind: 'entra.roles.portal.csv', because: 'role columns with a directory scope or assignment type' };
  }
  const scopeValue = firstValue(index, ['scope'], firstRow);
  if (scopeValue != null && scopeValue !== '') {
    return ARM_SCOPE.test(scopeValue)
      ? { status: 'detected', kind: 'azure.roles.csv', because: 'role columns whose scope is an Azure resource path' }
      : { status: 'detected', kind: 'entra.roles.portal.csv', because: 'role columns whose scope is not an Azure resource path' };
  }
  if (!index.positions.has('scope')) {
    return { status: 'detected', kind: 'entra.roles.portal.csv', because: 'role and principal columns without an Azure scope' };
  }
  if (/iam|rbac|azure|subscription/u.test(name)) {
    return { status: 'detected', kind: 'azure.roles.csv', because: 'role columns; file name says Azure' };
  }
  return {
    status: 'ambiguous',
    candidates: ['azure.roles.csv', 'entra.roles.portal.csv'],
    message:
      'This is a role assignments CSV, but neither its columns nor its (missing) rows tell whether it lists Azure RBAC or Entra directory ' +
      'roles. Choose its kind (CLI: --kind "<file>=azure.roles.csv" or "<file>=entra.roles.portal.csv").',
  };
}

const SP_MARKERS = [
  'serviceprincipaltype', 'appownerorganizationid', 'serviceprincipalnames', 'serviceprincipalname', 'alternativenames', 'alternativename',
  'appdisplayname', 'approleassignmentrequired', 'accountenabled',
];
const APP_MARKERS = ['identifieruris', 'identifieruri', 'publisherdomain', 'requiredresourceaccess', 'isfallbackpublicclient', 'groupmembershipclaims', 'web', 'spa'];
const PORTAL_SP_MARKERS = ['application type', 'homepage url', 'enabled for users to sign-in?', 'enabled for users to sign in?', 'app owner tenant id'];
const PORTAL_APP_MARKERS = ['supported account types', 'certificates & secrets', 'certificates and secrets', 'created on'];

/** Applications vs service principals, from PowerShell's property names or the portal lists' labels; the file name breaks a tie. */
export function detectAppCsv(index: HeaderIndex, name: string): Detection | null {
  const has = (...cols: string[]): boolean => hasAll(index, cols);
  const byName = (sp: ImportKind, app: ImportKind): ImportKind | null =>
    /serviceprincipal|enterprise|managedidentit/u.test(name) ? sp : /application|appregistration|app_registration|app-registration/u.test(name) ? app : null;

  // Graph and Az modules name the object id `Id`; the retired AzureAD module `ObjectId`.
  if (has('appid', 'displayname') && hasAny(index, ['id', 'objectid'])) {
    const sp = hasAny(index, SP_MARKERS);
    if (sp) return { status: 'detected', kind: 'serviceprincipals.powershell.csv', because: 'AppId and service principal properties (ServicePrincipalType, AppOwnerOrganizationId…)' };
    if (hasAny(index, APP_MARKERS) || index.positions.has('signinaudience')) {
      return { status: 'detected', kind: 'applications.powershell.csv', because: 'AppId and application properties (SignInAudience, IdentifierUris…)' };
    }
    const hinted = byName('serviceprincipals.powershell.csv', 'applications.powershell.csv');
    if (hinted) return { status: 'detected', kind: hinted, because: 'AppId, Id and DisplayName columns; the file name tells which objects' };
    return ambiguous(['applications.powershell.csv', 'serviceprincipals.powershell.csv']);
  }
  const appIdLabel = hasAny(index, ['application (client) id', 'application id', 'app id', 'client id']);
  if (appIdLabel && index.positions.has('object id') && hasAny(index, ['display name', 'name'])) {
    if (hasAny(index, PORTAL_SP_MARKERS)) return { status: 'detected', kind: 'serviceprincipals.portal.csv', because: 'Application ID and Object ID with enterprise application columns' };
    if (hasAny(index, PORTAL_APP_MARKERS)) return { status: 'detected', kind: 'applications.portal.csv', because: 'Application (client) ID and Object ID with app registration columns' };
    const hinted = byName('serviceprincipals.portal.csv', 'applications.portal.csv');
    if (hinted) return { status: 'detected', kind: hinted, because: 'Application ID and Object ID columns; the file name tells which objects' };
    return ambiguous(['applications.portal.csv', 'serviceprincipals.portal.csv']);
  }
  return null;
}

/** The object id of an application and of its service principal differ, so a wrong guess would corrupt the merge. */
function ambiguous(candidates: ImportKind[]): Detection {
  return {
    status: 'ambiguous',
    candidates,
    message:
      'This CSV lists applications or service principals, but its columns do not say which (their object ids differ, so guessing would ' +
      `merge the wrong objects). Rename it to contain "applications" or "servicePrincipals", or choose its kind (CLI: --kind "<file>=${candidates[0] ?? ''}").`,
  };
}
