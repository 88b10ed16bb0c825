import { isPrivilegedRole } from '../../../shared/catalogue/privilegedRoles';
import type { IdentityClass, IdentityKind } from '../../../shared/domain/vocabulary';
import { MACHINE_CLASSES } from '../../../shared/rules/rule';
import type { Db } from '../db/open';
import { roleAssignmentColumns, roleAssignmentFieldsOf, type RoleAssignmentFields, type RoleAssignmentRow } from './roleRows';
import { sqlFunction } from './sqlFunctions';

/** One Azure RBAC or Entra directory role assignment with its principal, as the Privileged Access sheet shows it. */
export interface RoleAssignmentSheetRow extends RoleAssignmentFields {
  /** By the catalogue of privileged roles, as the analysis marks a holding privileged. */
  privileged: boolean;
  principal: {
    identityId: number | null;
    objectId: string | null;
    /** The identity's name, else the name the export gave the principal. */
    displayName: string | null;
    upn: string | null;
    appId: string | null;
    /** The identity's kind; null for a principal that is no identity (a group). */
    kind: IdentityKind | null;
    /** As the export names the principal's type (User, ServicePrincipal, Group, Unknown…). */
    type: string | null;
    cls: IdentityClass | null;
    machine: boolean;
    deleted: boolean;
  };
}

interface Row extends RoleAssignmentRow {
  principal_object_id: string | null;
  principal_name: string | null;
  principal_type: string | null;
  identity_id: number | null;
  kind: IdentityKind | null;
  display_name: string | null;
  upn: string | null;
  app_id: string | null;
  deleted: number | null;
  cls: IdentityClass | null;
  privileged: number;
  machine: number;
}

const MACHINE_SQL = [...MACHINE_CLASSES].map((c) => `'${c}'`).join(', ');

/**
 * Every role assignment, streamed: privileged roles first, held by machine identities (service
 * principals, managed identities, service accounts) first within them, then by role and principal.
 */
export function iterateRoleAssignments(db: Db): IterableIterator<RoleAssignmentSheetRow> {
  sqlFunction(db, 'nhi_privileged_role', (system: 'azure' | 'entra', id: string | null, name: string | null) => (isPrivilegedRole(system, id, name) ? 1 : 0));
  const rows = db
    .prepare(
      `SELECT ${roleAssignmentColumns('ra')}, ra.principal_object_id, ra.principal_name, ra.principal_type, i.id AS identity_id, i.kind, i.display_name, i.upn, i.app_id,
              i.deleted, coalesce(c.override_class, c.class) AS cls,
              nhi_privileged_role(ra.system, ra.role_definition_id, ra.role_name) AS privileged,
              coalesce(c.override_class, c.class) IN (${MACHINE_SQL}) AS machine
         FROM role_assignments ra
         LEFT JOIN identities i ON i.id = ra.identity_id
         LEFT JOIN classifications c ON c.identity_id = i.id
        ORDER BY privileged DESC, machine DESC, ra.role_name COLLATE NOCASE,
                 coalesce(i.display_name, ra.principal_name, i.upn, i.app_id, ra.principal_object_id, '') COLLATE NOCASE, ra.scope, ra.id`,
    )
    .iterate() as IterableIterator<Row>;
  return (function* () {
    for (const r of rows) {
      yield {
        ...roleAssignmentFieldsOf(r),
        privileged: r.privileged === 1,
        principal: {
          identityId: r.identity_id,
          objectId: r.principal_object_id,
          displayName: r.display_name ?? r.principal_name,
          upn: r.upn,
          appId: r.app_id,
          kind: r.kind,
          type: r.principal_type,
          cls: r.cls,
          machine: r.machine === 1,
          // As deleted-principal-holds-roles reads it: a principal kept only because it still holds roles.
          deleted: r.deleted === 1 || r.kind === 'unknown',
        },
      };
    }
  })();
}
