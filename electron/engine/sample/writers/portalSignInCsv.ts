/**
 * Rows of the Entra portal sign-in downloads. User sign-ins use the 55-column "Version A" header of
 * formats.md section 1.2 verbatim (all fields quoted, trailing spaces in "Application ID " and
 * "Resource ID ", the double space in "Autonomous system  number", "Incoming token type" twice). The
 * application sign-in header is the 22-column one of section 1.4, written unquoted like that sample;
 * the managed-identity file adds the four managed-identity columns of the user header (section 1.5).
 */
import { AADSTS, INTERRUPT_CODES, MICROSOFT_SERVICES_TENANT } from '../catalogue';
import { osFromUserAgent } from '../devices';
import type { UserSignIn, WorkloadSignIn } from '../events';
import { locationText } from '../places';
import type { Rng } from '../prng';
import { isoSeconds } from '../time';
import { quoteAll, quoteIfNeeded } from './lineSink';

export const USER_SIGNIN_HEADER: readonly string[] = [
  'Date (UTC)', 'Request ID', 'User agent', 'Correlation ID', 'User ID', 'User', 'Username', 'User type', 'Cross tenant access type',
  'Incoming token type', 'Authentication Protocol', 'Unique token identifier', 'Original transfer method', 'Client credential type',
  'Token Protection - Sign In Session', 'Token Protection - Sign In Session StatusCode', 'Application', 'Application ID ', 'Resource',
  'Resource ID ', 'Resource tenant ID', 'Home tenant ID', 'Home tenant name', 'IP address', 'Location', 'Status', 'Sign-in error code',
  'Failure reason', 'Client app', 'Device ID', 'Browser', 'Operating System', 'Compliant', 'Managed', 'Join Type',
  'Multifactor authentication result', 'Multifactor authentication auth method', 'Multifactor authentication auth detail',
  'Authentication requirement', 'Sign-in identifier', 'Session ID', 'IP address (seen by resource)', 'Through Global Secure Access',
  'Global Secure Access IP address', 'Autonomous system  number', 'Flagged for review', 'Token issuer type', 'Incoming token type',
  'Token issuer name', 'Latency', 'Conditional Access', 'Managed Identity type', 'Associated Resource Id', 'Federated Token Id',
  'Federated Token Issuer',
];

export const SERVICE_PRINCIPAL_SIGNIN_HEADER: readonly string[] = [
  'Date (UTC)', 'Request ID', 'Correlation ID', 'Service principal ID', 'Service principal name', 'Credential key ID', 'Credential thumbprint',
  'Application', 'Application ID ', 'App owner tenant ID', 'Resource', 'Resource ID ', 'Resource tenant ID', 'Resource owner tenant ID',
  'Home tenant ID', 'Home tenant name', 'IP address', 'Location', 'Status', 'Sign-in error code', 'Failure reason', 'Conditional Access',
];

export const MANAGED_IDENTITY_SIGNIN_HEADER: readonly string[] = [
  ...SERVICE_PRINCIPAL_SIGNIN_HEADER,
  'Managed Identity type', 'Associated Resource Id', 'Federated Token Id', 'Federated Token Issuer',
];

export const userHeaderLine = (): string => USER_SIGNIN_HEADER.map(quoteAll).join(',');
export const servicePrincipalHeaderLine = (): string => SERVICE_PRINCIPAL_SIGNIN_HEADER.join(',');
export const managedIdentityHeaderLine = (): string => MANAGED_IDENTITY_SIGNIN_HEADER.join(',');

export const statusText = (code: number): string => (code === 0 ? 'Success' : INTERRUPT_CODES.has(code) ? 'Interrupted' : 'Failure');

const MFA_RESULT: Record<UserSignIn['mfaResult'], string> = {
  completed: 'MFA successfully completed',
  claim: 'MFA requirement satisfied by claim in the token',
  '': '',
};

/** Ids that must be unique across every file come from one stream, drawn in write order. */
export interface IdSource {
  readonly rng: Rng;
}

export function userRow(e: UserSignIn, ids: IdSource, tenantId: string): string {
  const u = e.user;
  const d = e.device;
  const guest = u.userType === 'Guest';
  const requestId = ids.rng.guid();
  const correlationId = e.correlationId ?? ids.rng.guid();
  const latency = String(ids.rng.int(e.cat === 'interactive' ? 90 : 20, e.cat === 'interactive' ? 900 : 260));
  const fields = [
    isoSeconds(e.t), requestId, e.userAgent, correlationId, u.id, u.displayName, u.signInUpn, u.userType,
    guest ? 'b2bCollaboration' : 'none', e.incomingToken, e.protocol, '', '', 'none', '', '',
    e.client.name, e.client.id, e.resource.name, e.resource.id, tenantId, u.homeTenantId, '',
    e.ip, e.place ? locationText(e.place) : '', statusText(e.code), String(e.code), AADSTS[e.code] ?? '', e.clientApp,
    d?.deviceId ?? '', e.clientApp === 'Browser' ? (d?.browser ?? '') : '', d?.os ?? osFromUserAgent(e.userAgent), d?.compliant ?? '', d?.managed ?? '', d?.joinType ?? '',
    MFA_RESULT[e.mfaResult], '', '', e.mfaRequired ? 'Multifactor authentication' : 'Single-factor authentication',
    e.cat === 'interactive' ? u.signInUpn : '', e.sessionId, '', 'False', '', e.place ? String(e.place.asn) : '', 'False', 'AzureAD',
    e.incomingToken, '', latency, e.ca, '', '', '', '',
  ];
  return fields.map(quoteAll).join(',');
}

export function workloadRow(e: WorkloadSignIn, ids: IdSource, tenantId: string): string {
  const fields = [
    isoSeconds(e.t), ids.rng.guid(), ids.rng.guid(), e.spId, e.spName, e.keyId, e.thumbprint, e.spName, e.appId, e.appOwnerTenantId,
    e.resource.name, e.resource.id, tenantId, MICROSOFT_SERVICES_TENANT, tenantId, '', e.ip, e.place ? locationText(e.place) : '',
    statusText(e.code), String(e.code), AADSTS[e.code] ?? '', 'Not Applied',
  ];
  if (e.msi) fields.push(e.msi.type, e.msi.associatedResourceId, e.msi.federatedTokenId, e.msi.federatedTokenIssuer);
  return fields.map(quoteIfNeeded).join(',');
}
