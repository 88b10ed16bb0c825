import type { CredentialRecord, DirectoryObjectRecord, OwnerRecord, PermissionRecord } from '../../domain/records';
import { arr, bool, isGuid, isoTime, isTypeNameStub, lower, objects, prop, str, strings, type JsonObject, type JsonValue } from './value';

/**
 * Graph `application` and `servicePrincipal` objects (formats.md §4, §5), as `GET /applications`
 * (optionally `$expand=owners`, with federatedIdentityCredentials merged in), `GET /servicePrincipals`
 * (optionally `$expand=owners,appRoleAssignments`), EntraExporter's one-object files, or the
 * Graph PowerShell SDK's PascalCase objects.
 */

/** An application permission granted to a service principal, named by the resource's object id. */
export interface GrantRef {
  resourceObjectId: string;
  appRoleId: string;
}

export type DirectoryMapResult = { ok: true; record: DirectoryObjectRecord; grants: GrantRef[] } | { ok: false; reason: string };

const HEX = '0123456789ABCDEF';

function hexOf(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += HEX.charAt((b >> 4) & 15) + HEX.charAt(b & 15);
  return out;
}

/**
 * A certificate's SHA-1 thumbprint from its customKeyIdentifier, which defaults to the thumbprint:
 * Graph writes it as base64 (Edm.Binary), PowerShell as a byte array. Anything that is not 20 bytes
 * is some other identifier the owner chose, so it is not passed off as a thumbprint.
 */
export function thumbprintOf(v: JsonValue | undefined): string | null {
  if (Array.isArray(v)) {
    const bytes = v.filter((b): b is number => typeof b === 'number' && b >= 0 && b <= 255);
    return bytes.length === 20 && bytes.length === v.length ? hexOf(bytes) : null;
  }
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (/^[0-9a-f]{40}$/iu.test(t)) return t.toUpperCase();
  if (!/^[A-Za-z0-9+/]{27}=$/u.test(t)) return null;
  const raw = atob(t);
  return raw.length === 20 ? hexOf(Array.from(raw, (c) => c.charCodeAt(0))) : null;
}

function credentials(o: JsonObject): CredentialRecord[] {
  const out: CredentialRecord[] = [];
  const base = { hint: null, thumbprint: null, issuer: null, subject: null, audiences: [] };
  for (const p of objects(o, 'passwordcredentials')) {
    out.push({ ...base, type: 'password', keyId: lower(p, 'keyid'), displayName: str(p, 'displayname'), start: isoTime(p, 'startdatetime'), end: isoTime(p, 'enddatetime'), hint: str(p, 'hint') });
  }
  for (const k of objects(o, 'keycredentials')) {
    out.push({
      ...base,
      type: 'certificate',
      keyId: lower(k, 'keyid'),
      displayName: str(k, 'displayname'),
      start: isoTime(k, 'startdatetime'),
      end: isoTime(k, 'enddatetime'),
      thumbprint: thumbprintOf(prop(k, 'customkeyidentifier')),
    });
  }
  for (const f of objects(o, 'federatedidentitycredentials')) {
    out.push({
      ...base,
      type: 'federated',
      keyId: lower(f, 'id'),
      displayName: str(f, 'name'),
      start: null,
      end: null,
      issuer: str(f, 'issuer'),
      subject: str(f, 'subject'),
      audiences: strings(f, 'audiences'),
    });
  }
  return out;
}

