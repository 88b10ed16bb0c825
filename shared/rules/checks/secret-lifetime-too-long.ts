import { credentialName, type FindingDraft, nameOf, outcome, type Rule } from '../rule';

const DAY = 86_400_000;
/** Graph writes "never expires" as an end far in the future (2299, 9999). */
export const NEVER_YEAR = 2200;

/** Client secrets that live too long or forever: NHI7 Long-Lived Secrets. */
export const rule: Rule = {
  meta: {
    id: 'secret-lifetime-too-long',
    version: 1,
    title: 'Client secret with a lifetime over the limit, or without expiry',
    severity: 'medium',
    subject: 'identity',
    rationale:
      'A client secret is a password for a workload. The longer it lives the more copies of it exist in pipelines, scripts and laptops, and a secret that never expires stays valid after whoever knew it has left.',
    remediation: 'Replace long-lived secrets with a certificate, a federated credential or a managed identity; where a secret must stay, rotate it automatically with a lifetime within the limit.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const findings: FindingDraft[] = [];
    for (const c of ctx.credentials) {
      if (c.type !== 'password') continue;
      const holder = ctx.byId.get(c.identityId);
      if (!holder) continue;
      const end = c.end ? Date.parse(c.end) : Number.NaN;
      const start = c.start ? Date.parse(c.start) : Number.NaN;
      const never = c.end == null || !Number.isFinite(end) || new Date(end).getUTCFullYear() >= NEVER_YEAR;
      const days = Number.isFinite(start) && Number.isFinite(end) ? Math.round((end - start) / DAY) : null;
      if (!never && (days == null || days <= ctx.settings.maxSecretDays)) continue;
      const name = credentialName(c);
      findings.push({
        identityId: c.identityId,
        subject: nameOf(holder.profile),
        evidence: never
          ? `Secret ${name} never expires`
          : `Secret ${name} is valid for ${days?.toLocaleString('en-US')} days (${c.start?.slice(0, 10)} to ${c.end?.slice(0, 10)}); the limit is ${ctx.settings.maxSecretDays}`,
      });
    }
    return outcome(findings);
  },
};
