/**
 * The population model's types: who exists in the fictional tenant and how each identity behaves.
 * tenant.ts (users), workloads.ts (apps, service principals, managed identities) and rbac.ts (role
 * assignments) build it; behaviour/ turns it into sign-in events; writers/ render the exports.
 */
import type { AppRef, AzureRoleName, EntraRoleKey, GraphRoleName } from './catalogue';
import type { Office, Place } from './places';
import type { Zone } from './time';

/** The classes the analyzer is expected to find (design.md), recorded so tests can check its verdicts. */
export type UserClass = 'human' | 'guest' | 'service_account' | 'break_glass' | 'sync_account';

/** When something recurs, in UTC. Workload schedules scale with the requested volume; people's do not apply. */
export type Schedule =
  | { kind: 'every'; minutes: number; jitterSec: number; phaseMin?: number; fromHour?: number; toHour?: number; weekdays?: boolean }
  | { kind: 'daily'; atMin: number; jitterSec: number; weekdays?: boolean }
  | { kind: 'bursts'; perDay: number; fromHour: number; toHour: number; size: readonly [number, number]; spacingSec: number; weekdays?: boolean }
  | { kind: 'random'; perDay: number; fromHour?: number; toHour?: number; weekdays?: boolean };

export interface Device {
  readonly os: string;
  readonly browser: string;
  readonly userAgent: string;
  readonly deviceId: string;
  readonly joinType: string;
  readonly compliant: string;
  readonly managed: string;
}

/** One scripted use of a user account (the thing that makes it a service account). */
export interface AutomationJob {
  readonly client: AppRef;
  readonly resource: AppRef;
  readonly schedule: Schedule;
  /** ROPC sign-ins are logged as interactive (a password is presented); refreshes as non-interactive. */
  readonly protocol: 'ropc' | 'refresh';
  /** Non-interactive token refreshes that follow each ROPC run, to this resource. */
  readonly followUps?: { readonly count: number; readonly resource: AppRef };
  readonly userAgent: string;
  readonly ips: readonly string[];
  readonly place: Place;
  /** From this instant every attempt fails with this code (Conditional Access now demands MFA). */
  readonly failure?: { readonly fromMs: number; readonly code: number };
}

export type AzureTool = 'portal' | 'cli' | 'powershell';

export type Behaviour =
  | {
      readonly kind: 'person';
      readonly office: Office;
      readonly homeTown: Place;
      readonly homeIps: readonly string[];
      /** Weekdays (1 = Monday) spent in the office; the rest are worked from home. */
      readonly officeDays: ReadonlySet<number>;
      readonly device: Device;
      readonly mobile: Device | null;
      /** Relative sign-in volume (some people live in Teams, others barely open Outlook). */
      readonly activity: number;
      readonly azure: readonly AzureTool[];
      /** Signs in with a password only (not MFA-registered, or trusted-location exclusion). */
      readonly singleFactor: boolean;
      /** Epoch days of a holiday (inclusive range) with no sign-ins. */
      readonly vacation: readonly [number, number] | null;
      /** Scenario-critical: Azure tool use never drops below the default rate, so small samples still show it. */
      readonly steady: boolean;
    }
  | {
      readonly kind: 'guest';
      readonly home: Place;
      readonly zone: Zone;
      readonly homeIps: readonly string[];
      readonly visitsPerWeek: number;
      readonly azurePortal: boolean;
      readonly device: Device;
    }
  | { readonly kind: 'automation'; readonly jobs: readonly AutomationJob[] }
  | {
      readonly kind: 'breakglass';
      readonly office: Office;
      readonly device: Device;
      readonly tests: readonly { readonly dayOffset: number; readonly localMinutes: number; readonly code: number; readonly mfa: boolean }[];
    }
  | { readonly kind: 'sync'; readonly minutes: number; readonly ip: string; readonly place: Place }
  /** A disabled leaver whose phone still tries to refresh its mail token. */
  | { readonly kind: 'leaver'; readonly ip: string; readonly place: Place; readonly device: Device; readonly perDay: number }
  | { readonly kind: 'none' };

export interface MfaRegistration {
  readonly methods: readonly string[];
  readonly preferred: string;
  readonly systemPreferred: readonly string[];
  readonly ssprRegistered: boolean;
}

export interface User {
  readonly key: string;
  readonly cls: UserClass;
  readonly id: string;
  /** Directory UPN (`#EXT#` form for guests). */
  readonly upn: string;
  /** UPN as sign-in logs record it (a guest's home UPN, lower case). */
  readonly signInUpn: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly mail: string;
  readonly userType: 'Member' | 'Guest';
  readonly jobTitle: string;
  readonly department: string;
  readonly companyName: string;
  readonly accountEnabled: boolean;
  readonly directorySynced: boolean;
  readonly createdMs: number;
  readonly office: Office | null;
  readonly telephoneNumber: string;
  readonly mobilePhone: string;
  readonly alternateEmail: string;
  readonly creationType: string;
  readonly invitationState: string;
  readonly identityIssuer: string;
  readonly homeTenantId: string;
  readonly mfa: MfaRegistration;
  readonly behaviour: Behaviour;
  /** What the scenario intends this account to demonstrate (for the report and tests, not exported). */
  readonly note: string;
}

