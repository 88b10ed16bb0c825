import type { EnforcedSurface } from '../catalogue/enforcedApps';
import type { IdentityKind } from '../domain/vocabulary';

/** What one identity did on one surface the enforcement covers (portal, CLI, PowerShell, mobile, other ARM clients). */
export interface SurfaceStats {
  /** Successful sign-ins that did MFA, or had it satisfied by a federated IdP's claim. */
  mfa: number;
  /** Successful single-factor sign-ins: what the enforcement stops. */
  singleFactor: number;
  /** Failures that asked for MFA or its registration (50074, 50076, 50079, 50072, 53004, 50158, 500121). */
  mfaFailures: number;
  otherFailures: number;
  firstSingleFactor: string | null;
  lastSingleFactor: string | null;
  firstMfaFailure: string | null;
  lastMfaFailure: string | null;
  lastMfa: string | null;
  lastSuccess: string | null;
  /** A few request ids of single-factor sign-ins or MFA failures, to look up in the portal. */
  sampleRequestIds: string[];
}

/** How regular the gaps between consecutive sign-ins are (a scheduled job is, a person is not). */
export interface IntervalStats {
  /** Gaps measured (sign-ins minus one, bursts under a minute folded together). */
  gaps: number;
  medianMinutes: number;
  /** Median absolute deviation of the gaps, in minutes. */
  spreadMinutes: number;
  /** Share of gaps within the regularity tolerance of the median. */
  regularShare: number;
}

export interface RoleHolding {
  system: 'azure' | 'entra';
  role: string;
  scope: string;
  scopeLevel: string | null;
  state: 'active' | 'eligible';
  privileged: boolean;
}

export interface Registration {
  capable: boolean | null;
  registered: boolean | null;
  passwordlessCapable: boolean | null;
  methods: string[];
  /** FIDO2 security key, passkey (device-bound or synced), Windows Hello or certificate-based: what Microsoft recommends for break-glass. */
  phishingResistant: boolean;
}

/** Everything classification and readiness know about one identity: directory facts plus sign-in aggregates. */
export interface IdentityProfile {
  id: number;
  kind: IdentityKind;
  objectId: string | null;
  appId: string | null;
  upn: string | null;
  displayName: string | null;
  userType: string | null;
  accountEnabled: boolean | null;
  jobTitle: string | null;
  department: string | null;
  onPremisesSync: boolean | null;
  inDirectory: boolean;
  spType: string | null;
  appOwnerOrgId: string | null;
  description?: string | null;
  /** Managed identities: `SystemAssigned` or `UserAssigned` when the export says. */
  msiType?: string | null;
  deleted?: boolean;
  /** Service principals: an application object with the same app id exists in this tenant. */
  ownApp?: boolean;
  registration?: Registration | null;
  roles?: RoleHolding[];

  signIns: {
    total: number;
    interactive: number;
    nonInteractive: number;
    servicePrincipal: number;
    managedIdentity: number;
    ropc: number;
    deviceCode: number;
    browserAgent: number;
    automationAgent: number;
    /** Successful sign-ins where MFA was done or satisfied by a federated claim. */
    mfa: number;
    singleFactor: number;
    failures: number;
    distinctIps: number;
    distinctCountries: number;
    distinctAsns: number;
    enforcedApps: number;
    /** Sign-ins to Entra Connect / Cloud Sync's own application (the sync account's signature). */
    syncApp: number;
    firstSeen: string | null;
    lastSeen: string | null;
    /** Per enforced surface, only those the identity touched. */
    surfaces: Partial<Record<EnforcedSurface, SurfaceStats>>;
    /** Sign-ins by hour of day (UTC) and by weekday (0 = Monday). */
    hours: number[];
    weekdays: number[];
    intervals: IntervalStats | null;
    /** User agents seen, most used first (at most a few, for evidence and recommendations), with the client app of the log. */
    topUserAgents: { agent: string; count: number; clientApp?: string | null }[];
    /** Source IPs, most used first (at most a few), with the country and ASN the logs give for the address. */
    topIps: { ip: string; count: number; country?: string | null; asn?: number | null }[];
    /** Key ids of the credentials its service principal / managed identity sign-ins used (lower case). */
    credentialKeyIds: string[];
    /**
     * Sign-ins per UTC day that had any, oldest first (the identity's timeline). Absent when it has
     * no sign-ins, and in profiles written before the timeline existed.
     */
    daily?: DayCounts[];
    /** Sign-ins by weekday (0 = Monday) and hour (UTC): 168 counts, weekday-major. Absent as `daily` is. */
    weekHours?: number[];
  };
}

/** One day of an identity's sign-ins: the date, the four categories, and how many of them failed. */
export type DayCounts = [day: string, interactive: number, nonInteractive: number, servicePrincipal: number, managedIdentity: number, failures: number];

export function emptySignIns(): IdentityProfile['signIns'] {
  return {
    total: 0,
    interactive: 0,
    nonInteractive: 0,
    servicePrincipal: 0,
    managedIdentity: 0,
    ropc: 0,
    deviceCode: 0,
    browserAgent: 0,
    automationAgent: 0,
    mfa: 0,
    singleFactor: 0,
    failures: 0,
    distinctIps: 0,
    distinctCountries: 0,
    distinctAsns: 0,
    enforcedApps: 0,
    syncApp: 0,
    firstSeen: null,
    lastSeen: null,
    surfaces: {},
    hours: new Array<number>(24).fill(0),
    weekdays: new Array<number>(7).fill(0),
    intervals: null,
    topUserAgents: [],
    topIps: [],
    credentialKeyIds: [],
  };
}

export function emptySurface(): SurfaceStats {
  return {
    mfa: 0,
    singleFactor: 0,
    mfaFailures: 0,
    otherFailures: 0,
    firstSingleFactor: null,
    lastSingleFactor: null,
    firstMfaFailure: null,
    lastMfaFailure: null,
    lastMfa: null,
    lastSuccess: null,
    sampleRequestIds: [],
  };
}

/** AADSTS codes that mean "MFA (or registering for it) was required and not done" (catalogues/aadsts_error_codes.csv). */
export const MFA_REQUIRED_CODES: ReadonlySet<number> = new Set([50072, 50074, 50076, 50079, 50158, 53004, 500121]);

/** Method names of userRegistrationDetails / the portal that resist phishing. */
export const PHISHING_RESISTANT_METHODS: ReadonlySet<string> = new Set([
  'fido2securitykey',
  'fido2',
  'passkeydevicebound',
  'passkeydevicebound authenticator',
  'passkeysynced',
  'windowshelloforbusiness',
  'x509certificatemultifactor',
  'x509certificatesinglefactor',
  'certificatebasedauthentication',
]);
