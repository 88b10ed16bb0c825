import { MICROSOFT_OWNER_TENANTS } from '../../../shared/catalogue/enforcedApps';
import type { IdentityClass, IdentityKind } from '../../../shared/domain/vocabulary';
import type { Db } from '../db/open';

/** Ownership verdicts, in sheet order (problems first). */
export const OWNERSHIP_STATUSES = ['no_owners', 'owner_issues', 'not_imported', 'ok', 'not_applicable'] as const;
export type OwnershipStatus = (typeof OWNERSHIP_STATUSES)[number];

/** One owner as exported, with what the directory says about the owner when the owner is a known identity. */
export interface OwnerFacts {
  objectId: string;
  upn: string | null;
  displayName: string | null;
  /** As the export names it: user, servicePrincipal, group… */
  type: string | null;
  /** The owner is an identity of this engagement (else nothing is known about its state). */
  known: boolean;
  /** The problem owner-disabled-deleted-or-guest reports for this owner, if any. */
  problem: 'deleted' | 'disabled' | 'guest' | null;
}

export interface OwnershipSheetRow {
  id: number;
  displayName: string | null;
  appId: string | null;
  kind: IdentityKind;
  cls: IdentityClass | null;
  /** An application object of this tenant (the analysis's `ownApp`); null when not analysed. */
  ownApp: boolean | null;
  appOwnerOrgId: string | null;
  owners: OwnerFacts[];
  status: OwnershipStatus;
}

interface Row {
  id: number;
  display_name: string | null;
  app_id: string | null;
  kind: IdentityKind;
  cls: IdentityClass | null;
  own_app: number | null;
  app_owner_org_id: string | null;
  owners: string | null;
  status: number;
}

/** One element of the owners JSON the query builds. */
interface OwnerJson {
  objectId: string;
  upn: string | null;
  displayName: string | null;
  type: string | null;
  known: number;
  problem: OwnerFacts['problem'];
}

const MICROSOFT_SQL = [...MICROSOFT_OWNER_TENANTS].map((t) => `'${t}'`).join(', ');
const FIRST_PARTY = `(i.app_owner_org_id IS NOT NULL AND lower(i.app_owner_org_id) IN (${MICROSOFT_SQL}))`;

/**
 * The owner-disabled-deleted-or-guest rule's reading of one owner: only users are judged, and
 * deleted wins over disabled, which wins over guest (the effective class, a reviewer's override included).
 */
export const PROBLEM_SQL = `CASE WHEN oi.kind <> 'user' THEN NULL WHEN oi.deleted = 1 THEN 'deleted' WHEN oi.account_enabled = 0 THEN 'disabled'
  WHEN coalesce(oc.override_class, oc.class) = 'guest' THEN 'guest' END`;

const OWNERS_OF = `FROM owners o LEFT JOIN identities oi ON oi.object_id = o.owner_object_id LEFT JOIN classifications oc ON oc.identity_id = oi.id
  WHERE o.identity_id = i.id`;

/**
 * Which owner evidence the engagement holds. Owners come only with `$expand=owners`, separately for
 * the application export and the service principal export: an object whose kind of export carried
 * no owner at all, or that no directory export described (known only from sign-ins or role
 * assignments), has no owner evidence, and "no owners" is never claimed for it.
 */
export function ownerEvidence(db: Db): { any: boolean; applications: boolean; servicePrincipals: boolean } {
  const has = (kind: string): boolean =>
    db.prepare(`SELECT 1 FROM owners o JOIN imported_files f ON f.id = o.file_id WHERE f.kind LIKE ? LIMIT 1`).get(kind) !== undefined;
  return {
    any: db.prepare(`SELECT 1 FROM owners LIMIT 1`).get() !== undefined,
    applications: has('applications.%'),
    servicePrincipals: has('serviceprincipals.%'),
  };
}

/** Microsoft's own service principals (owned by a Microsoft tenant), which the Ownership sheet leaves out. */
export function countFirstPartyPrincipals(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM identities i WHERE i.kind IN ('application', 'service_principal') AND ${FIRST_PARTY}`).get() as { n: number }).n;
}

/**
 * Every application and service principal except Microsoft's first-party ones, with its owners,
 * streamed problems first: no owners, owner problems, owner data missing, fine, then managed
 * identities (which Entra ID gives no owners); the tenant's own applications before others'.
 */
export function iterateOwnership(db: Db): IterableIterator<OwnershipSheetRow> {
  const ev = ownerEvidence(db);
  const rows = db
    .prepare(
      `SELECT x.*,
              CASE WHEN x.n = 0 AND (x.cls = 'managed_identity' OR x.sp_type = 'ManagedIdentity') THEN 4
                   WHEN x.n = 0 AND NOT (@any AND x.in_directory = 1 AND (((x.kind = 'application' OR x.app_object_id IS NOT NULL) AND @apps)
                                                   OR (x.kind = 'service_principal' AND x.object_id IS NOT NULL AND @sps))) THEN 2
                   WHEN x.n = 0 THEN 0
                   WHEN x.problems > 0 THEN 1
                   ELSE 3 END AS status
         FROM (SELECT i.id, i.display_name, i.app_id, i.object_id, i.app_object_id, i.kind, i.sp_type, i.app_owner_org_id, i.in_directory,
                      coalesce(c.override_class, c.class) AS cls,
                      json_extract(p.profile, '$.ownApp') AS own_app,
                      (SELECT count(*) FROM owners o WHERE o.identity_id = i.id) AS n,
                      (SELECT count(*) ${OWNERS_OF} AND ${PROBLEM_SQL} IS NOT NULL) AS problems,
                      (SELECT json_group_array(json_object('objectId', o.owner_object_id, 'upn', o.owner_upn, 'displayName', o.owner_display_name,
                                'type', o.owner_type, 'known', oi.id IS NOT NULL, 'problem', ${PROBLEM_SQL})) ${OWNERS_OF}) AS owners
                 FROM identities i
                 LEFT JOIN classifications c ON c.identity_id = i.id
                 LEFT JOIN identity_profiles p ON p.identity_id = i.id
                WHERE i.kind IN ('application', 'service_principal') AND NOT ${FIRST_PARTY}) x
        ORDER BY status, x.own_app IS NULL, x.own_app DESC, coalesce(x.display_name, x.app_id, '') COLLATE NOCASE, x.id`,
    )
    .iterate({ any: ev.any ? 1 : 0, apps: ev.applications ? 1 : 0, sps: ev.servicePrincipals ? 1 : 0 }) as IterableIterator<Row>;
  return (function* () {
    for (const r of rows) {
      const owners = (r.owners ? (JSON.parse(r.owners) as OwnerJson[]) : [])
        .map((o): OwnerFacts => ({ objectId: o.objectId, upn: o.upn, displayName: o.displayName, type: o.type, known: o.known === 1, problem: o.problem }))
        .sort((a, b) => (a.displayName ?? a.upn ?? a.objectId).localeCompare(b.displayName ?? b.upn ?? b.objectId));
      yield {
        id: r.id,
        displayName: r.display_name,
        appId: r.app_id,
        kind: r.kind,
        cls: r.cls,
        ownApp: r.own_app == null ? null : r.own_app === 1,
        appOwnerOrgId: r.app_owner_org_id,
        owners,
        status: OWNERSHIP_STATUSES[r.status] ?? 'ok',
      };
    }
  })();
}
