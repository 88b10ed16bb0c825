import { MICROSOFT_OWNER_TENANTS } from '../../../shared/catalogue/enforcedApps';
import { isPrivilegedRole } from '../../../shared/catalogue/privilegedRoles';
import type { IdentityProfile } from '../../../shared/classification/profile';
import type { ActivityCredential, ActivityOwner, ActivityRole, IdentityActivity } from '../../../shared/contract/activity';
import type { IdentityRow } from '../../../shared/contract/dto';
import { assessCredential, UNUSED_ISSUE } from '../../../shared/rules/credentialState';
import type { RuleSettings } from '../../../shared/rules/rule';
import { asOfInstant } from '../analysis/asOf';
import type { Db } from '../db/open';
import { credentialColumns, credentialFieldsOf, ruleCredentialOf, type CredentialRow } from './credentialRows';
import { ownerEvidence, PROBLEM_SQL } from './ownership';
import { roleAssignmentColumns, roleAssignmentFieldsOf, type RoleAssignmentRow } from './roleRows';

interface FactsRow {
  in_directory: number;
  object_id: string | null;
  app_object_id: string | null;
  sp_type: string | null;
  app_owner_org_id: string | null;
  profile: string | null;
  evidence: string | null;
  as_of: string | null;
}

/** What runAnalysis stores beside a readiness verdict (readinessEvidence): the evidence the whole analysis had. */
interface ReadinessEvidence {
  coverage?: { categories?: string[]; windowFrom?: string | null; windowTo?: string | null };
}

interface OwnerRow {
  objectId: string;
  upn: string | null;
  displayName: string | null;
  type: string | null;
  problem: ActivityOwner['problem'];
}

const nameOf = (r: CredentialRow): string => r.display_name ?? r.key_id ?? '';
const dayOf = (iso: string | null | undefined): string | null => (iso ? iso.slice(0, 10) : null);

/**
 * One identity's activity, sources, credentials, roles and owners for the detail panel. Sign-in
 * facts come from the profile the analysis folded (no scan of the sign-ins, whatever their
 * number); the rest from small indexed lookups. `identity` is the row `identities:get` returned,
 * so an unknown id has already been refused with its error.
 */
export function identityActivity(db: Db, identity: Pick<IdentityRow, 'id' | 'kind' | 'class'>, settings: RuleSettings): IdentityActivity {
  const facts = db
    .prepare(
      `SELECT i.in_directory, i.object_id, i.app_object_id, i.sp_type, i.app_owner_org_id, p.profile, r.evidence,
              (SELECT as_of FROM engagement WHERE id = 1) AS as_of
         FROM identities i
         LEFT JOIN identity_profiles p ON p.identity_id = i.id
         LEFT JOIN readiness r ON r.identity_id = i.id
        WHERE i.id = ?`,
    )
    .get(identity.id) as FactsRow | undefined;
  const profile = facts?.profile ? (JSON.parse(facts.profile) as IdentityProfile) : null;
  const coverage = facts?.evidence ? (JSON.parse(facts.evidence) as ReadinessEvidence).coverage : undefined;
  const from = dayOf(coverage?.windowFrom);
  const to = dayOf(coverage?.windowTo);
  // The as-of instant of the analysis (runAnalysis's asOfMs), so a status here and a finding never disagree.
  const asOfMs = asOfInstant(facts?.as_of, coverage?.windowTo);
  const s = profile?.signIns;
  const state: IdentityActivity['profile'] = !s ? 'not_analysed' : s.total > 0 && !s.daily ? 'outdated' : 'current';
  const current = state === 'current' && s != null;
  const weekHours = current ? (s.weekHours ?? []) : [];
  return {
    id: identity.id,
    profile: state,
    window: from && to ? { from, to } : null,
    totals: {
      signIns: s?.total ?? 0,
      interactive: s?.interactive ?? 0,
      nonInteractive: s?.nonInteractive ?? 0,
      servicePrincipal: s?.servicePrincipal ?? 0,
      managedIdentity: s?.managedIdentity ?? 0,
      failures: s?.failures ?? 0,
    },
    days: current
      ? (s.daily ?? []).map(([day, interactive, nonInteractive, servicePrincipal, managedIdentity, failures]) => ({
          day,
          interactive,
          nonInteractive,
          servicePrincipal,
          managedIdentity,
          failures,
        }))
      : [],
    weekHours: weekHours.length === 168 ? Array.from({ length: 7 }, (_, wd) => weekHours.slice(wd * 24, wd * 24 + 24)) : [],
    ips: current ? s.topIps.map((ip) => ({ ip: ip.ip, count: ip.count, country: ip.country ?? null, asn: ip.asn ?? null })) : [],
    distinctIps: current ? s.distinctIps : 0,
    distinctCountries: current ? s.distinctCountries : 0,
    userAgents: current ? s.topUserAgents.map((a) => ({ agent: a.agent, clientApp: a.clientApp ?? null, count: a.count })) : [],
    asOf: new Date(asOfMs).toISOString().slice(0, 10),
    credentials: credentials(db, identity.id, profile, coverage?.categories ?? [], settings, asOfMs),
    roles: roles(db, identity.id),
    ...owners(db, identity, facts),
  };
}

