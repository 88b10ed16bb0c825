import { outcome, nameOf, type Rule } from '../rule';

/** Emergency accounts are not exempt from mandatory MFA; Microsoft recommends FIDO2 or certificate-based authentication for them. */
export const rule: Rule = {
  meta: {
    id: 'break-glass-without-phishing-resistant-mfa',
    version: 1,
    title: 'Break-glass account without a phishing-resistant MFA method',
    severity: 'critical',
    subject: 'identity',
    rationale:
      'Emergency-access accounts must complete MFA under the enforcement. Without a registered phishing-resistant method (FIDO2 security key, passkey or certificate-based authentication) the account fails exactly when it is needed, or is protected by a weaker factor.',
    remediation: 'Register a FIDO2 security key or passkey (or certificate-based authentication) for each emergency account, store it safely and test the sign-in.',
    needs: ['registration'],
  },
  evaluate(ctx) {
    return outcome(
      ctx.identities
        .filter((i) => i.cls === 'break_glass' && i.readiness?.verdict === 'at_risk')
        .map((i) => ({ identityId: i.profile.id, subject: nameOf(i.profile), evidence: i.readiness?.reason ?? '' })),
    );
  },
};
