import type { SignInCategory } from '../domain/vocabulary';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker } from './headers';
import { normaliseAuthRequirement, normaliseProtocol, type SignInMapResult } from './signinColumns';
import { emptyToNull, parseIntOrNull, parseTimestamp, type DateOrder } from './values';

/**
 * Log Analytics / Sentinel "Export to CSV" of the four sign-in tables (formats.md §3). Datetime
 * columns carry a `[UTC]` or `[Local Time]` suffix; dynamic columns (Status, DeviceDetail,
 * LocationDetails) hold JSON text; ResultType is the error code as a string.
 */
export const LA_SIGNIN_COLUMNS = {
  timeUtc: ['timegenerated [utc]', 'createddatetime [utc]', 'timegenerated', 'createddatetime'],
  timeLocal: ['timegenerated [local time]', 'createddatetime [local time]'],
  requestId: ['id'],
  userId: ['userid'],
  upn: ['userprincipalname'],
  userDisplayName: ['userdisplayname'],
  userType: ['usertype'],
  appId: ['appid'],
  appName: ['appdisplayname'],
  resourceId: ['resourceidentity'],
  resourceName: ['resourcedisplayname'],
  clientApp: ['clientappused'],
  userAgent: ['useragent'],
  ip: ['ipaddress'],
  location: ['location'],
  locationDetails: ['locationdetails'],
  resultType: ['resulttype'],
  resultDescription: ['resultdescription'],
  status: ['status'],
  authRequirement: ['authenticationrequirement'],
  authProtocol: ['authenticationprotocol'],
  incomingTokenType: ['incomingtokentype'],
  crossTenantAccess: ['crosstenantaccesstype'],
  credentialType: ['clientcredentialtype'],
  spId: ['serviceprincipalid'],
  spName: ['serviceprincipalname'],
  credentialKeyId: ['serviceprincipalcredentialkeyid'],
  credentialThumbprint: ['serviceprincipalcredentialthumbprint'],
  conditionalAccess: ['conditionalaccessstatus'],
  deviceDetail: ['devicedetail'],
  homeTenantId: ['hometenantid'],
  resourceTenantId: ['resourcetenantid'],
  correlationId: ['correlationid'],
  asn: ['autonomoussystemnumber'],
  msi: ['managedserviceidentity'],
} as const satisfies Record<string, readonly string[]>;

type Field = keyof typeof LA_SIGNIN_COLUMNS;

/** Table name in the `Type` column -> sign-in category. */
export const LA_TABLES: Readonly<Record<string, SignInCategory>> = {
  signinlogs: 'interactive',
  aadnoninteractiveusersigninlogs: 'non_interactive',
  aadserviceprincipalsigninlogs: 'service_principal',
  aadmanagedidentitysigninlogs: 'managed_identity',
};

/** Columns of the four tables that carry nothing this analysis uses (kept out of the "not imported" warning). */
export const KNOWN_LA_HEADERS: ReadonlySet<string> = new Set([
  ...Object.values(LA_SIGNIN_COLUMNS).flat(),
  'tenantid', 'sourcesystem', 'resourceid', 'operationname', 'operationversion', 'category', 'resultsignature', 'durationms',
  'resource', 'resourcegroup', 'resourceprovider', 'identity', 'level', 'alternatesigninname', 'authenticationcontextclassreferences',
  'authenticationdetails', 'appliedeventlisteners', 'authenticationmethodsused', 'authenticationprocessingdetails',
  'authenticationrequirementpolicies', 'conditionalaccesspolicies', 'isinteractive', 'isrisky', 'mfadetail',
  'networklocationdetails', 'originalrequestid', 'processingtimeinmilliseconds', 'riskdetail', 'riskeventtypes',
  'riskeventtypes_v2', 'risklevelaggregated', 'risklevelduringsignin', 'riskstate', 'resourceserviceprincipalid',
  'tokenissuername', 'tokenissuertype', 'aadtenantid', 'flaggedforreview', 'ipaddressfromresourceprovider', 'signinidentifier',
  'signinidentifiertype', 'uniquetokenidentifier', 'sessionlifetimepolicies', 'appliedconditionalaccesspolicies', 'risklevel',
  'type', 'signineventtypes', 'federatedcredentialid', 'appownertenantid', 'resourceownertenantid', 'sessionid',
  'tokenprotectionstatusdetails', 'globalsecureaccessipaddress', 'isthroughglobalsecureaccess', 'isTenantRestricted'.toLowerCase(),
]);

