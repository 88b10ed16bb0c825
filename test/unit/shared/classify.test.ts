import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import { emptySignIns, type IdentityProfile } from '../../../shared/classification/profile';
import { DEFAULT_CLASSIFICATION_SETTINGS as S } from '../../../shared/classification/settings';

function user(over: Partial<IdentityProfile> = {}, signIns: Partial<IdentityProfile['signIns']> = {}): IdentityProfile {
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
    ...over,
    signIns: { ...emptySignIns(), ...signIns },
  };
}

const automation = { total: 412, nonInteractive: 412, automationAgent: 412, distinctIps: 1, singleFactor: 412, enforcedApps: 412 };
const person = { total: 300, interactive: 120, nonInteractive: 180, browserAgent: 120, mfa: 110, distinctIps: 6 };

describe('classify users', () => {
  it('finds a service account by behaviour even when its name looks human', () => {
    const c = classify(user({ upn: 'r.hughes@contoso.com', displayName: 'Rachel Hughes' }, automation), S);
    expect(c.class).toBe('service_account');
    expect(c.reasons.map((r) => r.text)).toEqual(expect.arrayContaining(['412 of 412 sign-ins non-interactive (100%)', 'All 412 sign-ins from one IP address']));
  });

  it('does not condemn a person whose name starts with svc', () => {
    const c = classify(user({ upn: 'svc.kowalski@contoso.com', displayName: 'Svetlana Kowalski', jobTitle: 'Analyst' }, person), S);
    expect(c.class).toBe('human');
    expect(c.reasons.some((r) => r.code === 'name')).toBe(true);
  });

  it('counts ROPC as strong evidence of automation', () => {
    const c = classify(user({ upn: 'app.sync@contoso.com' }, { total: 96, interactive: 96, ropc: 96 }), S);
    expect(c.class).toBe('service_account');
    expect(c.reasons.find((r) => r.code === 'ropc')?.text).toBe('ROPC (username/password token flow) on 96 sign-ins');
  });

  it('recognises guests, sync accounts and break-glass accounts', () => {
    expect(classify(user({ userType: 'guest' }), S).class).toBe('guest');
    expect(classify(user({ upn: 'bob_fabrikam.com#EXT#@contoso.onmicrosoft.com', userType: 'member' }), S).class).toBe('guest');
    expect(classify(user({ upn: 'Sync_CONTOSO-DC01_8d1f2a3b4c5e@contoso.onmicrosoft.com' }, automation), S).class).toBe('sync_account');
    expect(classify(user({ upn: 'breakglass01@contoso.onmicrosoft.com' }, { total: 1, interactive: 1 }), S).class).toBe('break_glass');
  });

  it('says unknown, not person, when there is no evidence either way', () => {
    const c = classify(user(), S);
    expect(c).toMatchObject({ class: 'unknown', confidence: 0 });
    expect(classify(user({ jobTitle: 'Engineer' }), S).class).toBe('human');
  });
});

describe('classify workload identities', () => {
  it('tells managed identities from other service principals', () => {
    expect(classify(user({ kind: 'service_principal', spType: 'ManagedIdentity' }), S).class).toBe('managed_identity');
    expect(classify(user({ kind: 'service_principal' }, { total: 5, managedIdentity: 5 }), S).class).toBe('managed_identity');
    expect(classify(user({ kind: 'service_principal' }, { total: 5, servicePrincipal: 5 }), S)).toMatchObject({ class: 'service_principal' });
  });
});
