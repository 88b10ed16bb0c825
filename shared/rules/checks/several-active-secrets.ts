import { credentialName, type FindingDraft, nameOf, outcome, type Rule } from '../rule';

/** Several valid client secrets on one application: rotation that adds without removing, or sharing. */
export const rule: Rule = {
  meta: {
    id: 'several-active-secrets',
    version: 1,
    title: 'Several valid client secrets on one application',
    severity: 'low',
    subject: 'identity',
    rationale: 'More than one valid secret means more copies of the application\'s password in circulation: usually an old secret kept after a rotation, or one secret per consumer of a shared application.',
    remediation: 'Keep one valid secret (two only for the overlap of a rotation), remove the others, and give each consumer its own identity.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const active = new Map<number, string[]>();
    for (const c of ctx.credentials) {
      if (c.type !== 'password') continue;
      const end = c.end ? Date.parse(c.end) : Number.POSITIVE_INFINITY;
      const start = c.start ? Date.parse(c.start) : Number.NEGATIVE_INFINITY;
      if (!(end >= ctx.asOfMs) || start > ctx.asOfMs) continue;
      const list = active.get(c.identityId) ?? [];
      list.push(credentialName(c));
      active.set(c.identityId, list);
    }
    const findings: FindingDraft[] = [];
    for (const [identityId, names] of active) {
      const holder = ctx.byId.get(identityId);
      if (names.length < 2 || !holder) continue;
      findings.push({ identityId, subject: nameOf(holder.profile), evidence: `${names.length} valid secrets: ${names.join(', ')}` });
    }
    return outcome(findings);
  },
};
