import { outcome, nameOf, type Rule } from '../rule';

/** A user account run by a script signs in single-factor to what mandatory MFA covers: it breaks, or already has. */
export const rule: Rule = {
  meta: {
    id: 'service-account-single-factor',
    version: 1,
    title: 'User-based service account signs in single-factor to apps under mandatory MFA',
    severity: 'high',
    subject: 'identity',
    rationale:
      'Mandatory MFA for Azure stops user identities that sign in without MFA to the portal (phase 1) and to Azure Resource Manager through the CLI, PowerShell and other clients (phase 2). A script cannot answer an MFA prompt, so the automation fails.',
    remediation: 'Move the automation to a workload identity: a managed identity, workload identity federation, or a service principal with a certificate; then disable the user account.',
    needs: ['user_signins'],
  },
  evaluate(ctx) {
    return outcome(
      ctx.identities
        .filter((i) => i.cls === 'service_account' && (i.readiness?.verdict === 'will_break' || i.readiness?.verdict === 'blocked'))
        .map((i) => ({ identityId: i.profile.id, subject: nameOf(i.profile), evidence: i.readiness?.reason ?? '' })),
    );
  },
};
