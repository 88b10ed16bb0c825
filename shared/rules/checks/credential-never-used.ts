import { count, type FindingDraft, nameOf, outcome, type Rule, validAt } from '../rule';

/** A secret or certificate the application never signs in with, while it signs in with another: NHI1. */
export const rule: Rule = {
  meta: {
    id: 'credential-never-used',
    version: 1,
    title: 'Credential never seen in use while the application signs in with another',
    severity: 'low',
    subject: 'identity',
    rationale: 'The service principal sign-in logs name the key of the credential each sign-in used. A valid credential that never appears there while the application keeps signing in is not needed by the workload, yet works for anyone who holds it.',
    remediation: 'Confirm with the owner which credential the workload uses and remove the others.',
    needs: ['app_objects', 'workload_signins'],
  },
  evaluate(ctx) {
    const findings: FindingDraft[] = [];
    for (const c of ctx.credentials) {
      if (c.type === 'federated' || !c.keyId) continue;
      if (!validAt(c, ctx.asOfMs)) continue;
      const holder = ctx.byId.get(c.identityId);
      const si = holder?.profile.signIns;
      // Only where the logs show which keys were used: no key ids at all says nothing about this one.
      if (!holder || !si || si.servicePrincipal === 0 || si.credentialKeyIds.length === 0) continue;
      if (si.credentialKeyIds.includes(c.keyId.toLowerCase())) continue;
      findings.push({
        identityId: c.identityId,
        subject: nameOf(holder.profile),
        evidence: `${c.type === 'password' ? 'Secret' : 'Certificate'} ${c.displayName ? `"${c.displayName}" ` : ''}(key ${c.keyId}) not used by any of ${count(si.servicePrincipal)} sign-ins, which used ${si.credentialKeyIds.join(', ')}`,
      });
    }
    return outcome(findings);
  },
};
