import type { RoleAssignmentRecord } from '../domain/records';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker } from './headers';
import { emptyToNull, isoFromMs, parseTimestamp, type DateOrder } from './values';

/**
 * Role assignment CSVs (formats.md §6, §7): Azure RBAC from `Get-AzRoleAssignment | Export-Csv`
 * (PSRoleAssignment property names) or the portal's IAM download (its header is only partly
 * verified, so likely labels are accepted too); Entra directory roles from the portal's "Download
 * assignments" (unverified header) and from the PIM assignment export.
 */
export const AZURE_ROLE_COLUMNS = {
  assignmentId: ['roleassignmentid', 'role assignment id', 'roleassignmentname', 'role assignment name'],
  roleName: ['roledefinitionname', 'role definition name', 'role', 'role name'],
  roleDefinitionId: ['roledefinitionid', 'role definition id'],
  scope: ['scope'],
  signInName: ['signinname', 'sign-in name', 'sign in name', 'email'],
  displayName: ['displayname', 'display name', 'name', 'principal name'],
  objectId: ['objectid', 'object id', 'principal id', 'principalid'],
  objectType: ['objecttype', 'object type', 'type', 'principal type', 'principaltype'],
  condition: ['condition'],
} as const satisfies Record<string, readonly string[]>;

export const ENTRA_ROLE_COLUMNS = {
  assignmentId: ['assignment id', 'assignmentid'],
  roleName: ['role', 'role name', 'rolename', 'role definition name'],
  roleDefinitionId: ['role definition id', 'roledefinitionid', 'role id'],
  scope: ['scope', 'directory scope', 'directory scope id', 'directoryscopeid', 'resource scope'],
  principalName: ['principalname', 'principal name', 'user principal name', 'userprincipalname', 'sign-in name', 'name', 'display name'],
  objectId: ['object id', 'objectid', 'principal id', 'principalid', 'principal object id'],
  principalType: ['principal type', 'principaltype', 'type', 'object type'],
  state: ['assignment state', 'assignment type', 'state', 'assignmenttype'],
  start: ['assignment start time (utc)', 'start time', 'start date', 'start time (utc)', 'startdatetime', 'assignment start time'],
  end: ['assignment end time (utc)', 'end time', 'end date', 'end time (utc)', 'enddatetime', 'assignment end time'],
  memberType: ['member type', 'membertype', 'membership'],
} as const satisfies Record<string, readonly string[]>;

type AzureField = keyof typeof AZURE_ROLE_COLUMNS;
type EntraField = keyof typeof ENTRA_ROLE_COLUMNS;

export const KNOWN_AZURE_ROLE_HEADERS: ReadonlySet<string> = new Set([
  ...Object.values(AZURE_ROLE_COLUMNS).flat(),
  // Understood, not part of the canonical assignment.
  'candelegate',
  'description',
  'conditionversion',
]);
export const KNOWN_ENTRA_ROLE_HEADERS: ReadonlySet<string> = new Set([
  ...Object.values(ENTRA_ROLE_COLUMNS).flat(),
  // PIM export: the principal's display name and mail; not part of the canonical assignment.
  'user group name',
  'email',
]);

/** The columns only PowerShell's PSRoleAssignment writes: with all of them the file is not the portal download. */
export const POWERSHELL_ROLE_COLUMNS = ['roleassignmentname', 'roleassignmentid', 'candelegate', 'objecttype'];

export type RoleMapResult = { ok: true; record: RoleAssignmentRecord; conditional: boolean } | { ok: false; reason: string };

function pickers<F extends string>(index: HeaderIndex, columns: Record<F, readonly string[]>): (field: F, row: readonly string[]) => string | null {
  const pick = {} as Record<F, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(columns) as [F, readonly string[]][]) pick[field] = picker(index, aliases);
  return (field, row) => {
    const p = pick[field];
    return p ? emptyToNull(p(row)) : null;
  };
}

