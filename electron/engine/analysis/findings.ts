import type { IdentityProfile } from '../../../shared/classification/profile';
import type { IdentityClass } from '../../../shared/domain/vocabulary';
import type { EvidenceCoverage, Readiness } from '../../../shared/readiness/assess';
import { evaluateRules, type RuleResult } from '../../../shared/rules/evaluate';
import {
  RuleSettingsSchema,
  type EvidenceNeed,
  type RuleContext,
  type RuleCredential,
  type RuleIdentity,
  type RuleOwner,
  type RulePermission,
  type RuleRoleAssignment,
  type RuleSettings,
} from '../../../shared/rules/rule';
import { fieldIndex, parseGroupValue } from '../../../shared/parse/signInFields';
import type { Db } from '../db/open';

/** The engagement's rule settings (defaults for what it does not set). */
export function ruleSettings(db: Db): RuleSettings {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'rules'`).get() as { value: string } | undefined;
  return RuleSettingsSchema.parse(row ? JSON.parse(row.value) : {});
}

/** Which evidence the engagement holds, in the rules' terms (sign-in categories and registration from the analysis's coverage). */
function evidence(db: Db, coverage: EvidenceCoverage): Set<EvidenceNeed> {
  const kinds = (db.prepare(`SELECT DISTINCT kind FROM imported_files`).raw(true).all() as [string][]).map(([k]) => k);
  const categories = coverage.categories;
  const has = new Set<EvidenceNeed>();
  if (categories.has('interactive') || categories.has('non_interactive')) has.add('user_signins');
  if (categories.has('service_principal') || categories.has('managed_identity')) has.add('workload_signins');
  if (coverage.registrationImported) has.add('registration');
  if (kinds.some((k) => k.startsWith('azure.roles.'))) has.add('azure_roles');
  if (kinds.some((k) => k.startsWith('entra.roles.'))) has.add('entra_roles');
  if (has.has('azure_roles') || has.has('entra_roles')) has.add('any_roles');
  if (kinds.some((k) => k.startsWith('applications.') || k.startsWith('serviceprincipals.'))) has.add('app_objects');
  // Owners come only with $expand=owners: an engagement without any owner row has no owner evidence.
  if (db.prepare(`SELECT 1 FROM owners LIMIT 1`).get() !== undefined) has.add('owners');
  return has;
}

/**
 * Evaluates every governance rule over the analysed identities and stores the findings and each
 * rule's outcome. Runs inside the analysis transaction, after classification and readiness.
 */
export function writeFindings(
  db: Db,
  judged: readonly { profile: IdentityProfile; cls: IdentityClass; readiness: Readiness | null }[],
  coverage: EvidenceCoverage,
  asOfMs: number,
  now: string,
): RuleResult[] {
  const identities: RuleIdentity[] = judged.map((j) => ({ profile: j.profile, cls: j.cls, readiness: j.readiness }));
  const roleAssignments = (
    db
      .prepare(
        `SELECT identity_id AS identityId, system, role_name AS role, role_definition_id AS roleDefinitionId, scope, scope_level AS scopeLevel,
                state, principal_type AS principalType, principal_object_id AS principalObjectId, principal_name AS principalName
           FROM role_assignments ORDER BY id`,
      )
      .all() as RuleRoleAssignment[]
  );
  const credentials = db
    .prepare(
      `SELECT identity_id AS identityId, type, key_id AS keyId, display_name AS displayName, start_time AS start, end_time AS "end", subject, issuer
         FROM credentials ORDER BY id`,
    )
    .all() as RuleCredential[];
  const permissions = db
    .prepare(`SELECT identity_id AS identityId, resource_app_id AS resourceAppId, permission_id AS permissionId, type, source FROM app_permissions ORDER BY rowid`)
    .all() as RulePermission[];
  const owners = db
    .prepare(
      `SELECT identity_id AS identityId, owner_object_id AS ownerObjectId, owner_upn AS ownerUpn, owner_display_name AS ownerDisplayName, owner_type AS ownerType
         FROM owners ORDER BY identity_id, owner_object_id`,
    )
    .all() as RuleOwner[];
  const appIdsSignedInTo = new Set<string>();
  const appField = fieldIndex('app', 'appId');
  for (const [value] of db.prepare(`SELECT value FROM signin_values WHERE id IN (SELECT DISTINCT app_ref FROM signins)`).raw(true).iterate() as IterableIterator<[string]>) {
    const appId = parseGroupValue(value)?.[appField];
    if (appId) appIdsSignedInTo.add(appId);
  }
  const ctx: RuleContext = {
    identities,
    byId: new Map(identities.map((i) => [i.profile.id, i])),
    roleAssignments,
    credentials,
    permissions,
    owners,
    appIdsSignedInTo,
    evidence: evidence(db, coverage),
    settings: ruleSettings(db),
    asOfMs,
  };
  const results = evaluateRules(ctx);
  db.prepare('DELETE FROM findings').run();
  db.prepare('DELETE FROM rule_results').run();
  const insertFinding = db.prepare(
    `INSERT INTO findings (rule_id, identity_id, severity, title, subject, evidence, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertResult = db.prepare(`INSERT INTO rule_results (rule_id, status, reason, findings, computed_at) VALUES (?, ?, ?, ?, ?)`);
  for (const r of results) {
    insertResult.run(r.ruleId, r.status, r.reason, r.findings.length, now);
    for (const f of r.findings) insertFinding.run(r.ruleId, f.identityId, r.severity, r.title, f.subject, JSON.stringify({ text: f.evidence }), now);
  }
  return results;
}

/** Evaluates the rules again from the stored profiles and verdicts (after a reviewer's override). */
export function refreshFindings(db: Db, coverage: EvidenceCoverage, asOfMs: number, now: string): RuleResult[] {
  const rows = db
    .prepare(
      `SELECT p.profile, coalesce(c.override_class, c.class) AS cls, r.verdict, r.reason, r.surfaces, r.evidence
         FROM identity_profiles p JOIN classifications c ON c.identity_id = p.identity_id
         LEFT JOIN readiness r ON r.identity_id = p.identity_id`,
    )
    .iterate() as IterableIterator<{ profile: string; cls: IdentityClass; verdict: Readiness['verdict'] | null; reason: string | null; surfaces: string | null; evidence: string | null }>;
  const judged = [];
  for (const row of rows) {
    const evidence = row.evidence ? (JSON.parse(row.evidence) as { phase?: 1 | 2 | null; blockedSince?: string | null }) : {};
    judged.push({
      profile: JSON.parse(row.profile) as IdentityProfile,
      cls: row.cls,
      readiness: row.verdict
        ? { verdict: row.verdict, reason: row.reason ?? '', surfaces: row.surfaces ? (JSON.parse(row.surfaces) as Readiness['surfaces']) : [], phase: evidence.phase ?? null, blockedSince: evidence.blockedSince ?? null }
        : null,
    });
  }
  return writeFindings(db, judged, coverage, asOfMs, now);
}
