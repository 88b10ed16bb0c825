/**
 * Entra "Users > Download users" CSV in the column set of the real 2021 file (formats.md section
 * 8.1): `id` rather than objectId, `directorySynced`, US-locale `createdDateTime`, True/False,
 * nothing quoted unless a value holds a comma or a quote, no formula escaping.
 */
import type { User } from '../model';
import { usDateTime } from '../time';
import { LineSink, quoteIfNeeded } from './lineSink';

export const USERS_HEADER: readonly string[] = [
  'userPrincipalName', 'displayName', 'surname', 'mail', 'givenName', 'id', 'userType', 'jobTitle', 'department', 'accountEnabled',
  'usageLocation', 'streetAddress', 'state', 'country', 'officeLocation', 'city', 'postalCode', 'telephoneNumber', 'mobilePhone',
  'alternateEmailAddress', 'ageGroup', 'consentProvidedForMinor', 'legalAgeGroupClassification', 'companyName', 'creationType',
  'directorySynced', 'invitationState', 'identityIssuer', 'createdDateTime',
];

function userFields(u: User): string[] {
  const o = u.office;
  return [
    u.upn, u.displayName, u.surname, u.mail, u.givenName, u.id, u.userType, u.jobTitle, u.department, u.accountEnabled ? 'True' : 'False',
    o?.usageLocation ?? '', o?.street ?? '', o?.place.state ?? '', o?.countryName ?? '', o?.label ?? '', o?.place.city ?? '', o?.postalCode ?? '',
    u.telephoneNumber, u.mobilePhone, u.alternateEmail, '', '', '', u.companyName, u.creationType,
    // Cloud-only accounts have onPremisesSyncEnabled = null, which the download leaves empty.
    u.directorySynced ? 'True' : '', u.invitationState, u.identityIssuer, usDateTime(u.createdMs),
  ];
}

/** Code-unit order of the lower-cased name: locale-independent, so every machine writes the same bytes. */
const byName = (a: User, b: User): number => {
  const x = a.displayName.toLowerCase();
  const y = b.displayName.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
};

export async function writeUsersCsv(path: string, users: readonly User[]): Promise<number> {
  const sink = LineSink.open(path);
  sink.header(USERS_HEADER.join(','));
  for (const u of [...users].sort(byName)) {
    if (sink.row(userFields(u).map(quoteIfNeeded).join(','))) await sink.flush();
  }
  await sink.close();
  return sink.rows;
}
