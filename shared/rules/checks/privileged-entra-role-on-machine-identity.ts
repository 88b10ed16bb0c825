import { isTier0EntraRole } from '../../catalogue/privilegedRoles';
import { MACHINE_CLASSES, nameOf, outcome, type Rule } from '../rule';

/** Directory roles Microsoft labels privileged, held by a machine: tenant takeover without a person in the loop. */
export const rule: Rule = {
  meta: {
    id: 'privileged-entra-role-on-machine-identity',
    version: 1,
    title: 'Privileged Entra directory role held by a machine identity',
    severity: 'high',
    subject: 'role_assignment',
    rationale:
      'A service principal, managed identity or service account holding a role Microsoft labels privileged (Global Administrator, Privileged Role Administrator, Application Administrator…) can change who has access to everything in the tenant, with a credential no person signs in with.',
    remediation: 'Remove the role or replace it with a narrower one or a scoped Graph permission; where it must stay, make it eligible through PIM and review it with the owner.',
    needs: ['entra_roles'],
  },
  evaluate(ctx) {
    const findings = [];
    for (const a of ctx.roleAssignments) {
      if (a.system !== 'entra' || a.identityId == null) continue;
      const holder = ctx.byId.get(a.identityId);
      if (!holder || !MACHINE_CLASSES.has(holder.cls)) continue;
      if (!holder.profile.roles?.some((r) => r.system === 'entra' && r.role === a.role && r.privileged)) continue;
      const tier0 = isTier0EntraRole(a.roleDefinitionId, a.role);
      findings.push({
        identityId: a.identityId,
        subject: nameOf(holder.profile),
        evidence: `${a.role} (${a.state}${tier0 ? ', tier 0: a path to Global Administrator' : ''}) held by a ${holder.cls.replace('_', ' ')}`,
      });
    }
    return outcome(findings);
  },
};