export interface PasswordCredential {
  readonly keyId: string;
  readonly displayName: string;
  readonly startMs: number;
  /** Graph endDateTime text; kept verbatim because "never expires" secrets carry years like 2299 or 9999. */
  readonly end: string;
  readonly endMs: number;
  readonly hint: string;
}

export interface CertificateCredential {
  readonly keyId: string;
  readonly displayName: string;
  readonly startMs: number;
  readonly endMs: number;
  /** SHA-1 thumbprint, upper-case hex, as the sign-in log shows it. */
  readonly thumbprint: string;
}

export interface FederatedCredential {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly subject: string;
  readonly description: string;
}

/** Which credential a workload presents during a period; keyId null means a federated assertion. */
export interface CredentialUse {
  readonly keyId: string | null;
  readonly thumbprint: string | null;
  readonly fromMs: number;
  readonly toMs: number;
  /** After this instant the credential is expired and each attempt fails with 7000222. */
  readonly expiresMs?: number;
}

export interface WorkloadJob {
  readonly resource: AppRef;
  readonly schedule: Schedule;
  readonly uses: readonly CredentialUse[];
  readonly ips: readonly string[];
  readonly place: Place | null;
  /** Occasional failures (bad secret after a botched rotation, assertion clock skew...). */
  readonly errors?: { readonly rate: number; readonly code: number };
}

export type OwnerRef =
  | { readonly kind: 'user'; readonly user: User }
  | { readonly kind: 'servicePrincipal'; readonly spId: string; readonly appId: string; readonly displayName: string };

export interface OwnApp {
  readonly key: string;
  readonly displayName: string;
  readonly description: string;
  readonly objectId: string;
  readonly appId: string;
  readonly spId: string;
  readonly createdMs: number;
  readonly signInAudience: 'AzureADMyOrg' | 'AzureADMultipleOrgs';
  readonly owners: readonly OwnerRef[];
  readonly passwords: readonly PasswordCredential[];
  readonly certificates: readonly CertificateCredential[];
  readonly federated: readonly FederatedCredential[];
  readonly graphRoles: readonly GraphRoleName[];
  readonly publicClient: boolean;
  readonly redirectUris: readonly string[];
  readonly jobs: readonly WorkloadJob[];
  readonly note: string;
}

export interface ManagedIdentity {
  readonly key: string;
  readonly displayName: string;
  readonly type: 'systemAssigned' | 'userAssigned';
  readonly spId: string;
  readonly appId: string;
  /** ARM id in alternativeNames: the host resource (system-assigned) or the identity resource (user-assigned). */
  readonly armId: string;
  /** The compute resource that requests tokens, as the MSI sign-in log's "Associated Resource Id" shows it. */
  readonly associatedResourceId: string;
  readonly certificate: CertificateCredential;
  readonly createdMs: number;
  readonly federatedIssuer: string | null;
  readonly jobs: readonly WorkloadJob[];
  readonly note: string;
}

export interface ThirdPartyApp {
  readonly key: string;
  readonly displayName: string;
  readonly publisher: string;
  readonly homepage: string;
  readonly appId: string;
  readonly spId: string;
  readonly ownerTenantId: string;
  readonly graphRoles: readonly GraphRoleName[];
  readonly jobs: readonly WorkloadJob[];
  readonly note: string;
}

export interface Group {
  readonly id: string;
  readonly displayName: string;
}

export type Principal =
  | { readonly kind: 'user'; readonly user: User }
  | { readonly kind: 'group'; readonly group: Group }
  | { readonly kind: 'app'; readonly app: OwnApp }
  | { readonly kind: 'thirdParty'; readonly app: ThirdPartyApp }
  | { readonly kind: 'managedIdentity'; readonly mi: ManagedIdentity }
  /** The principal was deleted; only its object id survives in the assignment. */
  | { readonly kind: 'deleted'; readonly objectId: string };

export interface AzureAssignment {
  readonly id: string;
  readonly scope: string;
  readonly role: AzureRoleName;
  readonly principal: Principal;
}

export interface EntraAssignment {
  readonly role: EntraRoleKey;
  readonly principal: Principal;
}

export interface Subscription {
  readonly id: string;
  readonly name: string;
}

export interface Tenant {
  readonly seed: number;
  readonly tenantId: string;
  readonly domain: string;
  readonly initialDomain: string;
  readonly asOfMs: number;
  readonly windowStartMs: number;
  readonly windowEndMs: number;
  /** Multiplier applied to every volume that is not a fixed schedule. */
  readonly scale: number;
  readonly users: readonly User[];
  readonly apps: readonly OwnApp[];
  readonly managedIdentities: readonly ManagedIdentity[];
  readonly thirdParty: readonly ThirdPartyApp[];
  readonly groups: readonly Group[];
  readonly subscriptions: { readonly prod: Subscription; readonly nonProd: Subscription; readonly shared: Subscription };
  readonly managementGroup: string;
  readonly azureAssignments: readonly AzureAssignment[];
  readonly entraAssignments: readonly EntraAssignment[];
}
