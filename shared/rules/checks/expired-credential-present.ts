import { credentialName, type FindingDraft, nameOf, outcome, type Rule } from '../rule';

/** Expired secrets and certificates left on an application: clutter that hides which one is live. */
export const rule: Rule = {
  meta: {
    id: 'expired-credential-present',
    version: 1,
    title: 'Expired secret or certificate still present on an application',
    severity: 'low',
    subject: 'identity',
    rationale:
      'An expired credential grants nothing, but keeping it shows rotation that adds without removing; it makes reviews harder and hides which credential the workload really uses.',
    remediation: 'Remove expired secrets and certificates as part of every rotation.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const findings: FindingDraft[] = [];
    for (const c of ctx.credentials) {
      if (c.type === 'federated' || !c.end) continue;
      const end = Date.parse(c.end);
      const holder = ctx.byId.get(c.identityId);
      if (!holder || !Number.isFinite(end) || end >= ctx.asOfMs) continue;
      findings.push({
        identityId: c.identityId,
        subject: nameOf(holder.profile),
        evidence: `${c.type === 'password' ? 'Secret' : 'Certificate'} ${credentialName(c)} expired on ${c.end.slice(0, 10)}`,
      });
    }
    return outcome(findings);
  },
};
