import { isPrivilegedRole } from '../../../shared/catalogue/privilegedRoles';
import { emptySignIns, PHISHING_RESISTANT_METHODS, type IdentityProfile, type RoleHolding } from '../../../shared/classification/profile';
import type { ClassificationSettings } from '../../../shared/classification/settings';
import type { IdentityBaseRow } from '../db/identityRow';
import type { Db } from '../db/open';
import { foldSignIns } from './signInFold';

interface IdentityRow extends IdentityBaseRow {
  job_title: string | null;
  department: string | null;
  on_premises_sync: number | null;
  in_directory: number;
  sp_type: string | null;
  app_owner_org_id: string | null;
  description: string | null;
  msi_type: string | null;
  deleted: number;
}

const toBool = (v: number | null): boolean | null => (v == null ? null : v !== 0);

/**
 * Builds every identity's profile: directory facts, then one pass over the sign-ins
 * (signInFold.ts), then MFA registration and role assignments.
 */
export function buildProfiles(db: Db, settings: ClassificationSettings): Map<number, IdentityProfile> {
  const profiles = new Map<number, IdentityProfile>();
  const identities = db
    .prepare(
      `SELECT id, kind, object_id, app_id, upn, display_name, user_type, account_enabled, job_title, department,
              on_premises_sync, in_directory, sp_type, app_owner_org_id, description, msi_type, deleted FROM identities`,
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
      description: r.description,
      msiType: r.msi_type,
      deleted: r.deleted !== 0,
      registration: null,
      roles: [],
      signIns: emptySignIns(),
    });
  }
  // An app is the tenant's own when its application object was exported (kind application, or a
  // service principal merged with its application), or its owner tenant is the one that owns those.
  const own = db
    .prepare(`SELECT id, app_id, app_owner_org_id FROM identities WHERE kind = 'application' OR app_object_id IS NOT NULL`)
    .all() as { id: number; app_id: string | null; app_owner_org_id: string | null }[];
  const ownIds = new Set(own.map((o) => o.id));
  const ownAppIds = new Set(own.flatMap((o) => (o.app_id ? [o.app_id] : [])));
  const ownTenants = new Set(own.flatMap((o) => (o.app_owner_org_id ? [o.app_owner_org_id.toLowerCase()] : [])));
  for (const p of profiles.values()) {
    if (p.kind === 'user' || p.kind === 'unknown') continue;
    p.ownApp = ownIds.has(p.id) || (p.appId != null && ownAppIds.has(p.appId)) || (p.appOwnerOrgId != null && ownTenants.has(p.appOwnerOrgId.toLowerCase()));
  }
  foldSignIns(db, profiles, settings.regularityToleranceShare);
  addRegistration(db, profiles);
  addRoles(db, profiles);
  return profiles;
}

function addRegistration(db: Db, profiles: Map<number, IdentityProfile>): void {
  const rows = db
    .prepare(`SELECT identity_id, is_mfa_capable, is_mfa_registered, is_passwordless_capable, methods FROM mfa_registration`)
    .iterate() as IterableIterator<{ identity_id: number; is_mfa_capable: number | null; is_mfa_registered: number | null; is_passwordless_capable: number | null; methods: string | null }>;
  for (const r of rows) {
    const p = profiles.get(r.identity_id);
    if (!p) continue;
    const methods = r.methods ? (JSON.parse(r.methods) as string[]) : [];
    p.registration = {
      capable: toBool(r.is_mfa_capable),
      registered: toBool(r.is_mfa_registered),
      passwordlessCapable: toBool(r.is_passwordless_capable),
      methods,
      phishingResistant: methods.some((m) => PHISHING_RESISTANT_METHODS.has(m.toLowerCase())),
    };
  }
}

function addRoles(db: Db, profiles: Map<number, IdentityProfile>): void {
  const rows = db
    .prepare(`SELECT identity_id, system, role_name, role_definition_id, scope, scope_level, state FROM role_assignments WHERE identity_id IS NOT NULL`)
    .iterate() as IterableIterator<{ identity_id: number; system: 'azure' | 'entra'; role_name: string; role_definition_id: string | null; scope: string; scope_level: string | null; state: 'active' | 'eligible' }>;
  for (const r of rows) {
    const p = profiles.get(r.identity_id);
    if (!p) continue;
    const privileged = isPrivilegedRole(r.system, r.role_definition_id, r.role_name);
    const holding: RoleHolding = { system: r.system, role: r.role_name, scope: r.scope, scopeLevel: r.scope_level, state: r.state, privileged };
    (p.roles ??= []).push(holding);
  }
}
