import type { SignInRecord } from '../domain/records';
import type { SignInCategory } from '../domain/vocabulary';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker, pickerColumns } from './headers';
import type { GroupField } from './signInFields';
import { emptyToNull, parseIntOrNull, parseTimestamp, type DateOrder } from './values';

/**
 * Aliases of each canonical sign-in field in the Entra portal CSV (normalised header names).
 * Versions A (2024, 55 columns) and B (2026, 56+) differ by added columns only.
 */
export const PORTAL_SIGNIN_COLUMNS = {
  time: ['date (utc)', 'date'],
  requestId: ['request id'],
  userAgent: ['user agent'],
  correlationId: ['correlation id'],
  userId: ['user id'],
  userDisplayName: ['user'],
  upn: ['username', 'user principal name'],
  userType: ['user type'],
  crossTenantAccess: ['cross tenant access type'],
  incomingTokenType: ['incoming token type'],
  authProtocol: ['authentication protocol'],
  credentialType: ['client credential type'],
  appName: ['application'],
  appId: ['application id'],
  resourceName: ['resource'],
  resourceId: ['resource id'],
  resourceTenantId: ['resource tenant id'],
  homeTenantId: ['home tenant id'],
  ip: ['ip address'],
  location: ['location'],
  status: ['status'],
  errorCode: ['sign-in error code'],
  failureReason: ['failure reason'],
  clientApp: ['client app'],
  deviceId: ['device id'],
  browser: ['browser'],
  operatingSystem: ['operating system'],
  mfaResult: ['multifactor authentication result'],
  mfaMethod: ['multifactor authentication auth method'],
  authRequirement: ['authentication requirement'],
  asn: ['autonomous system number'],
  conditionalAccess: ['conditional access'],
  msiType: ['managed identity type'],
  associatedResourceId: ['associated resource id'],
  spId: ['service principal id'],
  spName: ['service principal name'],
  credentialKeyId: ['credential key id'],
  credentialThumbprint: ['credential thumbprint'],
} as const satisfies Record<string, readonly string[]>;

type Field = keyof typeof PORTAL_SIGNIN_COLUMNS;

/** Normalised header names this mapping understands; anything else is reported as not imported. */
export const KNOWN_PORTAL_SIGNIN_HEADERS: ReadonlySet<string> = new Set([
  ...Object.values(PORTAL_SIGNIN_COLUMNS).flat(),
  // Present in real downloads and deliberately not stored (no bearing on identity or MFA analysis).
  'unique token identifier',
  'original transfer method',
  'token protection - sign in session',
  'token protection - sign in session statuscode',
  'home tenant name',
  'compliant',
  'managed',
  'join type',
  'multifactor authentication auth detail',
  'sign-in identifier',
  'session id',
  'ip address (seen by resource)',
  'through global secure access',
  'global secure access ip address',
  'flagged for review',
  'token issuer type',
  'token issuer name',
  'latency',
  'federated token id',
  'federated token issuer',
  'app owner tenant id',
  'resource owner tenant id',
]);

export function normaliseAuthRequirement(raw: string | null): string | null {
  if (!raw) return null;
  const v = raw.toLowerCase().replace(/[\s-]/gu, '');
  if (v.startsWith('single')) return 'singleFactorAuthentication';
  if (v.startsWith('multi')) return 'multiFactorAuthentication';
  return raw;
}

const PROTOCOLS: Record<string, string> = {
  none: 'none',
  oauth2: 'oAuth2',
  ropc: 'ropc',
  resourceownerpasswordcredential: 'ropc',
  wsfederation: 'wsFederation',
  saml20: 'saml20',
  devicecode: 'deviceCode',
  authenticationtransfer: 'authenticationTransfer',
  nativeauth: 'nativeAuth',
};

export function normaliseProtocol(raw: string | null): string | null {
  if (!raw) return null;
  const key = raw.toLowerCase().replace(/[\s_.-]/gu, '');
  return PROTOCOLS[key] ?? raw;
}

export function normaliseStatus(raw: string | null): string | null {
  if (!raw) return null;
  const v = raw.trim().toLowerCase();
  if (v.startsWith('success')) return 'success';
  if (v.startsWith('fail')) return 'failure';
  if (v.startsWith('interrupt')) return 'interrupted';
  return v;
}

