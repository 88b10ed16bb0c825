import { count, nameOf, outcome, type Rule } from '../rule';

/** ROPC: a username and password sent straight to the token endpoint; MFA is impossible by design. */
export const rule: Rule = {
  meta: {
    id: 'password-grant-in-use',
    version: 1,
    title: 'Username/password token flow (ROPC) in use',
    severity: 'high',
    subject: 'identity',
    rationale:
      'The resource owner password credentials flow sends a password to the token endpoint and cannot perform MFA: MSAL AcquireTokenByUsernamePassword, Azure.Identity UsernamePasswordCredential and AZURE_USERNAME/AZURE_PASSWORD all break under mandatory MFA, and the password is a long-lived secret.',
    remediation: 'Replace the password flow with a workload identity (managed identity, federation or certificate) for automation, or an interactive flow with MFA for people.',
    needs: ['user_signins'],
  },
  evaluate(ctx) {
    return outcome(
      ctx.identities
        .filter((i) => i.profile.kind === 'user' && i.profile.signIns.ropc > 0)
        .map((i) => ({
          identityId: i.profile.id,
          subject: nameOf(i.profile),
          evidence: `ROPC on ${count(i.profile.signIns.ropc)} of ${count(i.profile.signIns.total)} sign-ins; last sign-in ${i.profile.signIns.lastSeen?.slice(0, 10) ?? 'unknown'}`,
        })),
    );
  },
};
