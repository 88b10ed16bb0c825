import { MICROSOFT_OWNER_TENANTS } from '../catalogue/enforcedApps';
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
const round2 = (n: number): number => Math.round(n * 100) / 100;

function matchesAny(patterns: readonly string[], ...values: (string | null | undefined)[]): string | null {
  for (const p of patterns) {
    const re = new RegExp(p, 'iu');
    for (const v of values) if (v && re.test(v)) return p;
  }
  return null;
}

/** "every 15 min ± 1 min" */
function cadence(medianMinutes: number, spreadMinutes: number): string {
  const unit = (m: number): string => (m >= 120 && m % 60 === 0 ? `${m / 60} h` : m >= 90 ? `${Math.round(m / 6) / 10} h` : `${Math.round(m)} min`);
  return `every ${unit(medianMinutes)} ± ${spreadMinutes < 1 ? '1 min' : unit(Math.ceil(spreadMinutes))}`;
}

/** Share of sign-ins at night (19:00–07:00 UTC) or at weekends. */
function offHours(si: IdentityProfile['signIns']): number {
  if (si.total === 0) return 0;
  let night = 0;
  for (let h = 0; h < 24; h++) if (h < 7 || h >= 19) night += si.hours[h] ?? 0;
  const weekend = (si.weekdays[5] ?? 0) + (si.weekdays[6] ?? 0);
  // Weekend daytime plus every night: the two overlap at weekend nights, counted once.
  let weekendNight = 0;
  if (weekend > 0) weekendNight = Math.round((weekend * night) / si.total);
  return (night + weekend - weekendNight) / si.total;
}

/**
 * Classifies one identity from its profile. Behaviour outweighs names: a user object that signs
 * in like a script is a service account whatever it is called, and a name that starts with "svc"
 * alone never makes a person a machine. Every call carries its reasons with their numbers.
 */
