import type { Statement } from 'better-sqlite3';
import type { DirectoryObjectRecord } from '../../../shared/domain/records';
import type { Db } from '../db/open';
import { identityKeySql } from '../review/identityKey';

const bool = (b: boolean | null): number | null => (b == null ? null : b ? 1 : 0);

/** Tables whose rows belong to an identity and move with it when two identities turn out to be one. */
const OWNED = ['credentials', 'owners', 'app_permissions', 'role_assignments', 'signins', 'mfa_registration', 'findings'];
/** Computed per identity: recomputed by the next analysis, so the dropped identity's rows just go. */
const COMPUTED = ['identity_profiles', 'classifications', 'readiness'];

/** Moves everything of identity `drop` to identity `keep` and deletes `drop`. */
export function mergeIdentity(db: Db, drop: number, keep: number): void {
  // A review recorded under the dropped identity's key follows it unless the kept one has its own.
  const keyOf = db.prepare(`SELECT ${identityKeySql('')} AS k FROM identities WHERE id = ?`).pluck();
  const [dropKey, keepKey] = [keyOf.get(drop), keyOf.get(keep)] as (string | undefined)[];
  if (dropKey && keepKey && dropKey !== keepKey) db.prepare(`UPDATE OR IGNORE reviews SET identity_key = ? WHERE identity_key = ?`).run(keepKey, dropKey);
  for (const table of OWNED) {
    // OR IGNORE: a row the kept identity already has (same credential, same role) stays once.
    db.prepare(`UPDATE OR IGNORE ${table} SET identity_id = ? WHERE identity_id = ?`).run(keep, drop);
    db.prepare(`DELETE FROM ${table} WHERE identity_id = ?`).run(drop);
  }
  for (const table of COMPUTED) db.prepare(`DELETE FROM ${table} WHERE identity_id = ?`).run(drop);
  const app = db.prepare(`SELECT app_object_id FROM identities WHERE id = ?`).get(drop) as { app_object_id: string | null } | undefined;
  db.prepare(`DELETE FROM identities WHERE id = ?`).run(drop);
  if (app?.app_object_id) db.prepare(`UPDATE identities SET app_object_id = coalesce(app_object_id, ?) WHERE id = ?`).run(app.app_object_id, keep);
}

/**
 * Writes applications and service principals (managed identities included) with their
 * credentials, owners and permissions. An application and its service principal become one
 * identity, joined on the app id; a principal first seen in the sign-in logs is completed, not
 * duplicated.
 */
export class DirectoryWriter {
  private readonly byObjectId: Statement<[string], { id: number }>;
  private readonly byAppObjectId: Statement<[string], { id: number }>;
  private readonly byAppId: Statement<[string], { id: number; object_id: string | null; app_object_id: string | null }>;
  private readonly insert: Statement<unknown[]>;
  private readonly update: Statement<unknown[]>;
  private readonly credential: Statement<unknown[]>;
  private readonly owner: Statement<unknown[]>;
  private readonly permission: Statement<unknown[]>;
  private readonly loneApp: Statement<[string, number], { id: number; app_object_id: string | null }>;

