import type { CredentialRecord, DirectoryObjectRecord, PermissionRecord } from '../domain/records';
import { isPowerShellTypeName, scalarOrNull, splitList } from './cells';
import { federatedCredentialsFromCell, keyCredentialsFromCell, passwordCredentialsFromCell, requiredPermissionsFromCell } from './credentialCells';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker } from './headers';
import { isoFromMs, parseBool, parseTimestamp, type DateOrder } from './values';

/**
 * Applications and service principals as CSV: `Get-MgApplication` / `Get-MgServicePrincipal` /
 * `Get-AzADApplication` / `Get-AzADServicePrincipal | Export-Csv` (PascalCase property names; Az
 * names some collections in the singular) and the portal's list downloads, whose headers are
 * unverified (formats.md §4, §5), so they are matched by likely labels.
 */
export const DIRECTORY_COLUMNS = {
  objectId: ['id', 'object id', 'objectid'],
  appId: ['appid', 'application (client) id', 'application id', 'client id', 'app id'],
  displayName: ['displayname', 'display name', 'name'],
  createdAt: ['createddatetime', 'created on', 'created', 'created date time', 'creation date'],
  signInAudience: ['signinaudience', 'sign in audience', 'supported account types'],
  spType: ['serviceprincipaltype', 'service principal type', 'application type'],
  appOwnerOrgId: ['appownerorganizationid', 'app owner organization id', 'app owner tenant id', 'appownertenantid'],
  accountEnabled: ['accountenabled', 'account enabled', 'enabled for users to sign-in?', 'enabled for users to sign in?', 'enabled'],
  description: ['description', 'notes'],
  tags: ['tags', 'tag'],
  alternativeNames: ['alternativenames', 'alternativename', 'alternative names'],
  passwordCredentials: ['passwordcredentials', 'passwordcredential', 'password credentials'],
  keyCredentials: ['keycredentials', 'keycredential', 'key credentials'],
  federatedCredentials: ['federatedidentitycredentials', 'federatedidentitycredential'],
  requiredResourceAccess: ['requiredresourceaccess'],
} as const satisfies Record<string, readonly string[]>;

type Field = keyof typeof DIRECTORY_COLUMNS;

/** Credential columns: without them (or with their data lost) an object's credentials are unknown. */
export const CREDENTIAL_FIELDS = ['passwordCredentials', 'keyCredentials'] as const;

/** Understood, and not needed by the analysis (or only as a label). */
const OTHER_KNOWN = [
  'appdisplayname', 'appdescription', 'serviceprincipalnames', 'serviceprincipalname', 'approles', 'approle', 'oauth2permissionscopes',
  'publisherdomain', 'identifieruris', 'identifieruri', 'web', 'spa', 'api', 'publicclient', 'isfallbackpublicclient', 'groupmembershipclaims',
  'deleteddatetime', 'disabledbymicrosoftstatus', 'applicationtemplateid', 'homepage', 'homepage url', 'replyurls', 'loginurl', 'logouturl',
  'preferredsinglesignonmode', 'approleassignmentrequired', 'additionalproperties', 'verifiedpublisher', 'info', 'owners', 'tokenencryptionkeyid',
  'optionalclaims', 'parentalcontrolsettings', 'certification', 'defaultredirecturi', 'logo', 'notificationemailaddresses', 'samlsinglesignonsettings',
  'samlmetadataurl', 'servicemanagementreference', 'isdeviceonlyauthsupported', 'oauth2requirepostresponse', 'requestsignatureverification',
  'addins', 'appmanagementpolicies', 'createdonbehalfof', 'extensionproperties', 'homerealmdiscoverypolicies', 'tokenissuancepolicies',
  'tokenlifetimepolicies', 'synchronization', 'serviceprincipallockconfiguration', 'approleassignedto', 'approleassignments', 'claimsmappingpolicies',
  'delegatedpermissionclassifications', 'endpoints', 'memberof', 'oauth2permissiongrants', 'ownedobjects', 'transitivememberof', 'createdobjects',
  'resourcespecificapplicationpermissions', 'keycredentialsconfiguration',
];

export const KNOWN_DIRECTORY_HEADERS: ReadonlySet<string> = new Set([...Object.values(DIRECTORY_COLUMNS).flat(), ...OTHER_KNOWN]);

/** How PowerShell names the columns whose data it most often loses, for warnings the auditor can match to the file. */
export const POWERSHELL_COLUMN_NAMES: Record<string, string> = Object.fromEntries(
  ['PasswordCredentials', 'KeyCredentials', 'FederatedIdentityCredentials', 'AlternativeNames', 'AlternativeName', 'Tags', 'Tag', 'Owners',
    'RequiredResourceAccess', 'AppRoles', 'ServicePrincipalNames', 'IdentifierUris', 'Web', 'Api', 'Spa', 'VerifiedPublisher', 'Info',
    'AdditionalProperties', 'AddIns', 'AppRoleAssignedTo', 'AppRoleAssignments', 'Oauth2PermissionScopes', 'OptionalClaims', 'PublicClient',
    'ParentalControlSettings', 'Certification', 'AppManagementPolicies', 'ExtensionProperties', 'HomeRealmDiscoveryPolicies', 'Synchronization',
    'TokenIssuancePolicies', 'TokenLifetimePolicies', 'ServicePrincipalLockConfiguration', 'MemberOf', 'Endpoints', 'ClaimsMappingPolicies',
    'DelegatedPermissionClassifications', 'Oauth2PermissionGrants', 'OwnedObjects', 'CreatedObjects', 'TransitiveMemberOf', 'Logo'].map((n) => [n.toLowerCase(), n]),
);

