import { count, nameOf, outcome, type Rule } from '../rule';

/** A service account that also signs in interactively from a web browser: a person is using the machine's credentials. */
export const rule: Rule = {
  meta: {
    id: 'human-use-of-machine-identity',
    version: 1,
    title: 'Service account also used interactively from a web browser',
    severity: 'medium',
    subject: 'identity',
    rationale:
      'Interactive browser sign-ins by an account that otherwise runs automation mean a person knows and uses the machine\'s credentials: actions cannot be attributed, the secret is shared, and the automation breaks when the person changes it.',
    remediation: 'Give the person their own account, rotate the service account\'s secret and move the automation to a workload identity nobody can sign in with interactively.',
    needs: ['user_signins'],
  },
  evaluate(ctx) {
    return outcome(
      ctx.identities
        .filter((i) => i.cls === 'service_account' && i.profile.signIns.interactive > 0 && i.profile.signIns.browserAgent > 0)
        .map((i) => ({
          identityId: i.profile.id,
          subject: nameOf(i.profile),
          evidence: `${count(i.profile.signIns.browserAgent)} browser sign-ins (${count(i.profile.signIns.interactive)} interactive) next to its automation`,
        })),
    );
  },
};
