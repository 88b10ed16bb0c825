import type { Reason } from '../contract/dto';
import type { IdentityClass } from '../domain/vocabulary';
import type { IdentityProfile } from './profile';
import type { ClassificationSettings } from './settings';

export interface Classification {
  class: IdentityClass;
  confidence: number;
  reasons: Reason[];
}

const pct = (n: number, d: number): string => `${Math.round((100 * n) / Math.max(d, 1))}%`;
const fmt = (n: number): string => n.toLocaleString('en-US');

function matchesAny(patterns: readonly string[], ...values: (string | null)[]): string | null {
  for (const p of patterns) {
    const re = new RegExp(p, 'iu');
    for (const v of values) if (v && re.test(v)) return p;
  }
  return null;
}

/** A first classification from the obvious signals; every call carries its reasons with numbers. */
export function classify(p: IdentityProfile, s: ClassificationSettings): Classification {
  if (p.kind !== 'user') return classifyWorkload(p);

  const si = p.signIns;
  const sync = matchesAny(s.syncAccountNamePatterns, p.upn, p.displayName);
  if (sync) {
    return {
      class: 'sync_account',
      confidence: 0.95,
      reasons: [{ code: 'sync-name', text: `Name matches the Entra Connect / Cloud Sync account pattern (${p.upn ?? p.displayName})`, weight: 0.95 }],
    };
  }
  const isGuest = p.userType === 'guest' || (p.upn?.includes('#EXT#') ?? false);
  if (isGuest) {
    const reasons: Reason[] = [];
    if (p.userType === 'guest') reasons.push({ code: 'guest-type', text: 'User type is Guest', weight: 0.9 });
    if (p.upn?.includes('#EXT#')) reasons.push({ code: 'guest-upn', text: 'Directory UPN carries #EXT# (B2B invitation)', weight: 0.8 });
    return { class: 'guest', confidence: 0.95, reasons };
  }

  const breakGlass = matchesAny(s.breakGlassNamePatterns, p.upn, p.displayName);
  const machine: Reason[] = [];
  const person: Reason[] = [];
  const enough = si.total >= s.minSignInsForBehaviour;
  const userSignIns = si.interactive + si.nonInteractive;
  if (userSignIns > 0) {
    const niShare = si.nonInteractive / userSignIns;
    if (enough && niShare >= s.nonInteractiveShare) {
      machine.push({ code: 'non-interactive', text: `${fmt(si.nonInteractive)} of ${fmt(userSignIns)} sign-ins non-interactive (${pct(si.nonInteractive, userSignIns)})`, weight: 0.35 });
    }
    if (si.ropc > 0) {
      machine.push({ code: 'ropc', text: `ROPC (username/password token flow) on ${fmt(si.ropc)} sign-ins`, weight: 0.45 });
    }
    const autoShare = si.automationAgent / userSignIns;
    if (si.automationAgent > 0 && autoShare >= s.automationAgentShare) {
      machine.push({ code: 'automation-agent', text: `${fmt(si.automationAgent)} of ${fmt(userSignIns)} sign-ins from automation user agents (${pct(si.automationAgent, userSignIns)})`, weight: 0.35 });
    }
    if (si.interactive > 0 && si.browserAgent > 0) {
      person.push({ code: 'browser', text: `${fmt(si.browserAgent)} sign-ins from a web browser, ${fmt(si.interactive)} interactive`, weight: 0.35 });
    }
    if (si.mfa > 0) {
      person.push({ code: 'mfa', text: `Completed MFA on ${fmt(si.mfa)} sign-ins`, weight: 0.3 });
    }
    if (si.distinctIps === 1 && enough) {
      machine.push({ code: 'one-ip', text: `All ${fmt(si.total)} sign-ins from one IP address`, weight: 0.1 });
    }
  }
  const nameHit = matchesAny(s.serviceAccountNamePatterns, p.upn?.split('@')[0] ?? null, p.displayName);
  if (nameHit) {
    // A name is weak evidence: alone it never outweighs behaviour.
    machine.push({ code: 'name', text: `Name looks like a service account (pattern ${nameHit})`, weight: enough ? 0.1 : 0.3 });
  }
  if (p.jobTitle || p.department) {
    person.push({ code: 'hr-attributes', text: `Has HR attributes (${[p.jobTitle, p.department].filter(Boolean).join(', ')})`, weight: 0.15 });
  }

  const machineScore = machine.reduce((a, r) => a + r.weight, 0);
  const personScore = person.reduce((a, r) => a + r.weight, 0);

  if (breakGlass && machineScore < 0.5) {
    return {
      class: 'break_glass',
      confidence: 0.6,
      reasons: [
        { code: 'break-glass-name', text: `Name matches an emergency-access pattern (${breakGlass})`, weight: 0.6 },
        { code: 'rare-use', text: `${fmt(si.total)} sign-ins in the evidence window`, weight: 0 },
      ],
    };
  }
  if (machineScore >= 0.45 && machineScore > personScore) {
    return { class: 'service_account', confidence: Math.min(0.99, 0.5 + machineScore - personScore / 2), reasons: [...machine, ...person] };
  }
  if (personScore > 0) {
    return { class: 'human', confidence: Math.min(0.99, 0.5 + personScore - machineScore / 2), reasons: [...person, ...machine] };
  }
  if (machineScore > 0) {
    return { class: 'service_account', confidence: 0.4, reasons: machine };
  }
  if (si.total === 0) {
    return {
      class: 'unknown',
      confidence: 0,
      reasons: [{ code: 'no-evidence', text: 'No sign-ins in the imported logs and nothing in the directory record marks it as a person or a machine', weight: 0 }],
    };
  }
  return {
    class: 'human',
    confidence: 0.5,
    reasons: [{ code: 'member-user', text: `Member user with ${fmt(si.total)} sign-ins and no automation signal`, weight: 0.2 }],
  };
}

function classifyWorkload(p: IdentityProfile): Classification {
  const s = p.signIns;
  if (p.spType === 'ManagedIdentity' || s.managedIdentity > 0) {
    const reasons: Reason[] = [];
    if (p.spType === 'ManagedIdentity') reasons.push({ code: 'sp-type', text: 'Service principal type is ManagedIdentity', weight: 0.9 });
    if (s.managedIdentity > 0) reasons.push({ code: 'mi-signins', text: `${fmt(s.managedIdentity)} managed identity sign-ins`, weight: 0.9 });
    return { class: 'managed_identity', confidence: 0.99, reasons };
  }
  const reasons: Reason[] = [{ code: 'sp', text: p.kind === 'application' ? 'Application registration' : 'Service principal object', weight: 0.9 }];
  if (s.servicePrincipal > 0) reasons.push({ code: 'sp-signins', text: `${fmt(s.servicePrincipal)} service principal sign-ins`, weight: 0.5 });
  return { class: 'service_principal', confidence: 0.99, reasons };
}