export function classify(p: IdentityProfile, s: ClassificationSettings): Classification {
  if (p.kind === 'unknown') return deletedPrincipal(p);
  if (p.kind !== 'user') return classifyWorkload(p);
  const si = p.signIns;

  const syncName = matchesAny(s.syncAccountNamePatterns, p.upn, p.displayName);
  if (syncName || si.syncApp > 0) {
    const reasons: Reason[] = [];
    if (syncName) reasons.push({ code: 'sync-name', text: `Name matches the Entra Connect / Cloud Sync account pattern (${p.upn ?? p.displayName})`, weight: 0.6 });
    if (si.syncApp > 0) reasons.push({ code: 'sync-app', text: `${fmt(si.syncApp)} sign-ins to the Entra Connect synchronisation application`, weight: 0.6 });
    return { class: 'sync_account', confidence: syncName && si.syncApp > 0 ? 0.99 : 0.9, reasons };
  }

  const isGuest = p.userType === 'guest' || (p.upn?.includes('#EXT#') ?? false);
  if (isGuest) {
    const reasons: Reason[] = [];
    if (p.userType === 'guest') reasons.push({ code: 'guest-type', text: 'User type is Guest', weight: 0.9 });
    if (p.upn?.includes('#EXT#')) reasons.push({ code: 'guest-upn', text: 'Directory UPN carries #EXT# (B2B invitation)', weight: 0.8 });
    return { class: 'guest', confidence: 0.95, reasons };
  }

  const machine: Reason[] = [];
  const person: Reason[] = [];
  const enough = si.total >= s.minSignInsForBehaviour;
  const userSignIns = si.interactive + si.nonInteractive;
  if (userSignIns > 0) {
    const niShare = si.nonInteractive / userSignIns;
    if (enough && niShare >= s.nonInteractiveShare) {
      machine.push({ code: 'non-interactive', text: `${fmt(si.nonInteractive)} of ${fmt(userSignIns)} sign-ins non-interactive (${pct(si.nonInteractive, userSignIns)})`, weight: 0.35 });
    }
    if (si.ropc > 0) machine.push({ code: 'ropc', text: `ROPC (username/password token flow) on ${fmt(si.ropc)} sign-ins`, weight: 0.45 });
    const autoShare = si.automationAgent / userSignIns;
    if (si.automationAgent > 0 && autoShare >= s.automationAgentShare) {
      machine.push({ code: 'automation-agent', text: `${fmt(si.automationAgent)} of ${fmt(userSignIns)} sign-ins from automation user agents (${pct(si.automationAgent, userSignIns)})`, weight: 0.35 });
    }
    const iv = si.intervals;
    if (iv && iv.gaps >= s.minRegularGaps && iv.regularShare >= s.regularShare) {
      const roundTheClock = offHours(si) >= s.offHoursShare;
      machine.push({
        code: 'schedule',
        text: `${cadence(iv.medianMinutes, iv.spreadMinutes)} on ${pct(Math.round(iv.regularShare * iv.gaps), iv.gaps)} of ${fmt(iv.gaps)} runs${roundTheClock ? ', 24×7' : ''}`,
        weight: roundTheClock ? 0.4 : 0.3,
      });
    }
    if (si.interactive > 0 && si.browserAgent > 0) {
      person.push({ code: 'browser', text: `${fmt(si.browserAgent)} sign-ins from a web browser, ${fmt(si.interactive)} interactive`, weight: 0.35 });
    }
    if (si.mfa > 0) person.push({ code: 'mfa', text: `Completed MFA on ${fmt(si.mfa)} sign-ins`, weight: 0.3 });
    if (si.distinctIps === 1 && enough) machine.push({ code: 'one-ip', text: `All ${fmt(si.total)} sign-ins from one IP address`, weight: 0.1 });
    if (si.distinctCountries >= 2 && si.browserAgent > 0) {
      person.push({ code: 'travels', text: `Browser sign-ins from ${fmt(si.distinctCountries)} countries`, weight: 0.1 });
    }
  }
  const local = p.upn?.split('@')[0] ?? null;
  const nameHit = matchesAny(s.serviceAccountNamePatterns, local, p.displayName);
  if (nameHit) {
    // A name is weak evidence: alone it never outweighs behaviour. The reason quotes the name, not the pattern.
    const named = matchesAny(s.serviceAccountNamePatterns, local) ? local : p.displayName;
    machine.push({ code: 'name', text: `Name looks like a service account ("${named ?? ''}")`, weight: enough ? 0.1 : 0.3 });
  }
  if (p.jobTitle || p.department) {
    person.push({ code: 'hr-attributes', text: `Has HR attributes (${[p.jobTitle, p.department].filter(Boolean).join(', ')})`, weight: 0.15 });
  }

  const machineScore = machine.reduce((a, r) => a + r.weight, 0);
  const personScore = person.reduce((a, r) => a + r.weight, 0);

  const breakGlass = breakGlassEvidence(p, s);
  if (breakGlass && machineScore < 0.5) return breakGlass;
  if (machineScore >= 0.45 && machineScore > personScore) {
    return { class: 'service_account', confidence: round2(Math.min(0.99, 0.5 + machineScore - personScore / 2)), reasons: [...machine, ...person] };
  }
  if (personScore > 0) {
    return { class: 'human', confidence: round2(Math.min(0.99, 0.5 + personScore - machineScore / 2)), reasons: [...person, ...machine] };
  }
  if (machineScore > 0) return { class: 'service_account', confidence: 0.4, reasons: machine };
  if (si.total === 0) {
    return {
      class: 'unknown',
      confidence: 0,
      reasons: [{ code: 'no-evidence', text: 'No sign-ins in the imported logs and nothing in the directory record marks it as a person or a machine', weight: 0 }],
    };
  }
  return { class: 'human', confidence: 0.5, reasons: [{ code: 'member-user', text: `Member user with ${fmt(si.total)} sign-ins and no automation signal`, weight: 0.2 }] };
}

