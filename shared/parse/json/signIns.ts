import type { AuthDetailRecord, SignInRecord } from '../../domain/records';
import type { SignInCategory } from '../../domain/vocabulary';
import { LA_TABLES } from '../logAnalyticsColumns';
import { normaliseAuthRequirement, normaliseProtocol } from '../signinColumns';
import { bool, isTypeNameStub, lower, num, obj, objects, prop, str, strings, timeMs, type JsonObject } from './value';

/**
 * Graph `signIn` objects (formats.md §1.7, §2): the portal's JSON download, raw Graph pages and
 * Get-MgAuditLogSignIn | ConvertTo-Json all carry the same properties, differing only in casing
 * (handled by the lower-cased keys) and in how PowerShell writes dates (handled by timeMs).
 */
export type JsonSignInResult =
  | {
      ok: true;
      record: SignInRecord;
      authDetails: AuthDetailRecord[];
      /** The record said neither its event type nor whether it was interactive. */
      categoryAssumed: boolean;
      /** Nested values were replaced by .NET type names (ConvertTo-Json depth). */
      valuesCutOff: boolean;
    }
  | { ok: false; reason: string };

const EVENT_TYPES: Record<string, SignInCategory> = {
  managedidentity: 'managed_identity',
  serviceprincipal: 'service_principal',
  noninteractiveuser: 'non_interactive',
  interactiveuser: 'interactive',
};

function isManagedIdentity(o: JsonObject): boolean {
  const msiType = lower(obj(o, 'managedserviceidentity'), 'msitype');
  return (msiType != null && msiType !== 'none') || lower(o, 'clientcredentialtype') === 'managedidentity';
}

/**
 * The log a sign-in belongs to, decided per record because a portal JSON download or a Graph dump
 * may hold any category: `signInEventTypes` first, then `isInteractive`, then who signed in.
 */
export function signInCategory(o: JsonObject): { category: SignInCategory; assumed: boolean } {
  const types = strings(o, 'signineventtypes').map((t) => t.toLowerCase());
  for (const t of ['managedidentity', 'serviceprincipal', 'noninteractiveuser', 'interactiveuser']) {
    const category = EVENT_TYPES[t];
    if (category && types.includes(t)) return { category, assumed: false };
  }
  // Log Analytics rows name their table (`Type`: SigninLogs, AADNonInteractiveUserSignInLogs, …).
  const table = LA_TABLES[lower(o, 'type') ?? ''];
  if (table) return { category: table, assumed: false };
  const hasUser = str(o, 'userid') != null || str(o, 'userprincipalname') != null;
  const hasSp = str(o, 'serviceprincipalid') != null;
  if (!hasUser && hasSp) return { category: isManagedIdentity(o) ? 'managed_identity' : 'service_principal', assumed: false };
  const interactive = bool(o, 'isinteractive');
  if (interactive != null) return { category: interactive ? 'interactive' : 'non_interactive', assumed: false };
  // Graph returns only interactive sign-ins unless the request filters on signInEventTypes (§2).
  return { category: 'interactive', assumed: true };
}

function authDetails(o: JsonObject, requestId: string): AuthDetailRecord[] {
  return objects(o, 'authenticationdetails').map((d, i) => ({
    requestId,
    step: i + 1,
    method: str(d, 'authenticationmethod'),
    methodDetail: str(d, 'authenticationmethoddetail'),
    succeeded: bool(d, 'succeeded'),
    resultDetail: str(d, 'authenticationstepresultdetail'),
    requirement: str(d, 'authenticationsteprequirement'),
  }));
}

const NESTED = ['status', 'location', 'devicedetail', 'managedserviceidentity', 'mfadetail', 'authenticationdetails'];

