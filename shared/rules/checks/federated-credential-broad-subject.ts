import { nameOf, outcome, type FindingDraft, type Rule } from '../rule';

/** Subjects that let more than the intended workflow exchange a token for this application's. */
function broadness(subject: string, issuer: string | null): string | null {
  if (subject.includes('*')) return 'the subject holds a wildcard';
  if (issuer?.includes('token.actions.githubusercontent.com')) {
    if (/:pull_request$/u.test(subject)) return 'any pull request of the repository, including changes nobody has reviewed, can obtain its token';
    if (!/:(environment|ref|job_workflow_ref):/u.test(subject)) return 'the subject names no branch, tag or environment';
  }
  return null;
}

/** Workload identity federation trusting more of the outside platform than it should: NHI6. */
export const rule: Rule = {
  meta: {
    id: 'federated-credential-broad-subject',
    version: 1,
    title: 'Federated credential trusts a broad subject',
    severity: 'medium',
    subject: 'identity',
    rationale: 'A federated credential lets tokens from another platform act as the application. When its subject matches any pull request or any branch, code that was never reviewed can obtain the application\'s access.',
    remediation: 'Restrict the subject to a protected branch, tag or deployment environment with required reviewers; use a separate application with read-only access for pull-request checks.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const findings: FindingDraft[] = [];
    for (const c of ctx.credentials) {
      if (c.type !== 'federated' || !c.subject) continue;
      const why = broadness(c.subject, c.issuer);
      const holder = ctx.byId.get(c.identityId);
      if (!why || !holder) continue;
      findings.push({ identityId: c.identityId, subject: nameOf(holder.profile), evidence: `Subject "${c.subject}" from ${c.issuer ?? 'an unknown issuer'}: ${why}` });
    }
    return outcome(findings);
  },
};
