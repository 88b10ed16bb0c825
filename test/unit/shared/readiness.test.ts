import { describe, expect, it } from 'vitest';
import type { IdentityClass, SignInCategory } from '../../../shared/domain/vocabulary';
import { assessReadiness, type EvidenceCoverage } from '../../../shared/readiness/assess';
import { recommend } from '../../../shared/readiness/recommend';
import { FIDO2, REGISTERED, surfaces, UNREGISTERED, user } from './profiles';

const ALL: EvidenceCoverage = {
  categories: new Set<SignInCategory>(['interactive', 'non_interactive', 'service_principal', 'managed_identity']),
  registrationImported: true,
  windowFrom: '2026-10-21T00:00:00.000Z',
  windowTo: '2026-11-19T23:59:00.000Z',
};
const only = (cats: SignInCategory[], registrationImported = true): EvidenceCoverage => ({ ...ALL, categories: new Set(cats), registrationImported });
const assess = (p: ReturnType<typeof user>, cls: IdentityClass, cov = ALL) => assessReadiness(p, cls, cov);
const AS_OF = Date.parse('2026-11-20T23:59:59Z');

const cliSingleFactor = surfaces({ cli: { singleFactor: 360, firstSingleFactor: '2026-10-21T02:00:00.000Z', lastSingleFactor: '2026-11-19T02:00:00.000Z', lastSuccess: '2026-11-19T02:00:00.000Z', sampleRequestIds: ['r-1'] } });

describe('readiness of automation on user accounts', () => {
  it('will break: single-factor to an enforced surface, with the phase and the numbers', () => {
    const r = assess(user({}, { total: 360, surfaces: cliSingleFactor }), 'service_account');
    expect(r).toMatchObject({ verdict: 'will_break', phase: 2, surfaces: [{ surface: 'cli', effect: 'breaks', singleFactor: 360, sampleRequestIds: ['r-1'] }] });
    expect(r.reason).toBe('Automation signs in single-factor to Azure CLI (phase 2): 360 sign-ins the enforcement will stop.');
  });

  it('blocked since a date: MFA failures after its last success', () => {
    const s = surfaces({ cli: { singleFactor: 100, lastSuccess: '2026-11-08T22:00:00.000Z', mfaFailures: 127, firstMfaFailure: '2026-11-09T00:00:00.000Z', lastMfaFailure: '2026-11-19T22:00:00.000Z' } });
    const r = assess(user({}, { total: 227, surfaces: s }), 'service_account');
    expect(r).toMatchObject({ verdict: 'blocked', blockedSince: '2026-11-09T00:00:00.000Z' });
    expect(r.reason).toBe('127 sign-ins to Azure CLI (phase 2) failed for MFA since 2026-11-09, with no success after the last failure.');
  });

  it('not blocked when a success came after the MFA failures (a prompt that was answered)', () => {
    const s = surfaces({ portal: { mfa: 3, lastSuccess: '2026-11-10T09:01:00.000Z', mfaFailures: 1, lastMfaFailure: '2026-11-10T09:00:00.000Z' } });
    expect(assess(user({}, { total: 4, mfa: 3, surfaces: s }), 'human').verdict).toBe('ready');
  });

  it('cannot assess, rather than "no activity", when the log where it would appear was not imported', () => {
    const r = assess(user({}, { total: 30 }), 'service_account', only(['interactive']));
    expect(r.verdict).toBe('cannot_assess');
    expect(r.reason).toMatch(/No non-interactive sign-ins were imported/u);
    expect(assess(user({}, { total: 30 }), 'service_account').verdict).toBe('no_activity');
  });
});

describe('readiness of people', () => {
  const portalSingleFactor = surfaces({ portal: { singleFactor: 12, lastSuccess: '2026-11-18T09:00:00.000Z', firstSingleFactor: '2026-10-22T09:00:00.000Z', lastSingleFactor: '2026-11-18T09:00:00.000Z' } });

  it('at risk: single-factor to the portal and not registered', () => {
    expect(assess(user({ registration: UNREGISTERED }, { total: 12, surfaces: portalSingleFactor }), 'human')).toMatchObject({ verdict: 'at_risk', phase: 1 });
  });

  it('ready: single-factor today, but registered and able to answer the prompt', () => {
    expect(assess(user({ registration: REGISTERED }, { total: 12, surfaces: portalSingleFactor }), 'human').verdict).toBe('ready');
  });

  it('counts MFA satisfied by a federated claim as MFA', () => {
    // The profile counts "MFA requirement satisfied by claim in the token" in mfa; readiness follows it.
    const s = surfaces({ portal: { mfa: 9, lastSuccess: '2026-11-18T09:00:00.000Z', lastMfa: '2026-11-18T09:00:00.000Z' } });
    expect(assess(user({}, { total: 9, mfa: 9, surfaces: s }), 'human', only(['interactive', 'non_interactive'], false)).verdict).toBe('ready');
  });

  it('cannot assess a single-factor person without registration data, instead of guessing either way', () => {
    const r = assess(user({}, { total: 12, surfaces: portalSingleFactor }), 'human', only(['interactive', 'non_interactive'], false));
    expect(r.verdict).toBe('cannot_assess');
    expect(r.reason).toMatch(/no MFA registration data was imported/u);
  });

  it('a guest with single-factor portal sign-ins and no registration row cannot be assessed (MFA may happen at home)', () => {
    expect(assess(user({ userType: 'guest' }, { total: 12, surfaces: portalSingleFactor }), 'guest').verdict).toBe('cannot_assess');
  });

  it('no activity only when the interactive log was imported', () => {
    expect(assess(user({}, { total: 50 }), 'human').verdict).toBe('no_activity');
    expect(assess(user({}, { total: 50 }), 'human', only(['non_interactive'])).verdict).toBe('cannot_assess');
    expect(assess(user({}, { total: 50 }), 'human', only([])).verdict).toBe('cannot_assess');
  });
});

