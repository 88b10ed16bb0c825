import { type FindingDraft, nameOf, outcome, type Rule, validAt } from '../rule';

/** An application that no longer signs in but keeps its secrets, roles or permissions: NHI1 Improper Offboarding. */
export const rule: Rule = {
  meta: {
    id: 'unused-application-with-access',
    version: 1,
    title: 'Application unused in the evidence window still holds credentials, roles or permissions',
    severity: 'medium',
    subject: 'identity',
    rationale: 'An application that nothing uses any more but that keeps valid credentials and access is pure risk: nobody would notice its credentials being used by someone else.',
    remediation: 'Confirm with the owner that it is unused, then remove its credentials and access and delete it.',
    needs: ['app_objects', 'workload_signins'],
  },
  evaluate(ctx) {
    const credentials = new Map<number, number>();
    for (const c of ctx.credentials) {
      if (!validAt(c, ctx.asOfMs)) continue;
      credentials.set(c.identityId, (credentials.get(c.identityId) ?? 0) + 1);
    }
    const roles = new Map<number, number>();
    for (const a of ctx.roleAssignments) if (a.identityId != null) roles.set(a.identityId, (roles.get(a.identityId) ?? 0) + 1);
    const grants = new Map<number, number>();
    for (const p of ctx.permissions) if (p.source === 'granted') grants.set(p.identityId, (grants.get(p.identityId) ?? 0) + 1);
    const findings: FindingDraft[] = [];
    for (const i of ctx.identities) {
      if (i.profile.ownApp !== true || i.cls !== 'service_principal' || i.profile.signIns.total > 0) continue;
      // People signing in to the application (a web app's users) are use too.
      if (i.profile.appId && ctx.appIdsSignedInTo.has(i.profile.appId)) continue;
      const held = [
        credentials.get(i.profile.id) ? `${credentials.get(i.profile.id)} valid credential(s)` : '',
        roles.get(i.profile.id) ? `${roles.get(i.profile.id)} role assignment(s)` : '',
        grants.get(i.profile.id) ? `${grants.get(i.profile.id)} granted permission(s)` : '',
      ].filter(Boolean);
      if (held.length === 0) continue;
      findings.push({ identityId: i.profile.id, subject: nameOf(i.profile), evidence: `No sign-in by it or to it in the imported logs; holds ${held.join(', ')}` });
    }
    return outcome(findings);
  },
};
