import type { Statement } from 'better-sqlite3';
import type { MfaRegistrationRecord } from '../../../shared/domain/records';
import type { Db } from '../db/open';

const bool = (b: boolean | null): number | null => (b == null ? null : b ? 1 : 0);

/** Writes MFA registration per user, found by object id, else by UPN; a newer file replaces an older one. */
export class MfaWriter {
  private readonly byObjectId: Statement<[string], { id: number }>;
  private readonly byUpn: Statement<[string], { id: number }>;
  private readonly insertUser: Statement<unknown[]>;
  private readonly claim: Statement<unknown[]>;
  private readonly upsert: Statement<unknown[]>;

  constructor(db: Db) {
    this.byObjectId = db.prepare(`SELECT id FROM identities WHERE object_id = ?`);
    this.byUpn = db.prepare(`SELECT id FROM identities WHERE upn = ? COLLATE NOCASE AND kind = 'user' ORDER BY object_id IS NULL LIMIT 1`);
    this.insertUser = db.prepare(`INSERT INTO identities (kind, object_id, upn, display_name) VALUES ('user', ?, ?, ?)`);
    this.claim = db.prepare(`UPDATE identities SET object_id = ? WHERE id = ? AND object_id IS NULL`);
    this.upsert = db.prepare(
      `INSERT INTO mfa_registration (identity_id, upn, is_mfa_capable, is_mfa_registered, is_passwordless_capable, is_admin, methods,
         default_method, last_updated, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (identity_id) DO UPDATE SET upn = excluded.upn, is_mfa_capable = excluded.is_mfa_capable,
         is_mfa_registered = excluded.is_mfa_registered, is_passwordless_capable = excluded.is_passwordless_capable,
         is_admin = excluded.is_admin, methods = excluded.methods, default_method = excluded.default_method,
         last_updated = excluded.last_updated, file_id = excluded.file_id`,
    );
  }

  /** Returns null when the record names no user at all. */
  write(r: MfaRegistrationRecord, fileId: number): number | null {
    const oid = r.userObjectId?.toLowerCase() ?? null;
    let id = oid ? this.byObjectId.get(oid)?.id : undefined;
    if (id === undefined && r.upn) {
      id = this.byUpn.get(r.upn)?.id;
      // Known so far by UPN only: it is this object, so later rows carrying the id find it.
      if (id !== undefined && oid) this.claim.run(oid, id);
    }
    if (id === undefined) {
      if (!oid && !r.upn) return null;
      id = Number(this.insertUser.run(oid, r.upn, r.displayName).lastInsertRowid);
    }
    this.upsert.run(
      id,
      r.upn,
      bool(r.isMfaCapable),
      bool(r.isMfaRegistered),
      bool(r.isPasswordlessCapable),
      bool(r.isAdmin),
      r.methods == null ? null : JSON.stringify(r.methods),
      r.defaultMethod,
      r.lastUpdated,
      fileId,
    );
    return id;
  }
}
