import type { RuleRoleAssignment } from '../../../shared/rules/rule';

/**
 * A `role_assignments` row as the queries read it. One column list and one mapping serve the
 * Privileged Access sheet and the detail panel, so an assignment reads the same in both.
 */
export interface RoleAssignmentRow {
  id: number;
  system: RuleRoleAssignment['system'];
  role_name: string;
  role_definition_id: string | null;
  scope: string;
  scope_level: string | null;
  state: RuleRoleAssignment['state'];
  start_time: string | null;
  end_time: string | null;
}

const COLUMNS = ['id', 'system', 'role_name', 'role_definition_id', 'scope', 'scope_level', 'state', 'start_time', 'end_time'] as const satisfies readonly (keyof RoleAssignmentRow)[];

/** The select list of a RoleAssignmentRow; `table` qualifies the columns in a join. */
export function roleAssignmentColumns(table?: string): string {
  return COLUMNS.map((c) => (table ? `${table}.${c}` : c)).join(', ');
}

/** What every view of a role assignment shows of it, named as the rules name it. */
export interface RoleAssignmentFields extends Pick<RuleRoleAssignment, 'system' | 'role' | 'roleDefinitionId' | 'scope' | 'scopeLevel' | 'state'> {
  id: number;
  start: string | null;
  end: string | null;
}

export function roleAssignmentFieldsOf(r: RoleAssignmentRow): RoleAssignmentFields {
  return {
    id: r.id,
    system: r.system,
    role: r.role_name,
    roleDefinitionId: r.role_definition_id,
    scope: r.scope,
    scopeLevel: r.scope_level,
    state: r.state,
    start: r.start_time,
    end: r.end_time,
  };
}