/** Blank ObjectType means the exporter could not read the directory, not a kind of principal. */
export function azureRoleMapper(index: HeaderIndex): (row: readonly string[]) => RoleMapResult {
  const get = pickers<AzureField>(index, AZURE_ROLE_COLUMNS);
  return (row) => {
    const roleName = get('roleName', row);
    const scope = get('scope', row);
    if (!roleName) return { ok: false, reason: 'no role name' };
    if (!scope) return { ok: false, reason: 'no scope' };
    const objectType = get('objectType', row);
    // Users are named by their sign-in name (UPN), everything else by display name.
    const principalName = (objectType?.toLowerCase() === 'user' ? get('signInName', row) : null) ?? get('displayName', row) ?? get('signInName', row);
    return {
      ok: true,
      conditional: get('condition', row) != null,
      record: {
        system: 'azure',
        assignmentId: get('assignmentId', row),
        principalObjectId: get('objectId', row)?.toLowerCase() ?? null,
        principalName,
        principalType: objectType,
        roleName,
        roleDefinitionId: get('roleDefinitionId', row),
        scope,
        state: 'active',
        start: null,
        end: null,
        memberType: null,
      },
    };
  };
}

/** End-date words meaning "no end". */
const NO_END = new Set(['permanent', 'never', 'no end', 'none', 'n/a', 'noexpiration', 'no expiration']);

/** The tenant as the portal and PIM name it; anything else (an administrative unit, an app) is kept as written. */
function entraScope(raw: string | null): string {
  if (!raw) return '/';
  const v = raw.trim().toLowerCase();
  return v === '/' || v === 'directory' || v === 'tenant' || v === 'organization' || v === 'tenant-wide' ? '/' : raw.trim();
}

/**
 * An Entra directory role assignment. `activeWhenBlank`: the portal's "Download assignments"
 * lists active assignments only, so a missing state there means active; in a PIM export it is an error.
 */
export function entraRoleMapper(
  index: HeaderIndex,
  activeWhenBlank: boolean,
): { map: (row: readonly string[], order: DateOrder) => RoleMapResult; datePicker: ColumnPicker | null } {
  const get = pickers<EntraField>(index, ENTRA_ROLE_COLUMNS);
  const time = (field: 'start' | 'end', row: readonly string[], order: DateOrder): { iso: string | null; bad: string | null } => {
    const v = get(field, row);
    if (v == null || NO_END.has(v.toLowerCase())) return { iso: null, bad: null };
    const iso = isoFromMs(parseTimestamp(v, order));
    return { iso, bad: iso ? null : v };
  };
  const map = (row: readonly string[], order: DateOrder): RoleMapResult => {
    const roleName = get('roleName', row);
    if (!roleName) return { ok: false, reason: 'no role name' };
    const rawState = get('state', row);
    const s = rawState?.toLowerCase() ?? '';
    let state: 'active' | 'eligible';
    if (s.startsWith('eligib')) state = 'eligible';
    else if (s.startsWith('activ') || s === 'assigned' || s === 'permanent' || (s === '' && activeWhenBlank)) state = 'active';
    else return { ok: false, reason: rawState ? `unknown assignment state "${rawState}"` : 'no assignment state' };
    const objectId = get('objectId', row)?.toLowerCase() ?? null;
    const principalName = get('principalName', row);
    if (!objectId && !principalName) return { ok: false, reason: 'no principal (neither an object id nor a name)' };
    const start = time('start', row, order);
    const end = time('end', row, order);
    if (start.bad) return { ok: false, reason: `unreadable start time "${start.bad}"` };
    if (end.bad) return { ok: false, reason: `unreadable end time "${end.bad}"` };
    return {
      ok: true,
      conditional: false,
      record: {
        system: 'entra',
        assignmentId: get('assignmentId', row),
        principalObjectId: objectId,
        principalName,
        principalType: get('principalType', row),
        roleName,
        roleDefinitionId: get('roleDefinitionId', row),
        scope: entraScope(get('scope', row)),
        state,
        start: start.iso,
        end: end.iso,
        memberType: get('memberType', row),
      },
    };
  };
  const startPicker = picker(index, ENTRA_ROLE_COLUMNS.start);
  return { map, datePicker: startPicker };
}
