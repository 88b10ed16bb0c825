import { nameOf, outcome, type FindingDraft, type Rule } from '../rule';

/** The only people answering for an application have left, are disabled, or belong to another organisation. */
export const rule: Rule = {
  meta: {
    id: 'owner-disabled-deleted-or-guest',
    version: 1,
    title: 'Application owned by a disabled, deleted or guest account',
    severity: 'medium',
    subject: 'identity',
    rationale: 'An owner can add credentials to the application and act as it. A disabled or deleted owner means nobody accountable is left; a guest owner means someone outside the organisation can mint credentials for it.',
    remediation: 'Replace the owner with a current employee of the organisation (and a deputy); remove guest owners.',
    needs: ['app_objects', 'owners'],
  },
  evaluate(ctx) {
    const byObjectId = new Map(ctx.identities.flatMap((i) => (i.profile.objectId ? [[i.profile.objectId.toLowerCase(), i] as const] : [])));
    const findings: FindingDraft[] = [];
    for (const o of ctx.owners) {
      const app = ctx.byId.get(o.identityId);
      const owner = byObjectId.get(o.ownerObjectId.toLowerCase());
      if (!app || !owner || owner.profile.kind !== 'user') continue;
      const why = owner.profile.deleted ? 'deleted' : owner.profile.accountEnabled === false ? 'disabled' : owner.cls === 'guest' ? 'a guest' : null;
      if (!why) continue;
      findings.push({ identityId: o.identityId, subject: nameOf(app.profile), evidence: `Owner ${nameOf(owner.profile)} is ${why}` });
    }
    return outcome(findings);
  },
};