/** The portal flattens location into one "City, State, CC" cell; the country code is the last part. */
export function splitLocation(raw: string | null): { city: string | null; state: string | null; country: string | null } {
  if (!raw) return { city: null, state: null, country: null };
  // "City, State, CC" nearly always: cut at the first and last comma without allocating a list.
  const first = raw.indexOf(',');
  const last = raw.lastIndexOf(',');
  if (first === -1) return { city: null, state: null, country: raw.trim() || null };
  if (first === last || raw.indexOf(',', first + 1) === last) {
    return {
      city: raw.slice(0, first).trim() || null,
      state: first === last ? null : raw.slice(first + 1, last).trim() || null,
      country: raw.slice(last + 1).trim() || null,
    };
  }
  const parts = raw.split(',').map((p) => p.trim());
  const country = parts.length > 0 ? (parts[parts.length - 1] ?? null) : null;
  const city = parts.length > 1 ? (parts[0] ?? null) : null;
  const state = parts.length > 2 ? parts.slice(1, -1).join(', ') : null;
  return { city: city || null, state: state || null, country: country || null };
}

export type SignInMapResult = { ok: true; record: SignInRecord } | { ok: false; reason: string };

/** What a sign-in row stores in columns of its own rather than in value groups. */
export interface SignInScalars {
  requestId: string;
  timeMs: number;
  correlationId: string | null;
  asn: number | null;
  errorCode: number | null;
}

/** The columns each value-group field is computed from: the field is a function of those cells alone. */
export type SignInFieldColumns = Readonly<Record<GroupField, readonly number[]>>;

/** A sign-in CSV's row mapping for one file's header. */
export interface SignInRowMapping {
  map: (row: readonly string[], order: DateOrder) => SignInMapResult;
  /** Fills `out` and returns null, or returns why the row is rejected (the reason `map` gives). */
  scalars: (row: readonly string[], order: DateOrder, out: SignInScalars) => string | null;
  fieldColumns: SignInFieldColumns;
  /** The only cells `scalars` reads. */
  scalarColumns: readonly number[];
  /** The request and correlation ids of a row `scalars` keeps, as it gives them; reads only `idColumns`. */
  ids: (row: readonly string[]) => SignInIds;
  idColumns: readonly number[];
  timePicker: ColumnPicker | null;
  /** The cells `timePicker` reads. */
  timeColumns: readonly number[];
}

export type SignInIds = Pick<SignInScalars, 'requestId' | 'correlationId'>;

