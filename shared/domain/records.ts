import type { SignInCategory } from './vocabulary';

/** One sign-in event in canonical form, whatever file it came from. */
export interface SignInRecord {
  requestId: string;
  category: SignInCategory;
  timeMs: number;
  userId: string | null;
  upn: string | null;
  userDisplayName: string | null;
  userType: string | null;
  spId: string | null;
  spName: string | null;
  appId: string | null;
  appName: string | null;
  resourceId: string | null;
  resourceName: string | null;
  clientApp: string | null;
  userAgent: string | null;
  ip: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  asn: number | null;
  status: string | null;
  errorCode: number | null;
  failureReason: string | null;
  authRequirement: string | null;
  authProtocol: string | null;
  mfaResult: string | null;
  mfaMethod: string | null;
  incomingTokenType: string | null;
  crossTenantAccess: string | null;
  credentialType: string | null;
  credentialKeyId: string | null;
  credentialThumbprint: string | null;
  msiType: string | null;
  associatedResourceId: string | null;
  conditionalAccess: string | null;
  deviceId: string | null;
  operatingSystem: string | null;
  browser: string | null;
  homeTenantId: string | null;
  resourceTenantId: string | null;
  correlationId: string | null;
}

/** A user object from a directory export. */
export interface UserRecord {
  objectId: string | null;
  upn: string | null;
  displayName: string | null;
  userType: string | null;
  accountEnabled: boolean | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  createdAt: string | null;
  creationType: string | null;
  onPremisesSync: boolean | null;
}
