import { credentialName, type FindingDraft, nameOf, outcome, type Rule } from '../rule';

const DAY = 86_400_000;

/** A credential about to expire: the workload stops unless someone rotates it in time. */
export const rule: Rule = {
  meta: {
    id: 'credential-expiring-soon',
    version: 1,
    title: 'Secret or certificate expiring soon',
    severity: 'low',
    subject: 'identity',
    rationale: 'When the only valid credential of a workload expires, the workload stops; manual rotation under time pressure is how secrets end up copied into chats and tickets.',
    remediation: 'Rotate the credential now (or move the workload to a managed identity or federation, which have nothing to rotate) and automate the next rotation.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const findings: FindingDraft[] = [];
    const horizon = ctx.asOfMs + ctx.settings.expiringDays * DAY;
    for (const c of ctx.credentials) {
      if (c.type === 'federated' || !c.end) continue;
      const end = Date.parse(c.end);
      const holder = ctx.byId.get(c.identityId);
      if (!holder || !Number.isFinite(end) || end < ctx.asOfMs || end > horizon) continue;
      findings.push({
        identityId: c.identityId,
        subject: nameOf(holder.profile),
        evidence: `${c.type === 'password' ? 'Secret' : 'Certificate'} ${credentialName(c)} expires on ${c.end.slice(0, 10)}, in ${Math.round((end - ctx.asOfMs) / DAY)} days`,
      });
    }
    return outcome(findings);
  },
};
