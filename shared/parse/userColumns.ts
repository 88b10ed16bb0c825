import type { UserRecord } from '../domain/records';
import { scalarOrNull } from './cells';
import type { ColumnPicker, HeaderIndex } from './headers';
import { picker } from './headers';
import { parseBool, parseTimestamp, isoFromMs, type DateOrder } from './values';

/**
 * "Download users" CSV: the documented names, the names seen in a real 2021 file, Graph names, and
 * the display labels of the new "Download users (Preview)" export (formats.md §8.1).
 */
export const USER_COLUMNS = {
  upn: ['userprincipalname', 'user principal name'],
  displayName: ['displayname', 'display name', 'name'],
  objectId: ['id', 'objectid', 'object id'],
  userType: ['usertype', 'user type'],
  accountEnabled: ['accountenabled', 'account enabled', 'block sign in'],
  mail: ['mail', 'email'],
  jobTitle: ['jobtitle', 'job title'],
  department: ['department'],
  createdAt: ['createddatetime', 'creation time', 'created date time', 'created date', 'created on', 'creation date'],
  creationType: ['creationtype', 'creation type'],
  onPremisesSync: ['directorysynced', 'onpremisessyncenabled', 'on-premises sync enabled', 'directory synced', 'on-premises sync', 'on premises sync enabled'],
} as const satisfies Record<string, readonly string[]>;

type Field = keyof typeof USER_COLUMNS;

export const KNOWN_USER_HEADERS: ReadonlySet<string> = new Set([
  ...Object.values(USER_COLUMNS).flat(),
  'surname',
  'givenname',
  'usagelocation',
  'streetaddress',
  'state',
  'country',
  'officelocation',
  'physicaldeliveryofficename',
  'city',
  'postalcode',
  'telephonenumber',
  'mobile',
  'mobilephone',
  'authenticationalternativephonenumber',
  'authenticationemail',
  'alternateemailaddress',
  'agegroup',
  'consentprovidedforminor',
  'legalagegroupclassification',
  'companyname',
  'invitationstate',
  'identityissuer',
  // The same columns as the preview export labels them.
  'given name',
  'usage location',
  'street address',
  'office location',
  'postal code',
  'telephone number',
  'business phone',
  'mobile phone',
  'alternate email address',
  'age group',
  'consent provided for minor',
  'legal age group classification',
  'company name',
  'invitation state',
  'identity issuer',
]);

export type UserMapResult = { ok: true; record: UserRecord } | { ok: false; reason: string };

export function userMapper(index: HeaderIndex): {
  map: (row: readonly string[], order: DateOrder) => UserMapResult;
  createdPicker: ColumnPicker | null;
} {
  const pick = {} as Record<Field, ColumnPicker | null>;
  for (const [field, aliases] of Object.entries(USER_COLUMNS) as [Field, readonly string[]][]) {
    pick[field] = picker(index, aliases);
  }
  const get = (field: Field, row: readonly string[]): string | null => {
    const p = pick[field];
    // The preview export writes complex properties as JSON in one cell: never keep such a cell as text.
    return p ? scalarOrNull(p(row)) : null;
  };
  // "Block sign in" (new portal label) is the inverse of accountEnabled.
  const blockColumn = index.positions.has('block sign in') && !index.positions.has('accountenabled');
  const map = (row: readonly string[], order: DateOrder): UserMapResult => {
    const objectId = get('objectId', row)?.toLowerCase() ?? null;
    const upn = get('upn', row);
    if (!objectId && !upn) return { ok: false, reason: 'neither an object id nor a user principal name' };
    if (objectId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u.test(objectId)) {
      return { ok: false, reason: `object id "${objectId}" is not a GUID` };
    }
    const enabled = parseBool(get('accountEnabled', row));
    const created = get('createdAt', row);
    return {
      ok: true,
      record: {
        objectId,
        upn,
        displayName: get('displayName', row),
        userType: get('userType', row)?.toLowerCase() ?? null,
        accountEnabled: enabled == null ? null : blockColumn ? !enabled : enabled,
        mail: get('mail', row),
        jobTitle: get('jobTitle', row),
        department: get('department', row),
        createdAt: isoFromMs(parseTimestamp(created, order)),
        creationType: get('creationType', row),
        onPremisesSync: parseBool(get('onPremisesSync', row)),
      },
    };
  };
  return { map, createdPicker: pick.createdAt };
}
