import { MACHINE_CLASSES, nameOf, outcome, type FindingDraft, type Rule, type RuleRoleAssignment } from '../rule';

type Env = 'production' | 'non-production';

/** The environment a scope's names say (resource groups and resources are usually named for it). */
function envOfName(scope: string): Env | null {
  const s = scope.toLowerCase();
  if (/(^|[-_./])(non-?prod|dev|develop|test|tst|qa|uat|stag(e|ing)|sandbox|sbx)([-_./]|$)/u.test(s)) return 'non-production';
  if (/(^|[-_./])(prod|production|prd)([-_./]|$)/u.test(s)) return 'production';
  return null;
}

const subscriptionOf = (scope: string): string | null => /^\/subscriptions\/([^/]+)/iu.exec(scope)?.[1]?.toLowerCase() ?? null;

/**
 * Environments per scope: named scopes say theirs; a bare subscription takes the environment all
 * its named scopes agree on (none when they disagree or none is named).
 */
function environments(assignments: readonly RuleRoleAssignment[]): (scope: string) => Env | null {
  const bySubscription = new Map<string, Set<Env>>();
  for (const a of assignments) {
    const env = envOfName(a.scope);
    const sub = subscriptionOf(a.scope);
    if (!env || !sub) continue;
    const set = bySubscription.get(sub) ?? new Set<Env>();
    set.add(env);
    bySubscription.set(sub, set);
  }
  return (scope) => {
    const named = envOfName(scope);
    if (named) return named;
    const sub = subscriptionOf(scope);
    const set = sub ? bySubscription.get(sub) : undefined;
    return set && set.size === 1 ? ([...set][0] ?? null) : null;
  };
}

/** One identity with access to production and to non-production: NHI8 Environment Isolation. */
export const rule: Rule = {
  meta: {
    id: 'environment-isolation',
    version: 1,
    title: 'Machine identity holds roles in both production and non-production',
    severity: 'medium',
    subject: 'identity',
    rationale: 'A workload identity used in test and in production lets a compromise of the weaker environment (less reviewed code, broader access for developers) reach production.',
    remediation: 'Use a separate identity per environment, each with roles only in its own environment.',
    needs: ['azure_roles'],
  },
  evaluate(ctx) {
    const envOf = environments(ctx.roleAssignments);
    const seen = new Map<number, Map<Env, string>>();
    for (const a of ctx.roleAssignments) {
      if (a.system !== 'azure' || a.identityId == null) continue;
      const env = envOf(a.scope);
      if (!env) continue;
      const m = seen.get(a.identityId) ?? new Map<Env, string>();
      if (!m.has(env)) m.set(env, `${a.role} at ${a.scope}`);
      seen.set(a.identityId, m);
    }
    const findings: FindingDraft[] = [];
    for (const [identityId, m] of seen) {
      const holder = ctx.byId.get(identityId);
      if (!holder || !MACHINE_CLASSES.has(holder.cls) || m.size < 2) continue;
      findings.push({ identityId, subject: nameOf(holder.profile), evidence: `Production: ${m.get('production')}; non-production: ${m.get('non-production')}` });
    }
    return outcome(findings);
  },
};
