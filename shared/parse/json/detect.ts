import { IMPORT_KINDS, type ImportKind } from '../../domain/importKinds';
import type { Detection } from '../detect';
import { looksLikeApplication, looksLikeServicePrincipal, odataTypeName } from './directory';
import type { ScheduleState } from './roles';
import { hasPascalCaseKeys } from './signIns';
import { has, isPowerShellDate, prop, type JsonObject } from './value';

/** Where the first record of a JSON input sat: this is all the shape detection needs. */
export type JsonContainer = 'array' | 'page' | 'ndjson' | 'object';

export interface JsonSample {
  /** null when the input held no object at all. */
  container: JsonContainer | null;
  /** The first `@odata.context` seen (a Graph page's, or the single object's own). */
  context: string | null;
  first: JsonObject | null;
  /** The first record's own keys as written (PascalCase tells PowerShell output apart). */
  firstKeys: readonly string[];
}

/** The JSON kinds are the ones whose id ends in `.json`: derived, so a new kind cannot be forgotten here. */
export const JSON_KINDS: ReadonlySet<ImportKind> = new Set<ImportKind>(IMPORT_KINDS.filter((k) => k.endsWith('.json')));

/**
 * The entity set an `@odata.context` names, lower-cased, without selections, keys or `$entity`:
 * `https://graph.microsoft.com/v1.0/$metadata#applications(owners())` → `applications`,
 * `…#users('42')/authentication/methods` → `users/authentication/methods`.
 */
export function contextEntity(context: string | null): string | null {
  if (!context) return null;
  const hash = context.indexOf('#');
  if (hash < 0) return null;
  let entity = context.slice(hash + 1);
  for (let prev = ''; prev !== entity; ) {
    prev = entity;
    entity = entity.replace(/\([^()]*\)/gu, '');
  }
  return entity.replace(/\/\$entity$/u, '').replace(/\/+$/u, '').toLowerCase();
}

const ENTITY_KINDS: Record<string, ImportKind | 'signins'> = {
  'auditlogs/signins': 'signins',
  applications: 'applications.graph.json',
  serviceprincipals: 'serviceprincipals.graph.json',
  users: 'users.graph.json',
  'reports/authenticationmethods/userregistrationdetails': 'mfa.graph.json',
  'rolemanagement/directory/roleassignments': 'entra.roles.graph.json',
  'rolemanagement/directory/roleeligibilityschedules': 'entra.roles.schedules.graph.json',
  'rolemanagement/directory/roleeligibilityscheduleinstances': 'entra.roles.schedules.graph.json',
  'rolemanagement/directory/roleassignmentschedules': 'entra.roles.schedules.graph.json',
  'rolemanagement/directory/roleassignmentscheduleinstances': 'entra.roles.schedules.graph.json',
};

/** Eligible or active, as the context names it (PIM schedule exports). */
export function scheduleHintFromContext(context: string | null): ScheduleState | null {
  const e = contextEntity(context) ?? '';
  if (e.startsWith('rolemanagement/directory/roleeligibility')) return 'eligible';
  if (e.startsWith('rolemanagement/directory/roleassignmentschedule')) return 'active';
  return null;
}

const TYPE_KINDS: Record<string, ImportKind | 'signins'> = {
  signin: 'signins',
  user: 'users.graph.json',
  application: 'applications.graph.json',
  serviceprincipal: 'serviceprincipals.graph.json',
  userregistrationdetails: 'mfa.graph.json',
  unifiedroleassignment: 'entra.roles.graph.json',
  unifiedroleeligibilityschedule: 'entra.roles.schedules.graph.json',
  unifiedroleeligibilityscheduleinstance: 'entra.roles.schedules.graph.json',
  unifiedroleassignmentschedule: 'entra.roles.schedules.graph.json',
  unifiedroleassignmentscheduleinstance: 'entra.roles.schedules.graph.json',
};

const all = (o: JsonObject, ...keys: string[]): boolean => keys.every((k) => has(o, k));
const any = (o: JsonObject, ...keys: string[]): boolean => keys.some((k) => has(o, k));

/** Recognisable exports this version does not import, by their properties. */
function unsupportedShape(o: JsonObject): string | null {
  if (all(o, 'activitydisplayname', 'loggedbyservice')) return 'Entra directory audit logs';
  if (all(o, 'clientid', 'consenttype', 'scope')) return 'delegated permission grants (oauth2PermissionGrants)';
  if (all(o, 'approleid', 'principalid', 'resourceid')) return 'app role assignments';
  if (all(o, 'securityenabled', 'mailenabled')) return 'groups';
  if (all(o, 'conditions', 'grantcontrols')) return 'Conditional Access policies';
  if (all(o, 'rolepermissions', 'istemplate') || all(o, 'rolepermissions', 'templateid')) return 'Entra role definitions';
  return null;
}

