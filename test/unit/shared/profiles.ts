import { emptySignIns, emptySurface, type IdentityProfile, type Registration, type SurfaceStats } from '../../../shared/classification/profile';
import type { EnforcedSurface } from '../../../shared/catalogue/enforcedApps';

/** A user profile with only what a test says; everything else empty. */
export function user(over: Partial<IdentityProfile> = {}, signIns: Partial<IdentityProfile['signIns']> = {}): IdentityProfile {
  return {
    id: 1,
    kind: 'user',
    objectId: '11111111-1111-4111-8111-111111111111',
    appId: null,
    upn: 'someone@contoso.com',
    displayName: 'Someone',
    userType: 'member',
    accountEnabled: true,
    jobTitle: null,
    department: null,
    onPremisesSync: null,
    inDirectory: true,
    spType: null,
    appOwnerOrgId: null,
    registration: null,
    roles: [],
    ...over,
    signIns: { ...emptySignIns(), ...signIns },
  };
}

export function surface(over: Partial<SurfaceStats>): SurfaceStats {
  return { ...emptySurface(), ...over };
}

export function surfaces(s: Partial<Record<EnforcedSurface, Partial<SurfaceStats>>>): IdentityProfile['signIns']['surfaces'] {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, surface(v)]));
}

export const REGISTERED: Registration = { capable: true, registered: true, passwordlessCapable: false, methods: ['microsoftAuthenticatorPush'], phishingResistant: false };
export const UNREGISTERED: Registration = { capable: false, registered: false, passwordlessCapable: false, methods: [], phishingResistant: false };
export const FIDO2: Registration = { capable: true, registered: true, passwordlessCapable: true, methods: ['fido2SecurityKey'], phishingResistant: true };