export function mapJsonSignIn(o: JsonObject): JsonSignInResult {
  const requestId = str(o, 'id');
  if (!requestId) return { ok: false, reason: 'no id (the request id)' };
  const rawTime = prop(o, 'createddatetime');
  const time = timeMs(rawTime);
  if (time == null) {
    return { ok: false, reason: typeof rawTime === 'string' && rawTime !== '' ? `unreadable createdDateTime "${rawTime}"` : 'no createdDateTime' };
  }
  const { category, assumed } = signInCategory(o);
  const status = obj(o, 'status');
  // Log Analytics keeps the code as text in ResultType, and the location in LocationDetails.
  const errorCode = num(status, 'errorcode') ?? num(o, 'resulttype');
  const location = obj(o, 'location') ?? obj(o, 'locationdetails');
  const device = obj(o, 'devicedetail');
  const msi = obj(o, 'managedserviceidentity');
  const msiType = str(msi, 'msitype');
  const asn = num(o, 'autonomoussystemnumber');
  return {
    ok: true,
    categoryAssumed: assumed,
    valuesCutOff: NESTED.some((k) => isTypeNameStub(prop(o, k))),
    authDetails: authDetails(o, requestId),
    record: {
      requestId,
      category,
      timeMs: time,
      userId: lower(o, 'userid'),
      upn: str(o, 'userprincipalname'),
      userDisplayName: str(o, 'userdisplayname'),
      userType: lower(o, 'usertype'),
      spId: lower(o, 'serviceprincipalid'),
      spName: str(o, 'serviceprincipalname'),
      appId: lower(o, 'appid'),
      appName: str(o, 'appdisplayname'),
      resourceId: lower(o, 'resourceid'),
      resourceName: str(o, 'resourcedisplayname'),
      clientApp: str(o, 'clientappused'),
      userAgent: str(o, 'useragent'),
      ip: str(o, 'ipaddress'),
      city: str(location, 'city'),
      state: str(location, 'state'),
      country: str(location, 'countryorregion'),
      asn: asn == null ? null : Math.trunc(asn),
      status: errorCode == null ? null : errorCode === 0 ? 'success' : 'failure',
      errorCode: errorCode == null ? null : Math.trunc(errorCode),
      failureReason: str(status, 'failurereason'),
      authRequirement: normaliseAuthRequirement(str(o, 'authenticationrequirement')),
      authProtocol: normaliseProtocol(str(o, 'authenticationprotocol')),
      // The portal CSV's "Multifactor authentication result" is status.additionalDetails (§1.6).
      mfaResult: str(status, 'additionaldetails'),
      mfaMethod: str(obj(o, 'mfadetail'), 'authmethod'),
      incomingTokenType: str(o, 'incomingtokentype'),
      crossTenantAccess: str(o, 'crosstenantaccesstype'),
      credentialType: str(o, 'clientcredentialtype'),
      credentialKeyId: lower(o, 'serviceprincipalcredentialkeyid'),
      credentialThumbprint: str(o, 'serviceprincipalcredentialthumbprint'),
      msiType: msiType == null || msiType.toLowerCase() === 'none' ? null : msiType,
      associatedResourceId: str(msi, 'associatedresourceid'),
      conditionalAccess: str(o, 'conditionalaccessstatus'),
      deviceId: str(device, 'deviceid'),
      operatingSystem: str(device, 'operatingsystem'),
      browser: str(device, 'browser'),
      homeTenantId: lower(o, 'hometenantid'),
      resourceTenantId: lower(o, 'resourcetenantid'),
      correlationId: str(o, 'correlationid'),
    },
  };
}

/** True when the object's own keys are PascalCase (Graph PowerShell SDK objects). */
export function hasPascalCaseKeys(originalKeys: readonly string[]): boolean {
  let pascal = 0;
  let camel = 0;
  for (const k of originalKeys) {
    const c = k.charAt(0);
    if (c >= 'A' && c <= 'Z') pascal++;
    else if (c >= 'a' && c <= 'z') camel++;
  }
  return pascal > camel;
}
