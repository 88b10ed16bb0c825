import { nameOf, outcome, type Rule } from '../rule';

/** An application nobody owns: nobody answers for its credentials and permissions, nobody offboards it. */
export const rule: Rule = {
  meta: {
    id: 'application-without-owners',
    version: 1,
    title: 'Application registered in the tenant without an owner',
    severity: 'medium',
    subject: 'identity',
    rationale: 'Without an owner nobody is accountable for an application\'s secrets, permissions and lifecycle: reviews have no one to ask, and the application outlives the project that created it.',
    remediation: 'Assign at least two owners (a person and a team or deputy) to every application, and make ownership part of the registration process.',
    needs: ['app_objects', 'owners'],
  },
  evaluate(ctx) {
    const owned = new Set(ctx.owners.map((o) => o.identityId));
    return outcome(
      ctx.identities
        .filter((i) => i.profile.ownApp === true && i.cls === 'service_principal' && !owned.has(i.profile.id))
        .map((i) => ({ identityId: i.profile.id, subject: nameOf(i.profile), evidence: 'No owner in the exported application and service principal' })),
    );
  },
};