describe('readiness of break-glass, sync and workload identities', () => {
  it('break-glass is ready only with a phishing-resistant method', () => {
    expect(assess(user({ registration: FIDO2 }), 'break_glass').verdict).toBe('ready');
    expect(assess(user({ registration: REGISTERED }), 'break_glass')).toMatchObject({ verdict: 'at_risk' });
    expect(assess(user({ registration: null }), 'break_glass', only(['interactive'], false)).verdict).toBe('cannot_assess');
  });

  it('sync accounts and workload identities are not in scope', () => {
    expect(assess(user(), 'sync_account').verdict).toBe('not_in_scope');
    expect(assess(user({ kind: 'service_principal' }), 'service_principal').verdict).toBe('not_in_scope');
    expect(assess(user({ kind: 'service_principal' }), 'managed_identity').verdict).toBe('not_in_scope');
  });

  it("a reviewer's class drives the verdict: the same profile read as a person is judged as one", () => {
    const p = user({ registration: REGISTERED }, { total: 360, surfaces: cliSingleFactor });
    expect(assess(p, 'service_account').verdict).toBe('will_break');
    expect(assess(p, 'human').verdict).toBe('ready');
  });
});

describe('recommendations', () => {
  const rec = (p: ReturnType<typeof user>, cls: IdentityClass, azureIps: ReadonlyMap<string, string> | null = null) =>
    recommend(p, cls, assess(p, cls), AS_OF, 90, { azureIps });
  const running = { total: 360, lastSeen: '2026-11-19T02:00:00.000Z', surfaces: cliSingleFactor };

  it('federation for a platform that issues tokens, seen in the user agent', () => {
    expect(rec(user({}, { ...running, topUserAgents: [{ agent: 'azsdk-python GITHUBACTIONS/1.0', count: 360 }] }), 'service_account').pattern).toBe('federation_github_actions');
    expect(rec(user({}, { ...running, topUserAgents: [{ agent: 'VSTS_0fa3_build_12', count: 360 }] }), 'service_account').pattern).toBe('federation_azure_devops');
  });

  it('managed identity when every source address is inside Azure, a certificate otherwise, and says which', () => {
    const p = user({}, { ...running, topIps: [{ ip: '20.50.1.2', count: 360 }] });
    const inAzure = rec(p, 'service_account', new Map([['20.50.1.2', 'AzureCloud.westeurope']]));
    expect(inAzure.pattern).toBe('managed_identity');
    expect(inAzure.rationale).toContain('20.50.1.2 in AzureCloud.westeurope');
    const outside = rec(p, 'service_account', new Map());
    expect(outside).toMatchObject({ pattern: 'service_principal_certificate' });
    expect(outside.rationale).toMatch(/outside Azure/u);
    expect(rec(p, 'service_account').rationale).toMatch(/import the Azure IP ranges file/u);
  });

  it('retire when dormant', () => {
    expect(rec(user({}, { total: 3, lastSeen: '2026-06-01T00:00:00.000Z' }), 'service_account').pattern).toBe('retire');
  });

  it('people register a method; emergency accounts a phishing-resistant one; ready people nothing', () => {
    const atRisk = user({ registration: UNREGISTERED }, { total: 12, surfaces: surfaces({ portal: { singleFactor: 12, lastSuccess: '2026-11-18T09:00:00.000Z' } }) });
    expect(rec(atRisk, 'human').pattern).toBe('register_mfa');
    expect(rec(user({ registration: REGISTERED }), 'break_glass').pattern).toBe('register_phishing_resistant');
    expect(rec(user({ registration: FIDO2 }), 'break_glass').pattern).toBe('none');
  });
});