/** Builds the row mapper for one file's header. */
export function portalSignInMapper(index: HeaderIndex, category: SignInCategory): SignInRowMapping {
  const pick = {} as Record<Field, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(PORTAL_SIGNIN_COLUMNS) as [Field, readonly string[]][]) {
    pick[field] = picker(index, aliases);
  }
  // One reader per field, resolved once: the map below runs millions of times.
  const col = (field: Field): ((row: readonly string[]) => string | null) => {
    const p = pick[field];
    return p ? (row) => emptyToNull(p(row)) : () => null;
  };
  const lower = (field: Field): ((row: readonly string[]) => string | null) => {
    const read = col(field);
    return (row) => read(row)?.toLowerCase() ?? null;
  };
  const get = {
    requestId: col('requestId'), time: col('time'), location: col('location'), errorCode: col('errorCode'),
    userId: lower('userId'), upn: col('upn'), userDisplayName: col('userDisplayName'), userType: lower('userType'),
    spId: lower('spId'), spName: col('spName'), appId: lower('appId'), appName: col('appName'),
    resourceId: lower('resourceId'), resourceName: col('resourceName'), clientApp: col('clientApp'), userAgent: col('userAgent'),
    ip: col('ip'), asn: col('asn'), status: col('status'), failureReason: col('failureReason'),
    authRequirement: col('authRequirement'), authProtocol: col('authProtocol'), mfaResult: col('mfaResult'), mfaMethod: col('mfaMethod'),
    incomingTokenType: col('incomingTokenType'), crossTenantAccess: col('crossTenantAccess'), credentialType: col('credentialType'),
    credentialKeyId: lower('credentialKeyId'), credentialThumbprint: col('credentialThumbprint'), msiType: col('msiType'),
    associatedResourceId: col('associatedResourceId'), conditionalAccess: col('conditionalAccess'), deviceId: col('deviceId'),
    operatingSystem: col('operatingSystem'), browser: col('browser'), homeTenantId: lower('homeTenantId'),
    resourceTenantId: lower('resourceTenantId'), correlationId: col('correlationId'),
  } as const;
  const scalars = (row: readonly string[], order: DateOrder, out: SignInScalars): string | null => {
    const requestId = get.requestId(row);
    if (!requestId) return 'no Request ID';
    const rawTime = get.time(row);
    const timeMs = parseTimestamp(rawTime, order);
    if (timeMs == null) return rawTime ? `unreadable date "${rawTime}"` : 'no date';
    out.requestId = requestId;
    out.timeMs = timeMs;
    out.correlationId = get.correlationId(row);
    out.asn = parseIntOrNull(get.asn(row));
    out.errorCode = parseIntOrNull(get.errorCode(row));
    return null;
  };
  const map = (row: readonly string[], order: DateOrder): SignInMapResult => {
    const s = {} as SignInScalars;
    const reason = scalars(row, order, s);
    if (reason != null) return { ok: false, reason };
    const loc = splitLocation(get.location(row));
    const errorCode = s.errorCode;
    return {
      ok: true,
      record: {
        requestId: s.requestId,
        category,
        timeMs: s.timeMs,
        userId: get.userId(row),
        upn: get.upn(row),
        userDisplayName: get.userDisplayName(row),
        userType: get.userType(row),
        spId: get.spId(row),
        spName: get.spName(row),
        appId: get.appId(row),
        appName: get.appName(row),
        resourceId: get.resourceId(row),
        resourceName: get.resourceName(row),
        clientApp: get.clientApp(row),
        userAgent: get.userAgent(row),
        ip: get.ip(row),
        city: loc.city,
        state: loc.state,
        country: loc.country,
        asn: s.asn,
        status: normaliseStatus(get.status(row)) ?? (errorCode === 0 ? 'success' : errorCode != null ? 'failure' : null),
        errorCode,
        failureReason: get.failureReason(row),
        authRequirement: normaliseAuthRequirement(get.authRequirement(row)),
        authProtocol: normaliseProtocol(get.authProtocol(row)),
        mfaResult: get.mfaResult(row),
        mfaMethod: get.mfaMethod(row),
        incomingTokenType: get.incomingTokenType(row),
        crossTenantAccess: get.crossTenantAccess(row),
        credentialType: get.credentialType(row),
        credentialKeyId: get.credentialKeyId(row),
        credentialThumbprint: get.credentialThumbprint(row),
        msiType: get.msiType(row),
        associatedResourceId: get.associatedResourceId(row),
        conditionalAccess: get.conditionalAccess(row),
        deviceId: get.deviceId(row),
        operatingSystem: get.operatingSystem(row),
        browser: get.browser(row),
        homeTenantId: get.homeTenantId(row),
        resourceTenantId: get.resourceTenantId(row),
        correlationId: s.correlationId,
      },
    };
  };
  const at = (field: Field): readonly number[] => pickerColumns(index, PORTAL_SIGNIN_COLUMNS[field]);
  const fieldColumns: SignInFieldColumns = {
    userId: at('userId'), upn: at('upn'), userDisplayName: at('userDisplayName'), userType: at('userType'), spId: at('spId'),
    spName: at('spName'), homeTenantId: at('homeTenantId'), appId: at('appId'), appName: at('appName'), resourceId: at('resourceId'),
    resourceName: at('resourceName'), resourceTenantId: at('resourceTenantId'), clientApp: at('clientApp'), userAgent: at('userAgent'),
    operatingSystem: at('operatingSystem'), browser: at('browser'), ip: at('ip'),
    city: at('location'), state: at('location'), country: at('location'),
    // A missing status is read from the error code.
    status: [...at('status'), ...at('errorCode')],
    failureReason: at('failureReason'), authRequirement: at('authRequirement'), authProtocol: at('authProtocol'),
    mfaResult: at('mfaResult'), mfaMethod: at('mfaMethod'), incomingTokenType: at('incomingTokenType'),
    crossTenantAccess: at('crossTenantAccess'), conditionalAccess: at('conditionalAccess'), credentialType: at('credentialType'),
    credentialKeyId: at('credentialKeyId'), credentialThumbprint: at('credentialThumbprint'), msiType: at('msiType'),
    associatedResourceId: at('associatedResourceId'), deviceId: at('deviceId'),
  };
  const scalarColumns = [...at('requestId'), ...at('time'), ...at('correlationId'), ...at('asn'), ...at('errorCode')];
  const ids = (row: readonly string[]): SignInIds => ({ requestId: get.requestId(row) ?? '', correlationId: get.correlationId(row) });
  const idColumns = [...at('requestId'), ...at('correlationId')];
  return { map, scalars, fieldColumns, scalarColumns, ids, idColumns, timePicker: pick.time, timeColumns: at('time') };
}
