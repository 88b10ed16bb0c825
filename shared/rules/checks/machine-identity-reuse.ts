import { count, MACHINE_CLASSES, nameOf, outcome, type Rule } from '../rule';

/** One machine identity signing in from many places: several workloads share it. */
export const rule: Rule = {
  meta: {
    id: 'machine-identity-reuse',
    version: 1,
    title: 'Machine identity used from many addresses or countries',
    severity: 'medium',
    subject: 'identity',
    rationale:
      'A workload identity or service account that signs in from many source addresses or several countries is usually shared by several applications or people: its permissions are the union of their needs, and one leak compromises them all.',
    remediation: 'Give each workload its own identity with only the access it needs, and retire the shared one once nothing uses it.',
    needs: ['user_signins', 'workload_signins'],
  },
  evaluate(ctx) {
    const s = ctx.settings;
    return outcome(
      ctx.identities
        .filter((i) => MACHINE_CLASSES.has(i.cls) && (i.profile.signIns.distinctCountries >= s.reuseCountries || i.profile.signIns.distinctIps >= s.reuseIps))
        .map((i) => ({
          identityId: i.profile.id,
          subject: nameOf(i.profile),
          evidence: `${count(i.profile.signIns.total)} sign-ins from ${count(i.profile.signIns.distinctIps)} addresses in ${count(i.profile.signIns.distinctCountries)} countries`,
        })),
    );
  },
};
