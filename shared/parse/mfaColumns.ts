import type { MfaRegistrationRecord } from '../domain/records';
import { isPowerShellTypeName, splitList } from './cells';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker } from './headers';
import { emptyToNull, isoFromMs, parseBool, parseTimestamp, type DateOrder } from './values';

/**
 * The portal's "User registration details" download (formats.md §8.2). Its CSV header is
 * unverified, so columns are matched by the list view's labels and by the Graph
 * `userRegistrationDetails` property names (which PowerShell's Export-Csv writes in PascalCase).
 */
export const MFA_COLUMNS = {
  upn: ['user principal name', 'userprincipalname', 'upn'],
  displayName: ['name', 'display name', 'userdisplayname', 'user display name', 'displayname'],
  objectId: ['object id', 'objectid', 'user id', 'userid', 'id'],
  isMfaCapable: ['mfa capable', 'ismfacapable', 'is mfa capable'],
  isMfaRegistered: ['mfa registered', 'ismfaregistered', 'is mfa registered'],
  isPasswordlessCapable: ['passwordless capable', 'ispasswordlesscapable', 'is passwordless capable'],
  isAdmin: ['admin', 'is admin', 'isadmin'],
  methods: ['methods registered', 'methodsregistered', 'registered methods'],
  defaultMethod: [
    'default method',
    'default mfa method',
    'userpreferredmethodforsecondaryauthentication',
    'user preferred method for secondary authentication',
    'user preferred mfa method',
  ],
  lastUpdated: ['last updated time', 'lastupdateddatetime', 'last updated', 'last updated date time'],
} as const satisfies Record<string, readonly string[]>;

type Field = keyof typeof MFA_COLUMNS;

/** Understood but not part of the canonical record (SSPR state does not decide MFA readiness). */
const OTHER_KNOWN = [
  'sspr registered',
  'sspr enabled',
  'sspr capable',
  'isssprregistered',
  'isssprenabled',
  'isssprcapable',
  'user type',
  'usertype',
  'issystempreferredauthenticationmethodenabled',
  'systempreferredauthenticationmethods',
  'system preferred authentication methods',
  'system preferred mfa enabled',
  'additionalproperties',
];

export const KNOWN_MFA_HEADERS: ReadonlySet<string> = new Set([...Object.values(MFA_COLUMNS).flat(), ...OTHER_KNOWN]);

export type MfaMapResult = { ok: true; record: MfaRegistrationRecord; methodsLost: boolean } | { ok: false; reason: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

export function mfaMapper(index: HeaderIndex): {
  map: (row: readonly string[], order: DateOrder) => MfaMapResult;
  datePicker: ColumnPicker | null;
} {
  const pick = {} as Record<Field, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(MFA_COLUMNS) as [Field, readonly string[]][]) pick[field] = picker(index, aliases);
  const get = (field: Field, row: readonly string[]): string | null => {
    const p = pick[field];
    return p ? emptyToNull(p(row)) : null;
  };
  const bool = (field: Field, row: readonly string[]): boolean | null => parseBool(get(field, row));
  const map = (row: readonly string[], order: DateOrder): MfaMapResult => {
    const upn = get('upn', row);
    const rawId = get('objectId', row)?.toLowerCase() ?? null;
    // An id that is not a GUID is some other column's value, not a user's object id.
    const objectId = rawId && GUID.test(rawId) ? rawId : null;
    if (!upn && !objectId) return { ok: false, reason: 'neither a user principal name nor an object id' };
    const rawMethods = get('methods', row);
    const methodsLost = isPowerShellTypeName(rawMethods);
    return {
      ok: true,
      methodsLost,
      record: {
        userObjectId: objectId,
        upn,
        displayName: get('displayName', row),
        isMfaCapable: bool('isMfaCapable', row),
        isMfaRegistered: bool('isMfaRegistered', row),
        isPasswordlessCapable: bool('isPasswordlessCapable', row),
        isAdmin: bool('isAdmin', row),
        methods: methodsLost ? null : splitList(rawMethods),
        defaultMethod: get('defaultMethod', row),
        lastUpdated: isoFromMs(parseTimestamp(get('lastUpdated', row), order)),
      },
    };
  };
  return { map, datePicker: pick.lastUpdated };
}
