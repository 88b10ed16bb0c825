import { entraRoleName } from '../../catalogue/entraRoles';
import type { RoleAssignmentRecord } from '../../domain/records';
import { odataTypeName } from './directory';
import { has, isoTime, lower, obj, prop, str, type JsonObject } from './value';

/**
 * Role assignments (formats.md §6, §7): Azure RBAC from `az role assignment list` (camelCase) or the
 * portal's IAM download / Get-AzRoleAssignment (PSRoleAssignment, PascalCase), and Entra directory
 * roles from Graph roleAssignments and the PIM schedule endpoints.
 */
export type RoleMapResult = { ok: true; record: RoleAssignmentRecord; unknownRole: boolean } | { ok: false; reason: string };

const first = (o: JsonObject, names: readonly string[]): string | null => {
  for (const n of names) {
    const v = str(o, n);
    if (v != null) return v;
  }
  return null;
};

/** The GUID at the end of an ARM role definition id (`/subscriptions/…/roleDefinitions/<guid>`), or the id itself. */
function lastSegment(id: string | null): string | null {
  if (!id) return null;
  const parts = id.split('/').filter(Boolean);
  return (parts[parts.length - 1] ?? id).toLowerCase();
}

/**
 * One Azure RBAC assignment, whichever tool wrote it. `az` names the principal `principalId` and
 * (for service principals) puts the appId in `principalName`; PSRoleAssignment says `ObjectId`,
 * `SignInName` (users) and `DisplayName`. ARM ids are case-insensitive, so the assignment id is
 * lower-cased: the same assignment from two tools is then counted once.
 */
export function mapAzureRoleAssignment(o: JsonObject): RoleMapResult {
  const roleName = first(o, ['roledefinitionname', 'rolename']);
  if (!roleName) return { ok: false, reason: 'no roleDefinitionName (only `az role assignment list` fills it; `create` output does not)' };
  const scope = str(o, 'scope');
  if (!scope) return { ok: false, reason: 'no scope' };
  const type = first(o, ['principaltype', 'objecttype']);
  return {
    ok: true,
    unknownRole: false,
    record: {
      system: 'azure',
      assignmentId: first(o, ['roleassignmentid', 'id'])?.toLowerCase() ?? null,
      principalObjectId: first(o, ['principalid', 'objectid'])?.toLowerCase() ?? null,
      principalName: first(o, ['principalname', 'signinname', 'displayname']),
      principalType: type,
      roleName,
      roleDefinitionId: lastSegment(str(o, 'roledefinitionid')),
      scope,
      state: 'active',
      start: null,
      end: null,
      memberType: null,
    },
  };
}

const PRINCIPAL_TYPES: Record<string, string> = { user: 'User', serviceprincipal: 'ServicePrincipal', group: 'Group', device: 'Device' };

/**
 * The principal of an Entra assignment. With `$expand=principal`, a `null` principal means the
 * object was deleted (kept as type Unknown, like Azure's deleted principals); without the
 * expansion the type is simply not known.
 */
function principalOf(o: JsonObject): { type: string | null; name: string | null } {
  if (!has(o, 'principal')) return { type: null, name: null };
  const p = obj(o, 'principal');
  if (!p) return { type: prop(o, 'principal') === null ? 'Unknown' : null, name: null };
  const t = odataTypeName(p)?.toLowerCase();
  return {
    type: t ? (PRINCIPAL_TYPES[t] ?? odataTypeName(p)) : null,
    name: str(p, 'userprincipalname') ?? str(p, 'displayname'),
  };
}

function entraBase(o: JsonObject): { ok: true; base: Omit<RoleAssignmentRecord, 'state' | 'start' | 'end' | 'memberType'>; unknownRole: boolean } | { ok: false; reason: string } {
  const roleDefinitionId = lower(o, 'roledefinitionid');
  const expanded = str(obj(o, 'roledefinition'), 'displayname');
  const known = expanded ?? entraRoleName(roleDefinitionId);
  if (!roleDefinitionId && !known) return { ok: false, reason: 'no roleDefinitionId' };
  const principalObjectId = lower(o, 'principalid');
  if (!principalObjectId) return { ok: false, reason: 'no principalId' };
  const principal = principalOf(o);
  return {
    ok: true,
    unknownRole: known == null,
    base: {
      system: 'entra',
      assignmentId: str(o, 'id'),
      principalObjectId,
      principalName: principal.name,
      principalType: principal.type,
      roleName: known ?? `Unknown role ${roleDefinitionId ?? ''}`.trim(),
      roleDefinitionId,
      // "/" is the whole tenant; an administrative unit or a single object narrows it.
      scope: str(o, 'directoryscopeid') ?? '/',
    },
  };
}

/** Graph `/roleManagement/directory/roleAssignments`: what is active now. */
export function mapEntraRoleAssignment(o: JsonObject): RoleMapResult {
  const b = entraBase(o);
  if (!b.ok) return b;
  return { ok: true, unknownRole: b.unknownRole, record: { ...b.base, state: 'active', start: null, end: null, memberType: null } };
}

export type ScheduleState = 'eligible' | 'active';

/** Eligible or active, from the object's own type or its properties (a file may mix both). */
export function scheduleStateOf(o: JsonObject): ScheduleState | null {
  const t = odataTypeName(o)?.toLowerCase() ?? '';
  if (t.startsWith('unifiedroleeligibility')) return 'eligible';
  if (t.startsWith('unifiedroleassignment')) return 'active';
  if (has(o, 'roleeligibilityscheduleid')) return 'eligible';
  if (has(o, 'assignmenttype') || has(o, 'roleassignmentoriginid') || has(o, 'roleassignmentscheduleid')) return 'active';
  return null;
}

const NOT_IN_FORCE = new Set(['revoked', 'canceled', 'cancelled', 'denied', 'failed']);

/**
 * PIM schedules and their instances. `startDateTime`/`endDateTime` sit on instances and inside
 * `scheduleInfo` (with `expiration`) on schedules; a missing end, or `noExpiration`, is permanent.
 * `hint` is the state the file's @odata.context names, used when the object does not say.
 */
export function mapEntraRoleSchedule(o: JsonObject, hint: ScheduleState | null): RoleMapResult {
  const state = scheduleStateOf(o) ?? hint;
  if (!state) return { ok: false, reason: 'cannot tell an eligible schedule from an active one (no @odata.type or assignmentType)' };
  const status = str(o, 'status');
  if (status && NOT_IN_FORCE.has(status.toLowerCase())) return { ok: false, reason: `status ${status}: not an assignment in force` };
  const b = entraBase(o);
  if (!b.ok) return b;
  const info = obj(o, 'scheduleinfo');
  const expiration = obj(info, 'expiration');
  const permanent = str(expiration, 'type')?.toLowerCase() === 'noexpiration';
  return {
    ok: true,
    unknownRole: b.unknownRole,
    record: {
      ...b.base,
      state,
      start: isoTime(o, 'startdatetime') ?? isoTime(info, 'startdatetime'),
      end: permanent ? null : (isoTime(o, 'enddatetime') ?? isoTime(expiration, 'enddatetime')),
      memberType: str(o, 'membertype'),
    },
  };
}
