import type { Statement } from 'better-sqlite3';
import type { RoleAssignmentRecord } from '../../../shared/domain/records';
import type { Db } from '../db/open';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The scope level of an Azure scope string; Entra scopes are "/" (tenant) or an administrative unit/app. */
export function scopeLevel(system: 'azure' | 'entra', scope: string): string {
  const s = scope.toLowerCase();
  if (system === 'entra') {
    if (s === '/') return 'tenant';
    return s.startsWith('/administrativeunits/') || s.startsWith('administrative unit') ? 'administrative_unit' : 'object';
  }
  if (s === '/' ) return 'root';
  if (s.startsWith('/providers/microsoft.management/managementgroups/')) return 'management_group';
  const parts = s.split('/').filter(Boolean);
  if (parts[0] !== 'subscriptions') return 'other';
  if (parts.length <= 2) return 'subscription';
  if (parts.length <= 4 && parts[2] === 'resourcegroups') return 'resource_group';
  return 'resource';
}

/**
 * Writes role assignments. A user or service principal not yet known becomes an identity (it
 * holds a role, so it matters); a group is kept as the assignment's principal only; a deleted
 * principal (type Unknown) becomes an identity of kind `unknown`, marked deleted.
 */
export class RoleAssignmentWriter {
  private readonly byObjectId: Statement<[string], { id: number }>;
  private readonly byUpn: Statement<[string], { id: number }>;
  private readonly insertIdentity: Statement<unknown[]>;
  private readonly insertDeleted: Statement<unknown[]>;
  private readonly insert: Statement<unknown[]>;

  constructor(db: Db) {
    this.byObjectId = db.prepare(`SELECT id FROM identities WHERE object_id = ?`);
    this.byUpn = db.prepare(`SELECT id FROM identities WHERE upn = ? COLLATE NOCASE AND kind = 'user' ORDER BY object_id IS NULL LIMIT 1`);
    this.insertIdentity = db.prepare(`INSERT INTO identities (kind, object_id, upn, app_id, display_name) VALUES (?, ?, ?, ?, ?)`);
    this.insertDeleted = db.prepare(`INSERT INTO identities (kind, object_id, display_name, deleted) VALUES ('unknown', ?, ?, 1)`);
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO role_assignments (system, assignment_id, principal_object_id, identity_id, principal_name, principal_type,
         role_name, role_definition_id, scope, scope_level, state, start_time, end_time, member_type, file_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Returns false when the same assignment was already in the engagement. */
  write(r: RoleAssignmentRecord, fileId: number): boolean {
    const oid = r.principalObjectId?.toLowerCase() ?? null;
    let identityId: number | null = null;
    const type = (r.principalType ?? '').toLowerCase();
    if (oid) {
      identityId = this.byObjectId.get(oid)?.id ?? null;
      if (identityId == null && type === 'unknown') {
        // Azure names a deleted principal "Unknown": it becomes an identity of its own, marked deleted.
        identityId = Number(this.insertDeleted.run(oid, r.principalName).lastInsertRowid);
      } else if (identityId == null && (type === 'user' || type === 'serviceprincipal')) {
        const isSp = type === 'serviceprincipal';
        // `az role assignment list` names a service principal by its app id.
        const appId = isSp && r.principalName && GUID.test(r.principalName) ? r.principalName.toLowerCase() : null;
        // A user's principal name is a UPN only when it looks like one; otherwise it is a display name.
        const upn = !isSp && r.principalName?.includes('@') ? r.principalName : null;
        const displayName = appId || upn ? null : r.principalName;
        identityId = Number(this.insertIdentity.run(isSp ? 'service_principal' : 'user', oid, upn, appId, displayName).lastInsertRowid);
      }
    } else if (r.principalName?.includes('@')) {
      // Exports without object ids (PIM) still name the user: attach the assignment when the user is known.
      identityId = this.byUpn.get(r.principalName)?.id ?? null;
    }
    const info = this.insert.run(
      r.system,
      r.assignmentId,
      oid,
      identityId,
      r.principalName,
      r.principalType,
      r.roleName,
      r.roleDefinitionId,
      r.scope,
      scopeLevel(r.system, r.scope),
      r.state,
      r.start,
      r.end,
      r.memberType,
      fileId,
    );
    return info.changes > 0;
  }
}