export type DirectoryMapResult =
  | { ok: true; record: DirectoryObjectRecord; credentialsKnown: boolean }
  | { ok: false; reason: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/** Graph's servicePrincipalType, from that value or the portal's "Application type" label. */
function spTypeOf(raw: string | null): string | null {
  if (!raw) return null;
  const v = raw.toLowerCase().replace(/[\s_-]/gu, '');
  if (v === 'managedidentity' || v === 'managedidentities') return 'ManagedIdentity';
  if (v === 'legacy') return 'Legacy';
  if (v === 'socialidp') return 'SocialIdp';
  if (v === 'application' || v.endsWith('application') || v.endsWith('applications')) return 'Application';
  return raw;
}

/** A managed identity's alternativeNames: "isExplicit=True" marks user-assigned; the ARM id is the resource (order not guaranteed). */
function msiOf(names: readonly string[]): Pick<DirectoryObjectRecord, 'msiType' | 'msiResourceId'> {
  const explicit = names.find((n) => /^isexplicit=/iu.test(n));
  const resource = names.find((n) => n.startsWith('/subscriptions/') || n.startsWith('/providers/')) ?? null;
  const msiType = explicit ? (/=true$/iu.test(explicit) ? 'userAssigned' : 'systemAssigned') : null;
  return { msiType, msiResourceId: resource };
}

export function directoryCsvMapper(
  index: HeaderIndex,
  kind: DirectoryObjectRecord['kind'],
): { map: (row: readonly string[], order: DateOrder) => DirectoryMapResult; createdPicker: ColumnPicker | null; credentialColumns: boolean } {
  const pick = {} as Record<Field, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(DIRECTORY_COLUMNS) as [Field, readonly string[]][]) pick[field] = picker(index, aliases);
  const raw = (field: Field, row: readonly string[]): string | undefined => pick[field]?.(row);
  // A type name or JSON is never a value of a scalar field.
  const get = (field: Field, row: readonly string[]): string | null => {
    const v = scalarOrNull(raw(field, row));
    return v == null || isPowerShellTypeName(v) ? null : v;
  };
  const list = (field: Field, row: readonly string[]): string[] => {
    const v = raw(field, row);
    return isPowerShellTypeName(v) ? [] : splitList(v);
  };
  const credentialColumns = CREDENTIAL_FIELDS.some((f) => pick[f] != null);

  const map = (row: readonly string[], order: DateOrder): DirectoryMapResult => {
    const objectId = get('objectId', row)?.toLowerCase() ?? null;
    if (!objectId) return { ok: false, reason: 'no object id (Id)' };
    if (!GUID.test(objectId)) return { ok: false, reason: `object id "${objectId}" is not a GUID` };
    const appId = get('appId', row)?.toLowerCase() ?? null;
    const spType = kind === 'service_principal' ? spTypeOf(get('spType', row)) : null;
    const msi = spType === 'ManagedIdentity' ? msiOf(list('alternativeNames', row)) : { msiType: null, msiResourceId: null };

    // Credentials are known only when every credential column present held readable data (JSON or empty).
    const credentials: CredentialRecord[] = [];
    let credentialsKnown = credentialColumns;
    const cells: [Field, (c: string | undefined) => CredentialRecord[] | null][] = [
      ['passwordCredentials', (c) => passwordCredentialsFromCell(c, order)],
      ['keyCredentials', (c) => keyCredentialsFromCell(c, order)],
      ['federatedCredentials', federatedCredentialsFromCell],
    ];
    for (const [field, parse] of cells) {
      if (!pick[field]) continue;
      const cell = raw(field, row);
      const parsed = parse(cell);
      if (parsed) credentials.push(...parsed);
      else if (cell != null && cell.trim() !== '') credentialsKnown = false;
    }
    const permissions: PermissionRecord[] = kind === 'application' ? (requiredPermissionsFromCell(raw('requiredResourceAccess', row)) ?? []) : [];

    return {
      ok: true,
      credentialsKnown,
      record: {
        kind,
        objectId,
        appId: appId && GUID.test(appId) ? appId : null,
        displayName: get('displayName', row),
        spType,
        appOwnerOrgId: get('appOwnerOrgId', row)?.toLowerCase() ?? null,
        signInAudience: get('signInAudience', row),
        accountEnabled: parseBool(get('accountEnabled', row)),
        createdAt: isoFromMs(parseTimestamp(get('createdAt', row), order)),
        description: get('description', row),
        ...msi,
        tags: list('tags', row),
        credentials,
        owners: [],
        permissions,
      },
    };
  };
  return { map, createdPicker: pick.createdAt, credentialColumns };
}
