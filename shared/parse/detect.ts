import type { ImportKind } from '../domain/importKinds';
import type { HeaderIndex } from './headers';
import { hasAll } from './headers';
import { detectAppCsv, detectRoleCsv } from './detectDirectoryCsv';
import { LA_TABLES } from './logAnalyticsColumns';

export type Detection =
  | { status: 'detected'; kind: ImportKind; because: string }
  /** Recognised, but its kind cannot be decided from the content alone. */
  | { status: 'ambiguous'; candidates: ImportKind[]; message: string }
  /** Recognised as a real export this version does not import yet. */
  | { status: 'unsupported'; looksLike: string }
  | { status: 'unknown'; looksLike: string };

/** Columns only the registration details export has (portal labels and Graph property names). */
const MFA_MARKERS = ['mfa capable', 'ismfacapable', 'methods registered', 'methodsregistered', 'ismfaregistered', 'passwordless capable'];

const base = (fileName: string): string => fileName.replace(/^.*[\\/]/u, '').toLowerCase();

/**
 * Decides the export kind of a delimited text file from its header, using the file name only as a
 * hint, except for interactive vs non-interactive portal sign-ins, whose headers are identical.
 */
export function detectCsvKind(index: HeaderIndex, fileName: string, firstRow?: readonly string[]): Detection {
  const name = base(fileName);
  const has = (...cols: string[]): boolean => hasAll(index, cols);
  const signInDate = has('date (utc)') || has('date');

  // The companion holds steps, not sign-ins: it must be told apart before the sign-in rules see its Request ID.
  const stepColumn = ['authentication method', 'succeeded', 'requirement', 'result detail'].some((c) => has(c));
  if (has('request id') && stepColumn && (name.includes('authdetails') || (has('authentication method', 'succeeded') && !has('username')))) {
    return { status: 'detected', kind: 'signins.portal.authdetails.csv', because: 'Request ID with authentication step columns (the "_AuthDetails_" companion)' };
  }
  if (signInDate && has('request id', 'service principal id')) {
    if (/msisignins|managedidentity/u.test(name)) {
      return { status: 'detected', kind: 'signins.portal.managed_identity.csv', because: 'service principal columns; file name says managed identity' };
    }
    if (has('managed identity type') && !has('username')) {
      return { status: 'detected', kind: 'signins.portal.managed_identity.csv', because: 'service principal columns with "Managed Identity type"' };
    }
    return { status: 'detected', kind: 'signins.portal.service_principal.csv', because: 'service principal columns without user columns' };
  }
  if (signInDate && has('request id') && (has('username') || has('user id'))) {
    if (name.includes('noninteractive') || name.includes('non-interactive') || name.includes('non_interactive')) {
      return { status: 'detected', kind: 'signins.portal.non_interactive.csv', because: 'user sign-in columns; file name says non-interactive' };
    }
    if (name.includes('interactive')) {
      return { status: 'detected', kind: 'signins.portal.interactive.csv', because: 'user sign-in columns; file name says interactive' };
    }
    return {
      status: 'ambiguous',
      candidates: ['signins.portal.interactive.csv', 'signins.portal.non_interactive.csv'],
      message:
        'This is an Entra portal user sign-in CSV, but its name does not say whether it holds interactive or non-interactive ' +
        'sign-ins (the portal writes the same columns for both, and guessing would skew every verdict). Rename it to start with ' +
        '"InteractiveSignIns_" or "NonInteractiveSignIns_", or choose its kind (CLI: --kind "<file>=signins.portal.non_interactive.csv").',
    };
  }
  // Registration details name users too: their MFA columns must win over the users rules.
  const userColumn = ['user principal name', 'userprincipalname', 'id', 'object id', 'user id'].some((c) => has(c));
  if (userColumn && MFA_MARKERS.some((m) => has(m))) {
    return { status: 'detected', kind: 'mfa.portal.csv', because: 'user principal name with MFA registration columns (MFA Capable, Methods registered…)' };
  }
  if (has('userprincipalname', 'displayname') && (has('id') || has('objectid')) && !has('request id')) {
    return { status: 'detected', kind: 'users.portal.csv', because: 'userPrincipalName, displayName and id columns' };
  }
  if (has('type') && (has('timegenerated [utc]') || has('timegenerated [local time]') || has('timegenerated'))) {
    return detectLogAnalytics(index, name, firstRow);
  }
  const directory = detectRoleCsv(index, name, firstRow) ?? detectAppCsv(index, name);
  if (directory) return directory;
  // After the role rules: a role download may also label its principals "User principal name" and "Object ID".
  if (has('user principal name') && (has('object id') || has('id')) && (has('display name') || has('name'))) {
    return { status: 'detected', kind: 'users.portal.preview.csv', because: 'User principal name, Display name and Object ID labels (Download users preview)' };
  }
  if (MFA_MARKERS.some((m) => has(m))) {
    return { status: 'unknown', looksLike: 'an MFA registration export without a user principal name or id column, so its rows cannot be matched to users' };
  }
  const preview = index.names.slice(0, 6).join(', ');
  return {
    status: 'unknown',
    looksLike: `a table whose first columns are: ${preview}${index.names.length > 6 ? ', …' : ''} (${index.names.length} columns)`,
  };
}

const LA_KINDS: Record<string, ImportKind> = {
  interactive: 'signins.loganalytics.interactive.csv',
  non_interactive: 'signins.loganalytics.non_interactive.csv',
  service_principal: 'signins.loganalytics.service_principal.csv',
  managed_identity: 'signins.loganalytics.managed_identity.csv',
};

/** Log Analytics names its table in the `Type` column of every row; the header alone cannot tell SP from MI. */
function detectLogAnalytics(index: HeaderIndex, name: string, firstRow: readonly string[] | undefined): Detection {
  const typeCol = index.positions.get('type')?.[0];
  const table = typeCol != null ? firstRow?.[typeCol]?.trim().toLowerCase() : undefined;
  const category = table ? LA_TABLES[table] : undefined;
  if (category) {
    return { status: 'detected', kind: LA_KINDS[category] as ImportKind, because: `Log Analytics export of the ${firstRow?.[typeCol as number] ?? ''} table` };
  }
  if (table) return { status: 'unsupported', looksLike: `a Log Analytics export of the ${table} table` };
  for (const [t, c] of Object.entries(LA_TABLES)) {
    if (name.includes(t)) return { status: 'detected', kind: LA_KINDS[c] as ImportKind, because: `Log Analytics columns; file name names ${t}` };
  }
  return { status: 'unknown', looksLike: 'a Log Analytics export without rows, so its table cannot be told' };
}