  constructor(private readonly db: Db) {
    this.byObjectId = db.prepare(`SELECT id FROM identities WHERE object_id = ?`);
    this.byAppObjectId = db.prepare(`SELECT id FROM identities WHERE app_object_id = ?`);
    this.byAppId = db.prepare(
      `SELECT id, object_id, app_object_id FROM identities WHERE app_id = ? AND kind IN ('service_principal', 'application') ORDER BY id LIMIT 1`,
    );
    this.insert = db.prepare(
      `INSERT INTO identities (kind, object_id, app_object_id, app_id, display_name, sp_type, app_owner_org_id, sign_in_audience,
         account_enabled, created_at, description, msi_type, msi_resource_id, tags, credentials_known, in_directory, source_file_id)
       VALUES (@kind, @objectId, @appObjectId, @appId, @displayName, @spType, @appOwnerOrgId, @signInAudience, @accountEnabled,
         @createdAt, @description, @msiType, @msiResourceId, @tags, @credentialsKnown, 1, @fileId)`,
    );
    this.update = db.prepare(
      `UPDATE identities SET
         kind = CASE WHEN @kind = 'service_principal' OR object_id IS NOT NULL THEN 'service_principal' ELSE kind END,
         object_id = coalesce(object_id, @objectId), app_object_id = coalesce(app_object_id, @appObjectId), app_id = coalesce(@appId, app_id),
         display_name = coalesce(@displayName, display_name), sp_type = coalesce(@spType, sp_type),
         app_owner_org_id = coalesce(@appOwnerOrgId, app_owner_org_id), sign_in_audience = coalesce(@signInAudience, sign_in_audience),
         account_enabled = coalesce(@accountEnabled, account_enabled), created_at = coalesce(created_at, @createdAt),
         description = coalesce(@description, description), msi_type = coalesce(@msiType, msi_type),
         msi_resource_id = coalesce(@msiResourceId, msi_resource_id), tags = CASE WHEN @tags = '[]' THEN tags ELSE @tags END,
         credentials_known = max(coalesce(credentials_known, 0), @credentialsKnown),
         in_directory = 1, source_file_id = coalesce(source_file_id, @fileId)
       WHERE id = @id`,
    );
    this.credential = db.prepare(
      `INSERT OR IGNORE INTO credentials (identity_id, type, key_id, display_name, start_time, end_time, hint, thumbprint, issuer,
         subject, audiences, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.owner = db.prepare(
      `INSERT OR IGNORE INTO owners (identity_id, owner_object_id, owner_upn, owner_display_name, owner_type, file_id) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.loneApp = db.prepare(
      `SELECT id, app_object_id FROM identities WHERE app_id = ? AND kind = 'application' AND object_id IS NULL AND id <> ? LIMIT 1`,
    );
    this.permission = db.prepare(
      `INSERT OR IGNORE INTO app_permissions (identity_id, resource_app_id, permission_id, type, source, file_id) VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Returns the identity id the object was merged into. */
  write(r: DirectoryObjectRecord, fileId: number): number {
    const isSp = r.kind === 'service_principal';
    const objectId = isSp ? r.objectId.toLowerCase() : null;
    const appObjectId = isSp ? null : r.objectId.toLowerCase();
    const appId = r.appId?.toLowerCase() ?? null;
    let id = objectId ? this.byObjectId.get(objectId)?.id : appObjectId ? this.byAppObjectId.get(appObjectId)?.id : undefined;
    if (id === undefined && appId) {
      const candidate = this.byAppId.get(appId);
      // Join an application to its service principal (and back) only where that slot is still free.
      if (candidate && (isSp ? candidate.object_id == null : candidate.app_object_id == null)) id = candidate.id;
    }
    const values = {
      kind: r.kind,
      objectId,
      appObjectId,
      appId,
      displayName: r.displayName,
      spType: r.spType,
      appOwnerOrgId: r.appOwnerOrgId?.toLowerCase() ?? null,
      signInAudience: r.signInAudience,
      accountEnabled: bool(r.accountEnabled),
      createdAt: r.createdAt,
      description: r.description,
      msiType: r.msiType,
      msiResourceId: r.msiResourceId,
      tags: JSON.stringify(r.tags),
      credentialsKnown: r.credentialsKnown === false ? 0 : 1,
      fileId,
    };
    if (id === undefined) {
      id = Number(this.insert.run(values).lastInsertRowid);
    } else {
      // A service principal first seen by object id (a role export) while its application was
      // imported as an identity of its own: the two are one, so fold the application in first.
      const app = isSp && appId ? this.loneApp.get(appId, id) : undefined;
      if (app) {
        mergeIdentity(this.db, app.id, id);
      }
      this.update.run({ ...values, id });
    }
    for (const c of r.credentials) {
      this.credential.run(id, c.type, c.keyId?.toLowerCase() ?? null, c.displayName, c.start, c.end, c.hint, c.thumbprint, c.issuer, c.subject, JSON.stringify(c.audiences), fileId);
    }
    for (const o of r.owners) this.owner.run(id, o.objectId.toLowerCase(), o.upn, o.displayName, o.type, fileId);
    for (const p of r.permissions) this.permission.run(id, p.resourceAppId.toLowerCase(), p.permissionId.toLowerCase(), p.type, p.source, fileId);
    return id;
  }
}
