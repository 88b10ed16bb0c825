import { MACHINE_CLASSES, nameOf, outcome, type Rule } from '../rule';

const BROAD = new Set(['root', 'management_group', 'subscription']);
const LEVEL: Record<string, string> = { root: 'the tenant root', management_group: 'a management group', subscription: 'a subscription' };

/** Owner, User Access Administrator, Contributor and the like at broad scope, held by a machine. */
export const rule: Rule = {
  meta: {
    id: 'privileged-azure-role-on-machine-identity',
    version: 1,
    title: 'Privileged Azure role at management-group or subscription scope held by a machine identity',
    severity: 'high',
    subject: 'role_assignment',
    rationale:
      'A service principal, managed identity or service account with Owner, User Access Administrator, Contributor or another privileged role over a whole subscription or management group is a standing, non-interactive path to take over everything below it; its credentials are rarely watched like an administrator\'s.',
    remediation: 'Grant the narrowest role at the narrowest scope the workload needs (resource group or resource), split duties across identities, and review the assignment with its owner.',
    needs: ['azure_roles'],
  },
  evaluate(ctx) {
    const findings = [];
    for (const a of ctx.roleAssignments) {
      if (a.system !== 'azure' || a.state !== 'active' || !BROAD.has(a.scopeLevel ?? '') || a.identityId == null) continue;
      const holder = ctx.byId.get(a.identityId);
      if (!holder || !MACHINE_CLASSES.has(holder.cls)) continue;
      if (!holder.profile.roles?.some((r) => r.system === 'azure' && r.role === a.role && r.scope === a.scope && r.privileged)) continue;
      findings.push({
        identityId: a.identityId,
        subject: nameOf(holder.profile),
        evidence: `${a.role} on ${LEVEL[a.scopeLevel ?? ''] ?? a.scopeLevel} (${a.scope}) held by a ${holder.cls.replace('_', ' ')}`,
      });
    }
    return outcome(findings);
  },
};