function json(raw: string | null): Record<string, unknown> | null {
  if (!raw || (raw[0] !== '{' && raw[0] !== '[')) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

export function logAnalyticsSignInMapper(
  index: HeaderIndex,
  category: SignInCategory,
): { map: (row: readonly string[], order: DateOrder) => SignInMapResult; timePicker: ColumnPicker | null; localTime: boolean } {
  const pick = {} as Record<Field, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(LA_SIGNIN_COLUMNS) as [Field, readonly string[]][]) pick[field] = picker(index, aliases);
  const get = (field: Field, row: readonly string[]): string | null => {
    const p = pick[field];
    return p ? emptyToNull(p(row)) : null;
  };
  const timePicker = pick.timeUtc ?? pick.timeLocal;
  const map = (row: readonly string[], order: DateOrder): SignInMapResult => {
    const requestId = get('requestId', row);
    if (!requestId) return { ok: false, reason: 'no Id (request id)' };
    const rawTime = timePicker ? emptyToNull(timePicker(row)) : null;
    const timeMs = parseTimestamp(rawTime, order);
    if (timeMs == null) return { ok: false, reason: rawTime ? `unreadable date "${rawTime}"` : 'no TimeGenerated' };
    const status = json(get('status', row));
    const device = json(get('deviceDetail', row));
    const loc = json(get('locationDetails', row));
    const msi = json(get('msi', row));
    const errorCode = parseIntOrNull(get('resultType', row)) ?? parseIntOrNull(str(status?.errorCode));
    const lower = (f: Field): string | null => get(f, row)?.toLowerCase() ?? null;
    return {
      ok: true,
      record: {
        requestId,
        category,
        timeMs,
        userId: lower('userId'),
        upn: get('upn', row),
        userDisplayName: get('userDisplayName', row),
        userType: lower('userType'),
        spId: lower('spId'),
        spName: get('spName', row),
        appId: lower('appId'),
        appName: get('appName', row),
        resourceId: lower('resourceId'),
        resourceName: get('resourceName', row),
        clientApp: get('clientApp', row),
        userAgent: get('userAgent', row),
        ip: get('ip', row),
        city: str(loc?.city),
        state: str(loc?.state),
        country: str(loc?.countryOrRegion) ?? get('location', row),
        asn: parseIntOrNull(get('asn', row)),
        status: errorCode == null ? null : errorCode === 0 ? 'success' : 'failure',
        errorCode,
        failureReason: str(status?.failureReason) ?? get('resultDescription', row),
        authRequirement: normaliseAuthRequirement(get('authRequirement', row)),
        authProtocol: normaliseProtocol(get('authProtocol', row)),
        mfaResult: str(status?.additionalDetails),
        mfaMethod: null,
        incomingTokenType: get('incomingTokenType', row),
        crossTenantAccess: get('crossTenantAccess', row),
        credentialType: get('credentialType', row),
        credentialKeyId: lower('credentialKeyId'),
        credentialThumbprint: get('credentialThumbprint', row),
        msiType: str(msi?.msiType),
        associatedResourceId: str(msi?.associatedResourceId),
        conditionalAccess: get('conditionalAccess', row),
        deviceId: str(device?.deviceId),
        operatingSystem: str(device?.operatingSystem),
        browser: str(device?.browser),
        homeTenantId: lower('homeTenantId'),
        resourceTenantId: lower('resourceTenantId'),
        correlationId: get('correlationId', row),
      },
    };
  };
  return { map, timePicker, localTime: pick.timeUtc == null && pick.timeLocal != null };
}
