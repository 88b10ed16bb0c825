import { type FindingDraft, nameOf, outcome, type Rule, validAt } from '../rule';

/** An own application that authenticates only with secrets: NHI4 Insecure Authentication. */
export const rule: Rule = {
  meta: {
    id: 'secret-where-certificate-would-do',
    version: 1,
    title: 'Application authenticates with a client secret only, where a certificate or federation would do',
    severity: 'low',
    subject: 'identity',
    rationale: 'A client secret is a shared password that travels in configuration; a certificate keeps its private key where it was created, and a federated credential or managed identity leaves nothing to steal. Microsoft recommends certificates or federation over secrets.',
    remediation: 'Add a certificate (from a key vault) or a federated credential for the workload\'s platform, move the workload to it, then delete the secret.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const byIdentity = new Map<number, { secrets: number; others: number }>();
    for (const c of ctx.credentials) {
      if (!validAt(c, ctx.asOfMs)) continue;
      const k = byIdentity.get(c.identityId) ?? { secrets: 0, others: 0 };
      if (c.type === 'password') k.secrets++;
      else k.others++;
      byIdentity.set(c.identityId, k);
    }
    const findings: FindingDraft[] = [];
    for (const [identityId, k] of byIdentity) {
      const holder = ctx.byId.get(identityId);
      if (!holder || k.secrets === 0 || k.others > 0 || holder.profile.ownApp !== true) continue;
      findings.push({ identityId, subject: nameOf(holder.profile), evidence: `${k.secrets} valid client secret${k.secrets === 1 ? '' : 's'}, no certificate or federated credential` });
    }
    return outcome(findings);
  },
};
