import { enforcedSurface } from '../../../shared/catalogue/enforcedApps';
import { userAgentFamily, type UserAgentFamily } from '../../../shared/catalogue/userAgents';
import { emptySignIns, type IdentityProfile } from '../../../shared/classification/profile';
import { fieldIndex } from '../../../shared/parse/signInFields';
import type { IdentityBaseRow } from '../db/identityRow';
import type { Db } from '../db/open';

/** Federated IdPs that did MFA say so here instead of in the authentication requirement (formats.md §2). */
const MFA_BY_CLAIM = 'MFA requirement satisfied by claim in the token';

interface IdentityRow extends IdentityBaseRow {
  job_title: string | null;
  department: string | null;
  on_premises_sync: number | null;
  in_directory: number;
  sp_type: string | null;
  app_owner_org_id: string | null;
}

interface GroupRow {
  identity_id: number;
  category: string;
  auth_protocol: string | null;
  user_agent: string | null;
  app_id: string | null;
  resource_id: string | null;
  auth_requirement: string | null;
  mfa_result: string | null;
  status: string | null;
  n: number;
  first_ms: number;
  last_ms: number;
}

const toBool = (v: number | null): boolean | null => (v == null ? null : v !== 0);

/**
 * Builds every identity's profile. SQLite does the heavy grouping (one pass over sign-ins); the
 * fold below runs over groups, not rows, so it stays fast on millions of sign-ins.
 */
export function buildProfiles(db: Db): Map<number, IdentityProfile> {
  const profiles = new Map<number, IdentityProfile>();
  const identities = db
    .prepare(
      `SELECT id, kind, object_id, app_id, upn, display_name, user_type, account_enabled, job_title, department,
              on_premises_sync, in_directory, sp_type, app_owner_org_id FROM identities`,
    )
    .iterate() as IterableIterator<IdentityRow>;
  for (const r of identities) {
    profiles.set(r.id, {
      id: r.id,
      kind: r.kind,
      objectId: r.object_id,
      appId: r.app_id,
      upn: r.upn,
      displayName: r.display_name,
      userType: r.user_type,
      accountEnabled: toBool(r.account_enabled),
      jobTitle: r.job_title,
      department: r.department,
      onPremisesSync: toBool(r.on_premises_sync),
      inDirectory: r.in_directory !== 0,
      spType: r.sp_type,
      appOwnerOrgId: r.app_owner_org_id,
      signIns: emptySignIns(),
    });
  }

  const families = new Map<string | null, UserAgentFamily>();
  const family = (ua: string | null): UserAgentFamily => {
    let f = families.get(ua);
    if (f === undefined) {
      f = userAgentFamily(ua);
      families.set(ua, f);
    }
    return f;
  };
  const firstLast = new Map<number, [number, number]>();
  // Group on the value-group ids (cheap integers), then turn the few distinct ids back into text.
  const groups = db
    .prepare(
      `WITH g AS (
         SELECT identity_id, category, auth_ref, client_ref, app_ref, resource_ref, outcome_ref,
                count(*) AS n, min(time_ms) AS first_ms, max(time_ms) AS last_ms
           FROM signins WHERE identity_id IS NOT NULL
          GROUP BY identity_id, category, auth_ref, client_ref, app_ref, resource_ref, outcome_ref)
       SELECT g.identity_id, g.category, g.n, g.first_ms, g.last_ms,
              (SELECT value ->> ${fieldIndex('auth', 'authProtocol')} FROM signin_values WHERE id = g.auth_ref) AS auth_protocol,
              (SELECT value ->> ${fieldIndex('client', 'userAgent')} FROM signin_values WHERE id = g.client_ref) AS user_agent,
              (SELECT value ->> ${fieldIndex('app', 'appId')} FROM signin_values WHERE id = g.app_ref) AS app_id,
              (SELECT value ->> ${fieldIndex('resource', 'resourceId')} FROM signin_values WHERE id = g.resource_ref) AS resource_id,
              (SELECT value ->> ${fieldIndex('auth', 'authRequirement')} FROM signin_values WHERE id = g.auth_ref) AS auth_requirement,
              (SELECT value ->> ${fieldIndex('auth', 'mfaResult')} FROM signin_values WHERE id = g.auth_ref) AS mfa_result,
              (SELECT value ->> ${fieldIndex('outcome', 'status')} FROM signin_values WHERE id = g.outcome_ref) AS status
         FROM g`,
    )
    .iterate() as IterableIterator<GroupRow>;
  for (const g of groups) {
    const p = profiles.get(g.identity_id);
    if (!p) continue;
    const s = p.signIns;
    s.total += g.n;
    if (g.category === 'interactive') s.interactive += g.n;
    else if (g.category === 'non_interactive') s.nonInteractive += g.n;
    else if (g.category === 'service_principal') s.servicePrincipal += g.n;
    else if (g.category === 'managed_identity') s.managedIdentity += g.n;
    if (g.auth_protocol === 'ropc') s.ropc += g.n;
    if (g.auth_protocol === 'deviceCode') s.deviceCode += g.n;
    const f = family(g.user_agent);
    if (f === 'browser') s.browserAgent += g.n;
    else if (f === 'automation') s.automationAgent += g.n;
    if (g.status === 'success') {
      if (g.auth_requirement === 'multiFactorAuthentication' || g.mfa_result === MFA_BY_CLAIM) s.mfa += g.n;
      else if (g.auth_requirement === 'singleFactorAuthentication') s.singleFactor += g.n;
    }
    if (enforcedSurface(g.app_id, g.resource_id)) s.enforcedApps += g.n;
    const fl = firstLast.get(g.identity_id);
    if (!fl) firstLast.set(g.identity_id, [g.first_ms, g.last_ms]);
    else {
      if (g.first_ms < fl[0]) fl[0] = g.first_ms;
      if (g.last_ms > fl[1]) fl[1] = g.last_ms;
    }
  }
  for (const [id, [first, last]] of firstLast) {
    const p = profiles.get(id);
    if (!p) continue;
    p.signIns.firstSeen = new Date(first).toISOString();
    p.signIns.lastSeen = new Date(last).toISOString();
  }
  const ips = db
    .prepare(`SELECT identity_id, count(DISTINCT ip_ref) AS n FROM signins WHERE identity_id IS NOT NULL AND ip_ref IS NOT NULL GROUP BY identity_id`)
    .iterate() as IterableIterator<{ identity_id: number; n: number }>;
  for (const r of ips) {
    const p = profiles.get(r.identity_id);
    if (p) p.signIns.distinctIps = r.n;
  }
  return profiles;
}
