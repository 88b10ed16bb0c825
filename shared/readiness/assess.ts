import { SURFACE_LABELS, SURFACE_PHASE, type EnforcedSurface } from '../catalogue/enforcedApps';
import type { IdentityProfile, SurfaceStats } from '../classification/profile';
import type { IdentityClass, SignInCategory, Verdict } from '../domain/vocabulary';

/** Which evidence the engagement holds: a verdict that needs missing evidence says so. */
export interface EvidenceCoverage {
  categories: ReadonlySet<SignInCategory>;
  registrationImported: boolean;
  /** First and last day of imported sign-ins (ISO), null without sign-ins. */
  windowFrom: string | null;
  windowTo: string | null;
}

/** What one identity does on one enforced surface, and what the enforcement does to it. */
export interface SurfaceAssessment extends SurfaceStats {
  surface: EnforcedSurface;
  label: string;
  phase: 1 | 2;
  /** breaks: single-factor successes the enforcement will stop; blocked: already failing for MFA; mfa: already does MFA. */
  effect: 'breaks' | 'blocked' | 'mfa' | 'prompted';
}

export interface Readiness {
  verdict: Verdict;
  /** One sentence a consultant can read out. */
  reason: string;
  surfaces: SurfaceAssessment[];
  /** Earliest enforcement phase that affects the identity, if any. */
  phase: 1 | 2 | null;
  /** Since when the identity has been blocked (first MFA failure after its last success). */
  blockedSince: string | null;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '?');
const WORKLOAD: ReadonlySet<IdentityClass> = new Set(['service_principal', 'managed_identity']);

function surfaces(p: IdentityProfile): SurfaceAssessment[] {
  const out: SurfaceAssessment[] = [];
  for (const [surface, st] of Object.entries(p.signIns.surfaces) as [EnforcedSurface, SurfaceStats][]) {
    const failing = st.mfaFailures > 0 && (st.lastSuccess == null || (st.lastMfaFailure ?? '') > st.lastSuccess);
    const effect = failing ? 'blocked' : st.singleFactor > 0 ? 'breaks' : st.mfa > 0 ? 'mfa' : 'prompted';
    out.push({ ...st, surface, label: SURFACE_LABELS[surface], phase: SURFACE_PHASE[surface], effect });
  }
  return out.sort((a, b) => a.phase - b.phase || a.surface.localeCompare(b.surface));
}

const names = (list: readonly SurfaceAssessment[]): string => list.map((s) => `${s.label} (phase ${s.phase})`).join(', ');
const earliest = (list: readonly SurfaceAssessment[]): 1 | 2 | null => (list.length === 0 ? null : (Math.min(...list.map((s) => s.phase)) as 1 | 2));

/**
 * The mandatory-MFA verdict for one identity of a given (effective) class. Workload identities
 * and the sync account are out of scope; for user objects the verdict rests on sign-ins to the
 * enforced surfaces and on MFA registration, and says "cannot assess" when that evidence was not
 * imported rather than guessing. A false "ready" is the worst answer this function can give.
 */
