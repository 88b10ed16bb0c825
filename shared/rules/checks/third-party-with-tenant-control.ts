import { MICROSOFT_OWNER_TENANTS } from '../../catalogue/enforcedApps';
import { tier0GraphPermission } from '../../catalogue/graphPermissions';
import { nameOf, outcome, type FindingDraft, type Rule } from '../rule';

/** A vendor's multi-tenant application with permissions or roles that control this tenant: NHI3. */
export const rule: Rule = {
  meta: {
    id: 'third-party-with-tenant-control',
    version: 1,
    title: 'Third-party application with tenant-level permissions or privileged roles',
    severity: 'critical',
    subject: 'identity',
    rationale:
      'A service principal of another organisation\'s application acts with credentials this tenant never sees or rotates. With a tier-0 Graph permission or a privileged role, a compromise of the vendor is a compromise of this tenant.',
    remediation: 'Confirm the vendor still needs the access, reduce it to the narrowest permission, review its publisher verification and consent, and monitor its sign-ins; remove it when unused.',
    needs: ['app_objects'],
  },
  evaluate(ctx) {
    const findings: FindingDraft[] = [];
    for (const i of ctx.identities) {
      const p = i.profile;
      if (p.kind !== 'service_principal' || p.ownApp !== false || !p.appOwnerOrgId || MICROSOFT_OWNER_TENANTS.has(p.appOwnerOrgId.toLowerCase())) continue;
      const perms = [...new Set(ctx.permissions.filter((q) => q.identityId === p.id && q.source === 'granted' && q.type === 'Role').map((q) => tier0GraphPermission(q.resourceAppId, q.permissionId)).filter((x): x is string => x != null))];
      const roles = [...new Set((p.roles ?? []).filter((r) => r.privileged).map((r) => r.role))];
      if (perms.length === 0 && roles.length === 0) continue;
      const what = [perms.length > 0 ? `Graph ${perms.join(', ')}` : '', roles.length > 0 ? `roles ${roles.join(', ')}` : ''].filter(Boolean).join('; ');
      findings.push({ identityId: p.id, subject: nameOf(p), evidence: `Owned by tenant ${p.appOwnerOrgId}; holds ${what}` });
    }
    return outcome(findings);
  },
};
