import type { MfaRegistrationRecord, UserRecord } from '../../domain/records';
import { bool, isGuid, isoTime, lower, obj, prop, str, strings, type JsonObject } from './value';

/**
 * Graph `user` objects (formats.md §8.1) and `userRegistrationDetails` (§8.2), from Graph pages,
 * EntraExporter's one-object files or the PowerShell SDK.
 */

export type UserMapResult = { ok: true; record: UserRecord } | { ok: false; reason: string };
export type MfaMapResult = { ok: true; record: MfaRegistrationRecord } | { ok: false; reason: string };

function identity(o: JsonObject): { ok: true; objectId: string | null; upn: string | null } | { ok: false; reason: string } {
  const objectId = lower(o, 'id');
  const upn = str(o, 'userprincipalname');
  if (!objectId && !upn) return { ok: false, reason: 'neither an id nor a userPrincipalName' };
  if (objectId && !isGuid(objectId)) return { ok: false, reason: `id "${objectId}" is not a GUID` };
  return { ok: true, objectId, upn };
}

export function mapJsonUser(o: JsonObject): UserMapResult {
  const id = identity(o);
  if (!id.ok) return id;
  const activity = obj(o, 'signinactivity');
  return {
    ok: true,
    record: {
      objectId: id.objectId,
      upn: id.upn,
      displayName: str(o, 'displayname'),
      userType: lower(o, 'usertype'),
      accountEnabled: bool(o, 'accountenabled'),
      mail: str(o, 'mail'),
      jobTitle: str(o, 'jobtitle'),
      department: str(o, 'department'),
      createdAt: isoTime(o, 'createddatetime'),
      creationType: str(o, 'creationtype'),
      onPremisesSync: bool(o, 'onpremisessyncenabled'),
      // Present only when the export selected signInActivity (needs Entra ID P1).
      lastSignIn: isoTime(activity, 'lastsignindatetime'),
      lastNonInteractiveSignIn: isoTime(activity, 'lastnoninteractivesignindatetime'),
      lastSuccessfulSignIn: isoTime(activity, 'lastsuccessfulsignindatetime'),
    },
  };
}

export function mapJsonMfaRegistration(o: JsonObject): MfaMapResult {
  const id = identity(o);
  if (!id.ok) return id;
  return {
    ok: true,
    record: {
      userObjectId: id.objectId,
      upn: id.upn,
      displayName: str(o, 'userdisplayname') ?? str(o, 'displayname'),
      isMfaCapable: bool(o, 'ismfacapable'),
      isMfaRegistered: bool(o, 'ismfaregistered'),
      isPasswordlessCapable: bool(o, 'ispasswordlesscapable'),
      isAdmin: bool(o, 'isadmin'),
      // Not exported, or a .NET type name instead of the list (PowerShell depth): unknown, not none.
      methods: Array.isArray(prop(o, 'methodsregistered')) ? strings(o, 'methodsregistered') : null,
      defaultMethod: defaultMethod(o),
      lastUpdated: isoTime(o, 'lastupdateddatetime'),
    },
  };
}

/** v1.0 names the user's preferred method; older beta exports call it defaultMfaMethod. "none" means no choice. */
function defaultMethod(o: JsonObject): string | null {
  const m = str(o, 'userpreferredmethodforsecondaryauthentication') ?? str(o, 'defaultmfamethod');
  return m == null || m.toLowerCase() === 'none' ? null : m;
}
