import type { EvidenceCoverage } from '../../../shared/readiness/assess';
import { fieldIndex, parseGroupValue } from '../../../shared/parse/signInFields';
import {
  RuleSettingsSchema,
  type EvidenceNeed,
  type RuleContext,
  type RuleIdentity,
  type RuleOwner,
  type RulePermission,
  type RuleRoleAssignment,
  type RuleSettings,
} from '../../../shared/rules/rule';
import type { Db } from '../db/open';
import { credentialColumns, ruleCredentialOf, type CredentialRow } from '../queries/credentialRows';

/** What the rules read beside the identities: the engagement's other evidence and its settings. */
export type RuleInputs = Omit<RuleContext, 'identities' | 'byId' | 'asOfMs'>;

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

/** Application ids that appear in any sign-in, read from the stored value groups rather than every sign-in. */
function appIdsSignedInTo(db: Db): Set<string> {
  const ids = new Set<string>();
  const appField = fieldIndex('app', 'appId');
  for (const [value] of db.prepare(`SELECT value FROM signin_values WHERE id IN (SELECT DISTINCT app_ref FROM signins)`).raw(true).iterate() as IterableIterator<[string]>) {
    const appId = parseGroupValue(value)?.[appField];
    if (appId) ids.add(appId);
  }
  return ids;
}

/** Everything the rules read from the engagement beside the identities, in a stable order. */
export function loadRuleInputs(db: Db, coverage: EvidenceCoverage): RuleInputs {
  const roleAssignments = db
    .prepare(
      `SELECT identity_id AS identityId, system, role_name AS role, role_definition_id AS roleDefinitionId, scope, scope_level AS scopeLevel,
              state, principal_type AS principalType, principal_object_id AS principalObjectId, principal_name AS principalName
         FROM role_assignments ORDER BY id`,
    )
    .all() as RuleRoleAssignment[];
  const credentials = (db.prepare(`SELECT ${credentialColumns()} FROM credentials ORDER BY id`).all() as CredentialRow[]).map(ruleCredentialOf);
  const permissions = db
    .prepare(`SELECT identity_id AS identityId, resource_app_id AS resourceAppId, permission_id AS permissionId, type, source FROM app_permissions ORDER BY rowid`)
    .all() as RulePermission[];
  const owners = db
    .prepare(
      `SELECT identity_id AS identityId, owner_object_id AS ownerObjectId, owner_upn AS ownerUpn, owner_display_name AS ownerDisplayName, owner_type AS ownerType
         FROM owners ORDER BY identity_id, owner_object_id`,
    )
    .all() as RuleOwner[];
  return { roleAssignments, credentials, permissions, owners, appIdsSignedInTo: appIdsSignedInTo(db), evidence: evidence(db, coverage), settings: ruleSettings(db) };
}

/**
 * The snapshot the rules evaluate. The engine builds it from loadRuleInputs and the rule tests
 * from fixtures, both here, so what a rule sees in a test is what it sees in an analysis.
 */
export function ruleContext(identities: readonly RuleIdentity[], inputs: RuleInputs, asOfMs: number): RuleContext {
  return { identities, byId: new Map(identities.map((i) => [i.profile.id, i])), ...inputs, asOfMs };
}
