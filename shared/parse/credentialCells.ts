import type { CredentialRecord, PermissionRecord } from '../domain/records';
import { isRecord, parseJsonCell, prop, propText } from './cells';
import { isoFromMs, parseTimestamp, type DateOrder } from './values';

/**
 * Credentials and permissions an exporter kept as JSON in a CSV cell (for example
 * `@{n='PasswordCredentials';e={$_.PasswordCredentials | ConvertTo-Json -Compress}}`). Property
 * names are matched case-insensitively: Graph writes camelCase, PowerShell PascalCase.
 */

/** ConvertTo-Json in Windows PowerShell writes a one-element array as the bare object. */
function objects(raw: string | undefined | null): Record<string, unknown>[] | null {
  const json = parseJsonCell(raw);
  if (Array.isArray(json)) return json.filter(isRecord);
  if (isRecord(json)) return [json];
  return null;
}

const date = (obj: Record<string, unknown>, order: DateOrder, ...names: string[]): string | null =>
  isoFromMs(parseTimestamp(propText(obj, ...names), order));

const keyIdOf = (obj: Record<string, unknown>): string | null => propText(obj, 'keyId')?.toLowerCase() ?? null;

/** Graph gives customKeyIdentifier as base64, the PowerShell SDK as a byte array; a certificate's defaults to its SHA-1 thumbprint. */
function thumbprint(v: unknown): string | null {
  let bytes: number[] | null = null;
  if (Array.isArray(v) && v.every((b) => typeof b === 'number' && b >= 0 && b < 256)) {
    bytes = v as number[];
  } else if (typeof v === 'string' && /^[A-Za-z0-9+/]+={0,2}$/u.test(v.trim())) {
    try {
      bytes = [...atob(v.trim())].map((c) => c.charCodeAt(0));
    } catch {
      bytes = null;
    }
  }
  // Only a 20-byte (SHA-1) or 32-byte (SHA-256) value is a thumbprint; anything else is a custom label.
  if (!bytes || (bytes.length !== 20 && bytes.length !== 32)) return null;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

const base = (type: CredentialRecord['type']): CredentialRecord => ({
  type,
  keyId: null,
  displayName: null,
  start: null,
  end: null,
  hint: null,
  thumbprint: null,
  issuer: null,
  subject: null,
  audiences: [],
});

/** Client secrets; null when the cell holds no JSON (empty, a type name, or plain text). */
export function passwordCredentialsFromCell(raw: string | undefined | null, order: DateOrder): CredentialRecord[] | null {
  const list = objects(raw);
  return list?.map((o) => ({
    ...base('password'),
    keyId: keyIdOf(o),
    displayName: propText(o, 'displayName'),
    start: date(o, order, 'startDateTime', 'startDate'),
    end: date(o, order, 'endDateTime', 'endDate'),
    hint: propText(o, 'hint'),
  })) ?? null;
}

/** Certificates. A `Symmetric` key is a shared secret, so it is recorded as a password credential. */
export function keyCredentialsFromCell(raw: string | undefined | null, order: DateOrder): CredentialRecord[] | null {
  const list = objects(raw);
  return list?.map((o) => ({
    ...base(propText(o, 'type')?.toLowerCase() === 'symmetric' ? 'password' : 'certificate'),
    keyId: keyIdOf(o),
    displayName: propText(o, 'displayName'),
    start: date(o, order, 'startDateTime', 'startDate'),
    end: date(o, order, 'endDateTime', 'endDate'),
    thumbprint: thumbprint(prop(o, 'customKeyIdentifier')),
  })) ?? null;
}

export function federatedCredentialsFromCell(raw: string | undefined | null): CredentialRecord[] | null {
  const list = objects(raw);
  return list?.map((o) => {
    const audiences = prop(o, 'audiences');
    return {
      ...base('federated'),
      keyId: propText(o, 'id')?.toLowerCase() ?? null,
      displayName: propText(o, 'name', 'displayName'),
      issuer: propText(o, 'issuer'),
      subject: propText(o, 'subject'),
      audiences: Array.isArray(audiences) ? audiences.filter((a): a is string => typeof a === 'string') : [],
    };
  }) ?? null;
}

/** An application's requiredResourceAccess: [{resourceAppId, resourceAccess: [{id, type}]}]. */
export function requiredPermissionsFromCell(raw: string | undefined | null): PermissionRecord[] | null {
  const list = objects(raw);
  if (!list) return null;
  const out: PermissionRecord[] = [];
  for (const r of list) {
    const resourceAppId = propText(r, 'resourceAppId');
    const access = prop(r, 'resourceAccess');
    if (!resourceAppId || !Array.isArray(access)) continue;
    for (const a of access.filter(isRecord)) {
      const id = propText(a, 'id');
      const type = propText(a, 'type');
      if (id && (type === 'Role' || type === 'Scope')) out.push({ resourceAppId, permissionId: id, type, source: 'required' });
    }
  }
  return out;
}
