import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import { DEFAULT_CLASSIFICATION_SETTINGS as S } from '../../../shared/classification/settings';
import { user } from './profiles';

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

describe('classification signals', () => {
  const hours = (from: number, to: number, n: number): number[] => Array.from({ length: 24 }, (_, h) => (h >= from && h < to ? n : 0));

  it('finds a schedule and says it in numbers, 24×7 when it runs at night and weekends too', () => {
    const c = classify(
      user({ upn: 'k.meyer@contoso.com', displayName: 'Karin Meyer' }, {
        total: 2880, nonInteractive: 1440, interactive: 1440, distinctIps: 1,
        intervals: { gaps: 2879, medianMinutes: 15, spreadMinutes: 0.4, regularShare: 0.99 },
        hours: hours(0, 24, 120), weekdays: [411, 411, 411, 411, 412, 412, 412],
      }),
      S,
    );
    expect(c.class).toBe('service_account');
    expect(c.reasons.find((r) => r.code === 'schedule')?.text).toBe('every 15 min ± 1 min on 99% of 2,879 runs, 24×7');
  });

  it('does not read office hours as a schedule', () => {
    const c = classify(user({}, { total: 300, interactive: 150, nonInteractive: 150, browserAgent: 150, mfa: 40, intervals: { gaps: 200, medianMinutes: 45, spreadMinutes: 30, regularShare: 0.3 }, hours: hours(8, 18, 30) }), S);
    expect(c.class).toBe('human');
    expect(c.reasons.some((r) => r.code === 'schedule')).toBe(false);
  });

  it('finds the sync account by its sign-ins to Entra Connect even under another name', () => {
    const c = classify(user({ upn: 'dirsync-prod@contoso.onmicrosoft.com' }, { total: 1440, nonInteractive: 1440, syncApp: 1440 }), S);
    expect(c).toMatchObject({ class: 'sync_account' });
    expect(c.reasons[0]?.text).toBe('1,440 sign-ins to the Entra Connect synchronisation application');
  });

  it('trusts a break-glass name more when the account is privileged and rarely used, less when it signs in often', () => {
    const roles = [{ system: 'entra' as const, role: 'Global Administrator', scope: '/', scopeLevel: 'tenant', state: 'active' as const, privileged: true }];
    const rare = classify(user({ upn: 'emergency-access-01@contoso.onmicrosoft.com', roles }, { total: 1, interactive: 1 }), S);
    expect(rare).toMatchObject({ class: 'break_glass', confidence: 0.9 });
    expect(rare.reasons.map((r) => r.text)).toEqual([
      'Name or description matches an emergency-access pattern (emergency)',
      'Holds 1 privileged role assignment (Global Administrator)',
      '1 sign-in in the evidence window (rarely used)',
    ]);
    const busy = classify(user({ upn: 'emergency-access-02@contoso.onmicrosoft.com' }, { total: 40, interactive: 40, browserAgent: 40 }), S);
    expect(busy.class).toBe('break_glass');
    expect(busy.confidence).toBeLessThan(rare.confidence);
  });

  it('tells first-party, third-party and own service principals and the two kinds of managed identity', () => {
    const sp = (o: Partial<Parameters<typeof user>[0]>) => classify(user({ kind: 'service_principal', ...o }), S).reasons.map((r) => r.code);
    expect(sp({ appOwnerOrgId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' })).toContain('first-party');
    expect(sp({ appOwnerOrgId: '9a3b0000-0000-4000-8000-00000000abcd', ownApp: false })).toContain('third-party');
    expect(sp({ ownApp: true })).toContain('own-app');
    expect(classify(user({ kind: 'service_principal', spType: 'ManagedIdentity', msiType: 'SystemAssigned' }), S).reasons.map((r) => r.code)).toContain('mi-system');
    expect(classify(user({ kind: 'service_principal', spType: 'ManagedIdentity', msiType: 'UserAssigned' }), S).reasons.map((r) => r.code)).toContain('mi-user');
  });
});