/** Emergency-access naming or description, made stronger by a privileged role and rare use. */
function breakGlassEvidence(p: IdentityProfile, s: ClassificationSettings): Classification | null {
  const named = matchesAny(s.breakGlassNamePatterns, p.upn, p.displayName, p.description ?? null);
  if (!named) return null;
  const reasons: Reason[] = [{ code: 'break-glass-name', text: `Name or description matches an emergency-access pattern (${named})`, weight: 0.5 }];
  let confidence = 0.6;
  const privileged = (p.roles ?? []).filter((r) => r.privileged);
  if (privileged.length > 0) {
    const names = [...new Set(privileged.map((r) => r.role))].slice(0, 3).join(', ');
    reasons.push({ code: 'privileged', text: `Holds ${fmt(privileged.length)} privileged role assignment${privileged.length === 1 ? '' : 's'} (${names})`, weight: 0.2 });
    confidence += 0.15;
  }
  const total = p.signIns.total;
  if (total <= s.breakGlassMaxSignIns) {
    reasons.push({ code: 'rare-use', text: `${fmt(total)} sign-in${total === 1 ? '' : 's'} in the evidence window (rarely used)`, weight: 0.2 });
    confidence += 0.15;
  } else {
    reasons.push({ code: 'frequent-use', text: `${fmt(total)} sign-ins in the evidence window: more than an emergency account should need`, weight: -0.1 });
    confidence -= 0.2;
  }
  return { class: 'break_glass', confidence: round2(Math.min(0.95, confidence)), reasons };
}

/** A principal known only from role assignments that outlived it: nothing says what it was. */
function deletedPrincipal(p: IdentityProfile): Classification {
  const roles = p.roles ?? [];
  return {
    class: 'unknown',
    confidence: 0,
    reasons: [
      {
        code: 'deleted-principal',
        text: `Deleted from the directory; still holds ${fmt(roles.length)} role assignment${roles.length === 1 ? '' : 's'}${roles.length > 0 ? ` (${[...new Set(roles.map((r) => r.role))].slice(0, 3).join(', ')})` : ''}`,
        weight: 0,
      },
    ],
  };
}

function classifyWorkload(p: IdentityProfile): Classification {
  const s = p.signIns;
  if (p.spType === 'ManagedIdentity' || s.managedIdentity > 0) {
    const reasons: Reason[] = [];
    if (p.spType === 'ManagedIdentity') reasons.push({ code: 'sp-type', text: 'Service principal type is ManagedIdentity', weight: 0.9 });
    if (s.managedIdentity > 0) reasons.push({ code: 'mi-signins', text: `${fmt(s.managedIdentity)} managed identity sign-ins`, weight: 0.9 });
    const kind = p.msiType?.toLowerCase();
    if (kind === 'systemassigned' || kind === 'system_assigned') reasons.push({ code: 'mi-system', text: 'System-assigned (lives and dies with its Azure resource)', weight: 0 });
    else if (kind === 'userassigned' || kind === 'user_assigned') reasons.push({ code: 'mi-user', text: 'User-assigned (a standalone resource that can be shared)', weight: 0 });
    return { class: 'managed_identity', confidence: 0.99, reasons };
  }
  const reasons: Reason[] = [{ code: 'sp', text: p.kind === 'application' ? 'Application registration' : 'Service principal object', weight: 0.9 }];
  if (p.appOwnerOrgId && MICROSOFT_OWNER_TENANTS.has(p.appOwnerOrgId.toLowerCase())) {
    reasons.push({ code: 'first-party', text: 'Microsoft first-party application (owned by a Microsoft tenant)', weight: 0 });
  } else if (p.kind === 'service_principal' && p.ownApp === false && p.appOwnerOrgId) {
    reasons.push({ code: 'third-party', text: `Third-party application owned by tenant ${p.appOwnerOrgId}`, weight: 0 });
  } else if (p.ownApp) {
    reasons.push({ code: 'own-app', text: 'Registered in this tenant (an application object exists)', weight: 0 });
  }
  if (s.servicePrincipal > 0) reasons.push({ code: 'sp-signins', text: `${fmt(s.servicePrincipal)} service principal sign-ins`, weight: 0.5 });
  return { class: 'service_principal', confidence: 0.99, reasons };
}