export function assessReadiness(p: IdentityProfile, cls: IdentityClass, coverage: EvidenceCoverage): Readiness {
  const all = surfaces(p);
  const base = { surfaces: all, phase: earliest(all), blockedSince: null };
  if (p.kind === 'unknown' || (p.deleted && p.signIns.total === 0)) {
    return { ...base, verdict: 'not_in_scope', reason: 'Deleted from the directory: it cannot sign in. The role assignments it still holds should be removed.' };
  }
  if (p.kind !== 'user' || WORKLOAD.has(cls)) {
    return { ...base, verdict: 'not_in_scope', reason: 'Workload identities (service principals, managed identities) are not affected by either enforcement phase.' };
  }
  if (cls === 'sync_account') {
    return { ...base, verdict: 'not_in_scope', reason: 'The Entra Connect / Cloud Sync synchronisation account is excluded from the enforcement.' };
  }

  if (cls === 'break_glass') {
    if (p.registration?.phishingResistant) {
      return { ...base, verdict: 'ready', reason: `Emergency account with a phishing-resistant method registered (${p.registration.methods.join(', ')}).` };
    }
    if (!p.registration) {
      if (!coverage.registrationImported) {
        return { ...base, verdict: 'cannot_assess', reason: 'No MFA registration data was imported: whether this emergency account has a phishing-resistant method (FIDO2 passkey or certificate) cannot be seen.' };
      }
      return { ...base, verdict: 'at_risk', reason: 'Emergency account missing from the MFA registration data: no method is known, so it cannot complete MFA when it is needed.' };
    }
    const methods = p.registration.methods.length > 0 ? `only ${p.registration.methods.join(', ')}` : 'no method';
    return { ...base, verdict: 'at_risk', reason: `Emergency account without a phishing-resistant method (${methods} registered): register a FIDO2 passkey or certificate-based authentication.` };
  }

  const hasInteractive = coverage.categories.has('interactive');
  const hasNonInteractive = coverage.categories.has('non_interactive');
  if (!hasInteractive && !hasNonInteractive) {
    return { ...base, verdict: 'cannot_assess', reason: 'No user sign-in logs (interactive or non-interactive) were imported.' };
  }

  const blocked = all.filter((s) => s.effect === 'blocked');
  if (blocked.length > 0) {
    const since = blocked.map((s) => s.firstMfaFailure ?? '').sort()[0] ?? null;
    const failures = blocked.reduce((n, s) => n + s.mfaFailures, 0);
    return {
      ...base,
      blockedSince: since,
      verdict: 'blocked',
      reason: `${fmt(failures)} sign-ins to ${names(blocked)} failed for MFA since ${day(since)}, with no success after the last failure.`,
    };
  }

  const breaking = all.filter((s) => s.effect === 'breaks');
  const singleFactor = breaking.reduce((n, s) => n + s.singleFactor, 0);

  if (cls === 'service_account') {
    if (breaking.length > 0) {
      return { ...base, phase: earliest(breaking), verdict: 'will_break', reason: `Automation signs in single-factor to ${names(breaking)}: ${fmt(singleFactor)} sign-ins the enforcement will stop.` };
    }
    if (all.length > 0) {
      return { ...base, verdict: 'ready', reason: `Every sign-in to ${names(all)} already satisfied MFA.` };
    }
    if (!hasNonInteractive || !hasInteractive) {
      const missing = hasInteractive ? 'non-interactive' : 'interactive';
      return { ...base, verdict: 'cannot_assess', reason: `No ${missing} sign-ins were imported, where automation of this kind also signs in: its use of enforced apps cannot be ruled out.` };
    }
    return { ...base, verdict: 'no_activity', reason: `No sign-in to an enforced app between ${day(coverage.windowFrom)} and ${day(coverage.windowTo)}.` };
  }

  // People (members, guests) and identities whose class is unknown.
  if (p.accountEnabled === false && all.length === 0) {
    return { ...base, verdict: 'no_activity', reason: 'Account disabled, and no sign-in to an enforced app in the evidence.' };
  }
  if (all.length === 0) {
    if (!hasInteractive) {
      return { ...base, verdict: 'cannot_assess', reason: 'No interactive sign-ins were imported, where people use the Azure portal and tools: their use cannot be ruled out.' };
    }
    return { ...base, verdict: 'no_activity', reason: `No sign-in to an enforced app between ${day(coverage.windowFrom)} and ${day(coverage.windowTo)}.` };
  }
  if (breaking.length === 0) {
    return { ...base, verdict: 'ready', reason: `Every successful sign-in to ${names(all)} already satisfied MFA.` };
  }
  const where = `${fmt(singleFactor)} single-factor sign-ins to ${names(breaking)}`;
  if (p.signIns.mfa > 0) {
    return { ...base, phase: earliest(breaking), verdict: 'ready', reason: `${where}, but completed MFA on ${fmt(p.signIns.mfa)} other sign-ins: will be prompted and can respond.` };
  }
  const reg = p.registration;
  if (reg && (reg.capable === true || reg.registered === true)) {
    return { ...base, phase: earliest(breaking), verdict: 'ready', reason: `${where}; registered for MFA (${reg.methods.join(', ') || 'methods not listed'}): will be prompted and can respond.` };
  }
  if (reg) {
    return { ...base, phase: earliest(breaking), verdict: 'at_risk', reason: `${where}, and not registered for MFA: will be stopped at the first prompt until a method is registered.` };
  }
  if (cls === 'guest') {
    return { ...base, phase: earliest(breaking), verdict: 'cannot_assess', reason: `${where} and never MFA in the logs; a guest does MFA in this tenant or, when cross-tenant access trusts it, in the home tenant, and neither registration is in the evidence.` };
  }
  if (!coverage.registrationImported) {
    return { ...base, phase: earliest(breaking), verdict: 'cannot_assess', reason: `${where}, never MFA in the logs, and no MFA registration data was imported: whether the person can respond to the prompt cannot be seen.` };
  }
  return { ...base, phase: earliest(breaking), verdict: 'at_risk', reason: `${where}, never MFA in the logs, and absent from the MFA registration data.` };
}
