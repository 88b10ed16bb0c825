import type { SignInCategory } from '../domain/vocabulary';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker, pickerColumns } from './headers';
import {
  normaliseAuthRequirement,
  normaliseProtocol,
  type SignInFieldColumns,
  type SignInIds,
  type SignInMapResult,
  type SignInRowMapping,
  type SignInScalars,
} from './signinColumns';
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

export function logAnalyticsSignInMapper(index: HeaderIndex, category: SignInCategory): SignInRowMapping & { localTime: boolean } {
  const pick = {} as Record<Field, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(LA_SIGNIN_COLUMNS) as [Field, readonly string[]][]) pick[field] = picker(index, aliases);
  const get = (field: Field, row: readonly string[]): string | null => {
    const p = pick[field];
    return p ? emptyToNull(p(row)) : null;
  };
  const timePicker = pick.timeUtc ?? pick.timeLocal;
  const scalars = (row: readonly string[], order: DateOrder, out: SignInScalars): string | null => {
    const requestId = get('requestId', row);
    if (!requestId) return 'no Id (request id)';
    const rawTime = timePicker ? emptyToNull(timePicker(row)) : null;
    const timeMs = parseTimestamp(rawTime, order);
    if (timeMs == null) return rawTime ? `unreadable date "${rawTime}"` : 'no TimeGenerated';
    out.requestId = requestId;
    out.timeMs = timeMs;
    out.correlationId = get('correlationId', row);
    out.asn = parseIntOrNull(get('asn', row));
    out.errorCode = parseIntOrNull(get('resultType', row)) ?? parseIntOrNull(str(json(get('status', row))?.errorCode));
    return null;
  };
  const map = (row: readonly string[], order: DateOrder): SignInMapResult => {
    const s = {} as SignInScalars;
    const reason = scalars(row, order, s);
    if (reason != null) return { ok: false, reason };
    const status = json(get('status', row));
    const device = json(get('deviceDetail', row));
    const loc = json(get('locationDetails', row));
    const msi = json(get('msi', row));
    const errorCode = s.errorCode;
    const lower = (f: Field): string | null => get(f, row)?.toLowerCase() ?? null;
    return {
      ok: true,
      record: {
        requestId: s.requestId,
        category,
        timeMs: s.timeMs,
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
        asn: s.asn,
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
        correlationId: s.correlationId,
      },
    };
  };
  const at = (...fields: Field[]): readonly number[] => fields.flatMap((f) => pickerColumns(index, LA_SIGNIN_COLUMNS[f]));
  const fieldColumns: SignInFieldColumns = {
    userId: at('userId'), upn: at('upn'), userDisplayName: at('userDisplayName'), userType: at('userType'), spId: at('spId'),
    spName: at('spName'), homeTenantId: at('homeTenantId'), appId: at('appId'), appName: at('appName'), resourceId: at('resourceId'),
    resourceName: at('resourceName'), resourceTenantId: at('resourceTenantId'), clientApp: at('clientApp'), userAgent: at('userAgent'),
    operatingSystem: at('deviceDetail'), browser: at('deviceDetail'), deviceId: at('deviceDetail'), ip: at('ip'),
    city: at('locationDetails'), state: at('locationDetails'), country: at('locationDetails', 'location'),
    // The status is the error code's, which a missing ResultType leaves to the Status JSON.
    status: at('resultType', 'status'), failureReason: at('status', 'resultDescription'), mfaResult: at('status'), mfaMethod: [],
    authRequirement: at('authRequirement'), authProtocol: at('authProtocol'), incomingTokenType: at('incomingTokenType'),
    crossTenantAccess: at('crossTenantAccess'), conditionalAccess: at('conditionalAccess'), credentialType: at('credentialType'),
    credentialKeyId: at('credentialKeyId'), credentialThumbprint: at('credentialThumbprint'), msiType: at('msi'),
    associatedResourceId: at('msi'),
  };
  const scalarColumns = at('requestId', 'timeUtc', 'timeLocal', 'correlationId', 'asn', 'resultType', 'status');
  const timeColumns = pick.timeUtc ? at('timeUtc') : at('timeLocal');
  const ids = (row: readonly string[]): SignInIds => ({ requestId: get('requestId', row) ?? '', correlationId: get('correlationId', row) });
  const idColumns = at('requestId', 'correlationId');
  return { map, scalars, fieldColumns, scalarColumns, ids, idColumns, timePicker, timeColumns, localTime: pick.timeUtc == null && pick.timeLocal != null };
}
