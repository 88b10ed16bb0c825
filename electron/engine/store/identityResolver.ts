import type { Statement } from 'better-sqlite3';
import type { SignInRecord, UserRecord } from '../../../shared/domain/records';
import type { Db } from '../db/open';
import { detach } from '../../../shared/parse/detach';

/**
 * Finds or creates the one identity behind each principal seen in a file. Merges on object id
 * (users and service principals), falling back to the UPN only when a row has no id. The cache
 * lives for one file's transaction, so a rolled-back file leaves no stale ids behind.
 */
export class IdentityResolver {
  private readonly cache = new Map<string, number>();
  private readonly byObjectId: Statement<[string], { id: number }>;
  private readonly byUpn: Statement<[string], { id: number }>;
  private readonly insertUser: Statement<unknown[]>;
  private readonly insertSp: Statement<unknown[]>;
  private readonly fillUser: Statement<unknown[]>;
  private readonly upsertDirectoryUser: Statement<unknown[]>;
  private readonly claimUpnIdentity: Statement<unknown[]>;
  private readonly appWithoutSp: Statement<[string], { id: number }>;
  private readonly claimApp: Statement<unknown[]>;

  constructor(db: Db) {
    this.byObjectId = db.prepare('SELECT id FROM identities WHERE object_id = ?');
    this.byUpn = db.prepare(`SELECT id FROM identities WHERE upn = ? COLLATE NOCASE AND kind = 'user' ORDER BY object_id IS NULL LIMIT 1`);
    this.insertUser = db.prepare(
      `INSERT INTO identities (kind, object_id, upn, display_name, user_type) VALUES ('user', ?, ?, ?, ?)`,
    );
    this.insertSp = db.prepare(
      `INSERT INTO identities (kind, object_id, app_id, display_name, sp_type) VALUES ('service_principal', ?, ?, ?, ?)`,
    );
    this.fillUser = db.prepare(
      `UPDATE identities SET upn = coalesce(upn, ?), display_name = coalesce(display_name, ?), user_type = coalesce(user_type, ?) WHERE id = ?`,
    );
    this.upsertDirectoryUser = db.prepare(`
      INSERT INTO identities (kind, object_id, upn, display_name, user_type, account_enabled, mail, job_title, department,
                              created_at, creation_type, on_premises_sync, last_sign_in, last_non_interactive_sign_in,
                              last_successful_sign_in, in_directory, source_file_id)
      VALUES ('user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
      ON CONFLICT (object_id) WHERE object_id IS NOT NULL DO UPDATE SET
        upn = coalesce(excluded.upn, upn), display_name = coalesce(excluded.display_name, display_name),
        user_type = coalesce(excluded.user_type, user_type), account_enabled = coalesce(excluded.account_enabled, account_enabled),
        mail = coalesce(excluded.mail, mail), job_title = coalesce(excluded.job_title, job_title),
        department = coalesce(excluded.department, department), created_at = coalesce(excluded.created_at, created_at),
        creation_type = coalesce(excluded.creation_type, creation_type),
        on_premises_sync = coalesce(excluded.on_premises_sync, on_premises_sync),
        last_sign_in = coalesce(excluded.last_sign_in, last_sign_in),
        last_non_interactive_sign_in = coalesce(excluded.last_non_interactive_sign_in, last_non_interactive_sign_in),
        last_successful_sign_in = coalesce(excluded.last_successful_sign_in, last_successful_sign_in),
        in_directory = 1, source_file_id = coalesce(source_file_id, excluded.source_file_id)
      RETURNING id`);
    this.claimUpnIdentity = db.prepare(`UPDATE identities SET object_id = ? WHERE id = ? AND object_id IS NULL`);
    this.appWithoutSp = db.prepare(`SELECT id FROM identities WHERE app_id = ? AND kind = 'application' AND object_id IS NULL LIMIT 1`);
    this.claimApp = db.prepare(`UPDATE identities SET kind = 'service_principal', object_id = ?, sp_type = coalesce(sp_type, ?) WHERE id = ?`);
  }

  /** The identity a sign-in belongs to, or null when the row names no principal at all. */
  forSignIn(r: SignInRecord): number | null {
    if (r.category === 'service_principal' || r.category === 'managed_identity') {
      const oid = r.spId;
      if (!oid) return null;
      return this.cached(`oid:${oid}`, () => {
        const found = this.byObjectId.get(oid);
        if (found) return found.id;
        const spType = r.category === 'managed_identity' ? 'ManagedIdentity' : null;
        // The application registration was imported before its service principal signed in: same identity.
        const app = r.appId ? this.appWithoutSp.get(r.appId) : undefined;
        if (app) {
          this.claimApp.run(oid, spType, app.id);
          return app.id;
        }
        return Number(this.insertSp.run(oid, r.appId, r.spName ?? r.appName, spType).lastInsertRowid);
      });
    }
    if (r.userId) {
      const oid = r.userId;
      return this.cached(`oid:${oid}`, () => {
        const found = this.byObjectId.get(oid);
        if (found) {
          this.fillUser.run(r.upn, r.userDisplayName, r.userType, found.id);
          return found.id;
        }
        // Known so far by UPN only (an MFA or role export without ids): the same person.
        const byUpn = r.upn ? this.byUpn.get(r.upn) : undefined;
        if (byUpn && this.claimUpnIdentity.run(oid, byUpn.id).changes > 0) return byUpn.id;
        return Number(this.insertUser.run(oid, r.upn, r.userDisplayName, r.userType).lastInsertRowid);
      });
    }
    const upn = r.upn?.toLowerCase();
    if (!upn) return null;
    return this.cached(`upn:${upn}`, () => {
      const found = this.byUpn.get(upn);
      if (found) return found.id;
      return Number(this.insertUser.run(null, r.upn, r.userDisplayName, r.userType).lastInsertRowid);
    });
  }

  /** Records a directory user, merging with an identity first seen in the logs. */
  upsertUser(u: UserRecord, fileId: number): number {
    if (u.objectId && !this.byObjectId.get(u.objectId) && u.upn) {
      // An identity first seen by UPN alone (a log row without a user id) becomes this object.
      const byUpn = this.byUpn.get(u.upn);
      if (byUpn) this.claimUpnIdentity.run(u.objectId, byUpn.id);
    }
    if (!u.objectId) {
      const existing = u.upn ? this.byUpn.get(u.upn) : undefined;
      if (existing) {
        this.fillUser.run(u.upn, u.displayName, u.userType, existing.id);
        return existing.id;
      }
    }
    const row = this.upsertDirectoryUser.get(
      u.objectId,
      u.upn,
      u.displayName,
      u.userType,
      boolToInt(u.accountEnabled),
      u.mail,
      u.jobTitle,
      u.department,
      u.createdAt,
      u.creationType,
      boolToInt(u.onPremisesSync),
      u.lastSignIn ?? null,
      u.lastNonInteractiveSignIn ?? null,
      u.lastSuccessfulSignIn ?? null,
      fileId,
    ) as { id: number };
    return row.id;
  }

  private cached(key: string, resolve: () => number): number {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const id = resolve();
    this.cache.set(detach(key), id);
    return id;
  }
}

function boolToInt(b: boolean | null): number | null {
  return b == null ? null : b ? 1 : 0;
}
