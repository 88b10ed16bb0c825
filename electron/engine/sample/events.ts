/**
 * Sign-in events as the planners decide them. Identifiers that must be unique across every file
 * (request ids) are not here: the writers draw them from one stream at write time.
 */
import type { AppRef } from './catalogue';
import type { Device, User } from './model';
import type { Place } from './places';

export type UserCategory = 'interactive' | 'nonInteractive';
export type WorkloadCategory = 'servicePrincipal' | 'managedIdentity';

export interface UserSignIn {
  readonly cat: UserCategory;
  readonly t: number;
  readonly user: User;
  readonly client: AppRef;
  readonly resource: AppRef;
  readonly userAgent: string;
  readonly clientApp: 'Browser' | 'Mobile Apps and Desktop clients';
  /** Graph enum spelling (formats.md section 2). */
  readonly protocol: 'none' | 'oAuth2' | 'ropc' | 'deviceCode';
  readonly incomingToken: 'none' | 'primaryRefreshToken' | 'refreshToken';
  readonly ip: string;
  readonly place: Place | null;
  /** AADSTS code; 0 = success. */
  readonly code: number;
  /** Whether the sign-in had to satisfy MFA ("Authentication requirement"). */
  readonly mfaRequired: boolean;
  /** How MFA was satisfied, when it was. */
  readonly mfaResult: 'completed' | 'claim' | '';
  readonly ca: 'Success' | 'Failure' | 'Not Applied';
  /** Null for scripts: device columns stay empty, the OS comes from the user agent. */
  readonly device: Device | null;
  /** Shared by the steps of one attempt (an interrupt and the success after it); null = fresh id. */
  readonly correlationId: string | null;
  readonly sessionId: string;
}

export interface WorkloadSignIn {
  readonly cat: WorkloadCategory;
  readonly t: number;
  readonly spId: string;
  readonly spName: string;
  readonly appId: string;
  readonly appOwnerTenantId: string;
  readonly keyId: string;
  readonly thumbprint: string;
  readonly resource: AppRef;
  readonly ip: string;
  readonly place: Place | null;
  readonly code: number;
  readonly msi: { readonly type: string; readonly associatedResourceId: string; readonly federatedTokenId: string; readonly federatedTokenIssuer: string } | null;
}

export type SignIn = UserSignIn | WorkloadSignIn;

export const isUserSignIn = (e: SignIn): e is UserSignIn => e.cat === 'interactive' || e.cat === 'nonInteractive';
