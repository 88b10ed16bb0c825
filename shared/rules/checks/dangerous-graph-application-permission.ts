import { tier0GraphPermission } from '../../catalogue/graphPermissions';
import { nameOf, outcome, type FindingDraft, type Rule } from '../rule';

/** Graph application permissions that amount to control of the tenant, held without a person signing in. */
export const rule: Rule = {
  meta: {
    id: 'dangerous-graph-application-permission',
    version: 1,
    title: 'Application holds a Microsoft Graph permission that leads to tenant control',
    severity: 'high',
    subject: 'identity',
    rationale:
      'Application permissions such as RoleManagement.ReadWrite.Directory, AppRoleAssignment.ReadWrite.All or Application.ReadWrite.All let the application grant itself or others any role: whoever holds its credential controls the tenant, with no user, MFA or Conditional Access in the way.',
    remediation: 'Replace the permission with the narrowest one the workload needs (or a scoped alternative such as Application.ReadWrite.OwnedBy), remove unused grants, and protect the application\'s credentials like a Global Administrator\'s.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const p of ctx.permissions) {
      if (p.type !== 'Role') continue;
      const name = tier0GraphPermission(p.resourceAppId, p.permissionId);
      const holder = ctx.byId.get(p.identityId);
      if (!name || !holder) continue;
      // Requested in the registration and granted to its service principal: one finding, saying granted.
      const key = `${p.identityId}|${p.permissionId}`;
      if (seen.has(key)) continue;
      const granted = ctx.permissions.some((q) => q.identityId === p.identityId && q.permissionId === p.permissionId && q.source === 'granted');
      seen.add(key);
      findings.push({
        identityId: p.identityId,
        subject: nameOf(holder.profile),
        evidence: `${name} (Microsoft Graph application permission, ${granted ? 'granted with admin consent' : 'requested in the app registration'})`,
      });
    }
    return outcome(findings);
  },
};
