import type { IdentityKind } from '../domain/vocabulary';

/** Everything classification knows about one identity: directory facts plus sign-in aggregates. */
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
    distinctIps: number;
    enforcedApps: number;
    firstSeen: string | null;
    lastSeen: string | null;
  };
}

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
    distinctIps: 0,
    enforcedApps: 0,
    firstSeen: null,
    lastSeen: null,
  };
}