/** Which record kind an object's own properties prove (null: none of ours). */
function shapeKind(o: JsonObject): ImportKind | 'signins' | null {
  if (all(o, 'cloud', 'values') && isServiceTagList(prop(o, 'values'))) return 'azure.ipranges.json';
  if (all(o, 'createddatetime') && any(o, 'userprincipalname', 'userid', 'serviceprincipalid') && any(o, 'appid', 'appdisplayname')) {
    if (any(o, 'status', 'signineventtypes', 'clientappused', 'ipaddress', 'isinteractive', 'authenticationrequirement')) return 'signins';
  }
  if (any(o, 'ismfaregistered', 'ismfacapable', 'methodsregistered')) return 'mfa.graph.json';
  if (all(o, 'roledefinitionname', 'scope')) return has(o, 'principalid') && !has(o, 'objectid') ? 'azure.roles.az.json' : 'azure.roles.portal.json';
  if (all(o, 'principalid', 'roledefinitionid')) {
    if (any(o, 'scheduleinfo', 'membertype', 'startdatetime', 'assignmenttype', 'roleeligibilityscheduleid', 'roleassignmentoriginid')) {
      return 'entra.roles.schedules.graph.json';
    }
    if (any(o, 'directoryscopeid', 'appscopeid')) return 'entra.roles.graph.json';
  }
  if (looksLikeServicePrincipal(o)) return 'serviceprincipals.graph.json';
  if (looksLikeApplication(o)) return 'applications.graph.json';
  if (has(o, 'userprincipalname') && any(o, 'accountenabled', 'usertype', 'givenname', 'surname', 'mail', 'businessphones', 'jobtitle')) {
    return 'users.graph.json';
  }
  return null;
}

/** Microsoft's "Azure IP Ranges and Service Tags" download: `values` of tags with `properties.addressPrefixes`. */
function isServiceTagList(values: unknown): boolean {
  if (!Array.isArray(values) || values.length === 0) return false;
  const first: unknown = values[0];
  if (first == null || typeof first !== 'object') return false;
  const props = prop(first as JsonObject, 'properties');
  return props != null && typeof props === 'object' && Array.isArray(prop(props as JsonObject, 'addressprefixes'));
}

/** Portal download, Graph dump or PowerShell: the same sign-in objects, told apart by casing and container. */
function signInKind(s: JsonSample): ImportKind {
  if (hasPascalCaseKeys(s.firstKeys) || (s.first && isPowerShellDate(prop(s.first, 'createddatetime')))) return 'signins.powershell.json';
  if (s.container === 'array' && !s.context) return 'signins.portal.json';
  return 'signins.graph.json';
}

function describe(s: JsonSample): string {
  const where: Record<JsonContainer, string> = {
    array: 'a JSON array of objects',
    page: 'Graph-style JSON pages ({"value": [...]})',
    ndjson: 'JSON lines (one object per line)',
    object: 'a single JSON object',
  };
  const keys = s.firstKeys.slice(0, 8).join(', ');
  return `${s.container ? where[s.container] : 'JSON'} whose first object has the properties ${keys}${s.firstKeys.length > 8 ? ', …' : ''}`;
}

/**
 * Decides a JSON export's kind: the Graph `@odata.context` first (it names the entity set), then
 * the first object's `@odata.type`, then its characteristic properties. File names are not used.
 */
export function detectJsonKind(s: JsonSample): Detection {
  const entity = contextEntity(s.context);
  const byContext = entity ? ENTITY_KINDS[entity] : undefined;
  if (byContext) {
    const kind = byContext === 'signins' ? signInKind(s) : byContext;
    return { status: 'detected', kind, because: `@odata.context names ${entity}` };
  }
  const typeName = s.first ? odataTypeName(s.first) : null;
  const byType = typeName ? TYPE_KINDS[typeName.toLowerCase()] : undefined;
  if (byType) {
    return { status: 'detected', kind: byType === 'signins' ? signInKind(s) : byType, because: `@odata.type ${typeName ?? ''}` };
  }
  if (!s.first) {
    if (entity) return { status: 'unsupported', looksLike: `a Microsoft Graph export of ${entity} (without any object)` };
    return { status: 'unknown', looksLike: s.container ? 'JSON without any object in it (an empty export?)' : 'an empty JSON file' };
  }
  const byShape = shapeKind(s.first);
  if (byShape) {
    return { status: 'detected', kind: byShape === 'signins' ? signInKind(s) : byShape, because: 'the properties of its first object' };
  }
  if (entity) return { status: 'unsupported', looksLike: `a Microsoft Graph export of ${entity}` };
  if (typeName) return { status: 'unsupported', looksLike: `Microsoft Graph ${typeName} objects` };
  const other = unsupportedShape(s.first);
  if (other) return { status: 'unsupported', looksLike: `a JSON export of ${other}` };
  return { status: 'unknown', looksLike: describe(s) };
}

/**
 * NDJSON (one object per line) is told from a pretty-printed document by its first line: a
 * complete JSON object on its own, followed by another line that starts an object.
 */
export function looksLikeNdjson(head: string): boolean {
  const lines = head.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const nonEmpty = lines.map((l) => l.trim()).filter((l) => l !== '');
  const [line1, line2] = nonEmpty;
  if (!line1 || !line2 || !line1.startsWith('{') || !line2.startsWith('{')) return false;
  try {
    const v: unknown = JSON.parse(line1);
    return v != null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}