function credentials(db: Db, id: number, profile: IdentityProfile | null, categories: readonly string[], settings: RuleSettings, asOfMs: number): ActivityCredential[] {
  const rows = db
    .prepare(`SELECT ${credentialColumns()} FROM credentials WHERE identity_id = ?`)
    .all(id) as CredentialRow[];
  const use = {
    // As the Credentials sheet reads it: service principal sign-ins in the evidence at all, then this holder's.
    workloadSignInsImported: categories.includes('service_principal'),
    servicePrincipalSignIns: profile ? profile.signIns.servicePrincipal : null,
    keyIds: profile?.signIns.credentialKeyIds ?? [],
  };
  return rows
    .map((r) => ({ r, a: assessCredential(ruleCredentialOf(r), use, settings, asOfMs) }))
    // Worst first, then by name, as the Credentials sheet orders them.
    .sort((x, y) => x.a.rank - y.a.rank || nameOf(x.r).localeCompare(nameOf(y.r), 'en', { sensitivity: 'base' }) || x.r.id - y.r.id)
    .map(({ r, a }) => ({
      ...credentialFieldsOf(r),
      status: a.status,
      seenInUse: a.seen,
      seenWhy: a.seenWhy,
      // "Not seen in use" is `seenInUse` already; the issues are the other problems.
      issues: a.issues.filter((i) => i !== UNUSED_ISSUE),
    }));
}

function roles(db: Db, id: number): ActivityRole[] {
  const rows = db
    .prepare(`SELECT ${roleAssignmentColumns()} FROM role_assignments WHERE identity_id = ? ORDER BY role_name COLLATE NOCASE, scope, id`)
    .all(id) as RoleAssignmentRow[];
  return rows
    .map((r) => {
      // The panel's contract has no role definition id: the id only decides `privileged`.
      const { roleDefinitionId, ...role } = roleAssignmentFieldsOf(r);
      return { ...role, privileged: isPrivilegedRole(r.system, roleDefinitionId, r.role_name) };
    })
    .sort((a, b) => Number(b.privileged) - Number(a.privileged));
}

/** Owners, and whether an empty list means "no owners" (the Ownership sheet's reading of the evidence). */
function owners(db: Db, identity: Pick<IdentityRow, 'id' | 'kind' | 'class'>, facts: FactsRow | undefined): Pick<IdentityActivity, 'owners' | 'ownersEvidence'> {
  if (identity.kind === 'user' || identity.kind === 'unknown') return { owners: [], ownersEvidence: 'not_applicable' };
  const list = db
    .prepare(
      `SELECT o.owner_object_id AS objectId, o.owner_upn AS upn, o.owner_display_name AS displayName, o.owner_type AS type, ${PROBLEM_SQL} AS problem
         FROM owners o LEFT JOIN identities oi ON oi.object_id = o.owner_object_id LEFT JOIN classifications oc ON oc.identity_id = oi.id
        WHERE o.identity_id = ?
        ORDER BY coalesce(o.owner_display_name, o.owner_upn, o.owner_object_id) COLLATE NOCASE`,
    )
    .all(identity.id) as OwnerRow[];
  if (list.length > 0) return { owners: list, ownersEvidence: 'known' };
  // Entra ID gives managed identities and Microsoft's own applications no owners in the tenant.
  const firstParty = facts?.app_owner_org_id != null && MICROSOFT_OWNER_TENANTS.has(facts.app_owner_org_id.toLowerCase());
  if (identity.class === 'managed_identity' || facts?.sp_type === 'ManagedIdentity' || firstParty) return { owners: [], ownersEvidence: 'not_applicable' };
  const ev = ownerEvidence(db);
  const described = facts != null && facts.in_directory === 1;
  const covered =
    ((identity.kind === 'application' || facts?.app_object_id != null) && ev.applications) ||
    (identity.kind === 'service_principal' && facts?.object_id != null && ev.servicePrincipals);
  return { owners: [], ownersEvidence: ev.any && described && covered ? 'known' : 'not_imported' };
}
