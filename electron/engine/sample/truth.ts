/**
 * The class and mandatory-MFA verdict each identity of a generated tenant should get, derived from
 * what the scenario makes it do (not from the exported files): the ground truth the analysis is
 * tested against. Rules follow design.md's verdicts and formats.md §9's scope: the portal is
 * enforced (phase 1, already interrupting people without MFA), the Azure CLI, PowerShell and mobile
 * app where they call Azure Resource Manager (phase 2), workload identities and the sync account
 * are out of scope.
 */
import type { IdentityClass, Verdict } from '../../../shared/domain/vocabulary';
import { CLIENT, FIRST_PARTY_SERVICE_PRINCIPALS, RESOURCE, type AppRef } from './catalogue';
import { Rng } from './prng';
import type { AutomationJob, Tenant, User } from './model';

export interface Truth {
  /** UPN as the directory holds it, or the service principal's object id for workloads. */
  key: string;
  class: IdentityClass;
  verdict: Verdict;
  why: string;
}

const PHISHING_RESISTANT = /fido2|passkey|windowshello|x509/iu;

/** The portal whatever it calls; any client (CLI, PowerShell, SDK, IaC) when it calls Azure Resource Manager. */
function enforced(client: AppRef, resource: AppRef): boolean {
  return client.id === CLIENT.azurePortal.id || resource.id === RESOURCE.arm.id;
}

const registered = (u: User): boolean => u.mfa.methods.some((m) => m !== 'email');

function automationVerdict(jobs: readonly AutomationJob[], windowEndMs: number): Pick<Truth, 'verdict' | 'why'> {
  const hits = jobs.filter((j) => enforced(j.client, j.resource));
  if (hits.length === 0) return { verdict: 'no_activity', why: jobs.length === 0 ? 'dormant' : 'automation against apps the enforcement does not cover' };
  if (hits.some((j) => j.failure && j.failure.fromMs <= windowEndMs)) return { verdict: 'blocked', why: 'MFA-required failures since a date, no success after' };
  return { verdict: 'will_break', why: `single-factor automation to ${hits.map((j) => j.client.name).join(', ')}` };
}

function userTruth(u: User, t: Tenant): Truth {
  const b = u.behaviour;
  const base = { key: u.upn, class: u.cls as IdentityClass };
  if (u.cls === 'sync_account') return { ...base, verdict: 'not_in_scope', why: 'sync account' };
  if (u.cls === 'break_glass') {
    return registered(u) && u.mfa.methods.some((m) => PHISHING_RESISTANT.test(m))
      ? { ...base, verdict: 'ready', why: 'phishing-resistant method' }
      : { ...base, verdict: 'at_risk', why: 'no phishing-resistant method' };
  }
  if (b.kind === 'automation') return { ...base, ...automationVerdict(b.jobs, t.windowEndMs) };
  if (b.kind === 'guest') return { ...base, ...(b.azurePortal ? { verdict: 'ready', why: 'portal with MFA from the home tenant' } : { verdict: 'no_activity', why: 'no Azure use' }) };
  if (b.kind === 'person' && b.azure.length > 0) {
    if (registered(u)) return { ...base, verdict: 'ready', why: 'uses Azure tools and is registered for MFA' };
    return b.azure.includes('portal')
      ? { ...base, verdict: 'blocked', why: 'not registered: the portal interrupts every attempt' }
      : { ...base, verdict: 'at_risk', why: 'not registered, single-factor Azure tools' };
  }
  return { ...base, verdict: 'no_activity', why: b.kind === 'leaver' || b.kind === 'none' ? 'disabled or silent' : 'no Azure use' };
}

/** Every identity the exports reveal, with its expected class and verdict. */
export function groundTruth(t: Tenant): Truth[] {
  const deleted = new Set(
    [...t.azureAssignments, ...t.entraAssignments].flatMap((a) => (a.principal.kind === 'deleted' ? [a.principal.objectId] : [])),
  );
  return [
    // Microsoft's own service principals, as the service principal export lists them (writers/graphApps.ts).
    ...FIRST_PARTY_SERVICE_PRINCIPALS.map((a): Truth => ({
      key: Rng.fork(t.seed, 'first-party-sp', a.id).guid(),
      class: 'service_principal',
      verdict: 'not_in_scope',
      why: 'Microsoft first-party application',
    })),
    ...[...deleted].map((objectId): Truth => ({ key: objectId, class: 'unknown', verdict: 'not_in_scope', why: 'deleted principal holding roles' })),
    ...t.users.map((u) => userTruth(u, t)),
    ...t.apps.map((a): Truth => ({ key: a.spId, class: 'service_principal', verdict: 'not_in_scope', why: 'own application' })),
    ...t.thirdParty.map((a): Truth => ({ key: a.spId, class: 'service_principal', verdict: 'not_in_scope', why: 'third-party application' })),
    ...t.managedIdentities.map((m): Truth => ({ key: m.spId, class: 'managed_identity', verdict: 'not_in_scope', why: m.type })),
  ];
}
