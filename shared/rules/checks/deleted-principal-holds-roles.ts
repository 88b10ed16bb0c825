import { outcome, type Rule } from '../rule';

/** Role assignments that outlived their principal: offboarding left them behind. */
export const rule: Rule = {
  meta: {
    id: 'deleted-principal-holds-roles',
    version: 1,
    title: 'Role assignment whose principal was deleted',
    severity: 'medium',
    subject: 'role_assignment',
    rationale:
      'An assignment to a deleted principal grants nothing today, but shows offboarding that did not clean up, clutters access reviews and can be confused with a live grant; a restored object would regain the access.',
    remediation: 'Remove role assignments whose principal no longer exists, and make removing assignments part of offboarding.',
    needs: ['any_roles'],
  },
  evaluate(ctx) {
    return outcome(
      ctx.roleAssignments
        .filter((a) => {
          const holder = a.identityId == null ? undefined : ctx.byId.get(a.identityId);
          return (holder?.profile.kind === 'unknown' || holder?.profile.deleted === true) && holder.profile.signIns.total === 0;
        })
        .map((a) => ({
          identityId: a.identityId,
          subject: `${a.role} at ${a.scope}`,
          evidence: `${a.system === 'azure' ? 'Azure' : 'Entra'} role ${a.role} (${a.state}) at ${a.scope} is still assigned to deleted principal ${a.principalObjectId ?? a.principalName ?? 'unknown'}`,
        })),
    );
  },
};