/** `#microsoft.graph.user` → `user`. */
export function odataTypeName(o: JsonObject | null): string | null {
  const t = str(o, '@odata.type');
  return t ? t.replace(/^#?microsoft\.graph\./iu, '') : null;
}

function owners(o: JsonObject): OwnerRecord[] {
  const out: OwnerRecord[] = [];
  for (const w of objects(o, 'owners')) {
    const objectId = lower(w, 'id');
    if (!isGuid(objectId)) continue;
    out.push({ objectId, upn: str(w, 'userprincipalname'), displayName: str(w, 'displayname'), type: odataTypeName(w) });
  }
  return out;
}

function requiredPermissions(o: JsonObject): PermissionRecord[] {
  const out: PermissionRecord[] = [];
  for (const r of objects(o, 'requiredresourceaccess')) {
    const resourceAppId = lower(r, 'resourceappid');
    if (!resourceAppId) continue;
    for (const a of objects(r, 'resourceaccess')) {
      const permissionId = lower(a, 'id');
      const type = str(a, 'type')?.toLowerCase();
      if (permissionId && (type === 'role' || type === 'scope')) {
        out.push({ resourceAppId, permissionId, type: type === 'role' ? 'Role' : 'Scope', source: 'required' });
      }
    }
  }
  return out;
}

function grants(o: JsonObject): GrantRef[] {
  const out: GrantRef[] = [];
  for (const g of objects(o, 'approleassignments')) {
    const resourceObjectId = lower(g, 'resourceid');
    const appRoleId = lower(g, 'approleid');
    // The all-zero app role is "default access" (no permission), not an application permission.
    if (resourceObjectId && appRoleId && appRoleId !== '00000000-0000-0000-0000-000000000000') out.push({ resourceObjectId, appRoleId });
  }
  return out;
}

/**
 * Managed identities name their kind and Azure resource in alternativeNames: `isExplicit=True`
 * (user-assigned) or `isExplicit=False` (system-assigned) plus the ARM resource id. The order of the
 * entries is not guaranteed, so they are searched, never indexed (formats.md §5).
 */
export function managedIdentityOf(o: JsonObject): { msiType: 'systemAssigned' | 'userAssigned' | null; msiResourceId: string | null } {
  let msiType: 'systemAssigned' | 'userAssigned' | null = null;
  let msiResourceId: string | null = null;
  for (const name of strings(o, 'alternativenames')) {
    const explicit = /^isExplicit=(true|false)$/iu.exec(name);
    if (explicit) msiType = explicit[1]?.toLowerCase() === 'true' ? 'userAssigned' : 'systemAssigned';
    else if (/^\/subscriptions\//iu.test(name) && msiResourceId == null) msiResourceId = name;
  }
  if (msiType == null && msiResourceId != null) {
    msiType = /\/providers\/microsoft\.managedidentity\/userassignedidentities\//iu.test(msiResourceId) ? 'userAssigned' : 'systemAssigned';
  }
  return { msiType, msiResourceId };
}

/** PowerShell's ConvertTo-Json depth turns credential lists into type names: unknown, not none. */
function credentialsKnown(o: JsonObject): boolean {
  return !['passwordcredentials', 'keycredentials', 'federatedidentitycredentials'].some((k) => isTypeNameStub(prop(o, k)));
}

function common(o: JsonObject): { ok: true; objectId: string } | { ok: false; reason: string } {
  const objectId = lower(o, 'id');
  if (!objectId) return { ok: false, reason: 'no id (object id)' };
  if (!isGuid(objectId)) return { ok: false, reason: `id "${objectId}" is not a GUID` };
  return { ok: true, objectId };
}

export function mapJsonApplication(o: JsonObject): DirectoryMapResult {
  const id = common(o);
  if (!id.ok) return id;
  return {
    ok: true,
    grants: [],
    record: {
      kind: 'application',
      objectId: id.objectId,
      appId: lower(o, 'appid'),
      displayName: str(o, 'displayname'),
      spType: null,
      appOwnerOrgId: null,
      signInAudience: str(o, 'signinaudience'),
      accountEnabled: null,
      createdAt: isoTime(o, 'createddatetime'),
      description: str(o, 'description') ?? str(o, 'notes'),
      msiType: null,
      msiResourceId: null,
      tags: strings(o, 'tags'),
      credentialsKnown: credentialsKnown(o),
      credentials: credentials(o),
      owners: owners(o),
      permissions: requiredPermissions(o),
    },
  };
}

export function mapJsonServicePrincipal(o: JsonObject): DirectoryMapResult {
  const id = common(o);
  if (!id.ok) return id;
  const spType = str(o, 'serviceprincipaltype');
  const mi = managedIdentityOf(o);
  const isMi = spType?.toLowerCase() === 'managedidentity' || (spType == null && mi.msiType != null);
  return {
    ok: true,
    grants: grants(o),
    record: {
      kind: 'service_principal',
      objectId: id.objectId,
      appId: lower(o, 'appid'),
      displayName: str(o, 'displayname') ?? str(o, 'appdisplayname'),
      spType: spType ?? (isMi ? 'ManagedIdentity' : null),
      appOwnerOrgId: lower(o, 'appownerorganizationid'),
      signInAudience: str(o, 'signinaudience'),
      accountEnabled: bool(o, 'accountenabled'),
      createdAt: isoTime(o, 'createddatetime'),
      description: str(o, 'description') ?? str(o, 'appdescription') ?? str(o, 'notes'),
      msiType: isMi ? mi.msiType : null,
      msiResourceId: isMi ? mi.msiResourceId : null,
      tags: strings(o, 'tags'),
      credentialsKnown: credentialsKnown(o),
      credentials: credentials(o),
      owners: owners(o),
      permissions: [],
    },
  };
}

/** True when the object looks like an application registration rather than a service principal. */
export function looksLikeApplication(o: JsonObject): boolean {
  return (
    prop(o, 'appid') !== undefined &&
    prop(o, 'serviceprincipaltype') === undefined &&
    ['requiredresourceaccess', 'identifieruris', 'publisherdomain', 'web', 'spa', 'publicclient', 'federatedidentitycredentials'].some(
      (k) => prop(o, k) !== undefined,
    )
  );
}

export function looksLikeServicePrincipal(o: JsonObject): boolean {
  return (
    prop(o, 'serviceprincipaltype') !== undefined ||
    (prop(o, 'appid') !== undefined && (arr(o, 'serviceprincipalnames').length > 0 || prop(o, 'appownerorganizationid') !== undefined))
  );
}
