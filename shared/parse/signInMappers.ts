import type { ImportKind } from '../domain/importKinds';
import type { SignInCategory } from '../domain/vocabulary';
import type { ColumnPicker, HeaderIndex } from './headers';
import { KNOWN_LA_HEADERS, logAnalyticsSignInMapper } from './logAnalyticsColumns';
import { SIGNIN_VALUE_GROUPS } from './signInFields';
import { KNOWN_PORTAL_SIGNIN_HEADERS, portalSignInMapper, type SignInFieldColumns, type SignInMapResult, type SignInIds, type SignInRowMapping, type SignInScalars } from './signinColumns';
import type { DateOrder } from './values';

export const SIGNIN_CSV_CATEGORY: Partial<Record<ImportKind, SignInCategory>> = {
  'signins.portal.interactive.csv': 'interactive',
  'signins.portal.non_interactive.csv': 'non_interactive',
  'signins.portal.service_principal.csv': 'service_principal',
  'signins.portal.managed_identity.csv': 'managed_identity',
  'signins.loganalytics.interactive.csv': 'interactive',
  'signins.loganalytics.non_interactive.csv': 'non_interactive',
  'signins.loganalytics.service_principal.csv': 'service_principal',
  'signins.loganalytics.managed_identity.csv': 'managed_identity',
};

export interface SignInCsvMapper {
  category: SignInCategory;
  map: (row: readonly string[], order: DateOrder) => SignInMapResult;
  /** The row's own columns without the value groups: null when it is kept, else the reason `map` rejects it. */
  scalars: (row: readonly string[], order: DateOrder, out: SignInScalars) => string | null;
  /** Per value group (SIGNIN_VALUE_GROUPS order), the cells its combination is a function of. */
  groupColumns: readonly (readonly number[])[];
  /** The only cells `scalars` reads. */
  scalarColumns: readonly number[];
  /** The request and correlation ids of a row `scalars` keeps, as it gives them; reads only `idColumns`. */
  ids: (row: readonly string[]) => SignInIds;
  idColumns: readonly number[];
  /** The cells `timePicker` reads. */
  timeColumns: readonly number[];
  timePicker: ColumnPicker | null;
  known: ReadonlySet<string>;
  /** Warnings known from the header alone. */
  warnings: string[];
  /** Times are the exporter's local time ("[Local Time]" columns), not UTC. */
  localTime: boolean;
}

/** The row mapper for a sign-in CSV kind (portal download or Log Analytics export). */
export function signInCsvMapper(kind: ImportKind, index: HeaderIndex): SignInCsvMapper {
  const category = SIGNIN_CSV_CATEGORY[kind];
  if (!category) throw new Error(`${kind} is not a sign-in CSV kind`);
  if (kind.startsWith('signins.loganalytics.')) {
    const la = logAnalyticsSignInMapper(index, category);
    return { category, ...rowMapping(la), known: KNOWN_LA_HEADERS, warnings: [], localTime: la.localTime };
  }
  return { category, ...rowMapping(portalSignInMapper(index, category)), known: KNOWN_PORTAL_SIGNIN_HEADERS, warnings: [], localTime: false };
}

function rowMapping(m: SignInRowMapping): Omit<SignInCsvMapper, 'category' | 'known' | 'warnings' | 'localTime'> {
  const { fieldColumns, ...rest } = m;
  return { ...rest, groupColumns: groupColumns(fieldColumns) };
}

function groupColumns(fields: SignInFieldColumns): number[][] {
  return SIGNIN_VALUE_GROUPS.map((g) => [...new Set(g.fields.flatMap(([f]) => fields[f]))]);
}

export function unattributedWarning(category: SignInCategory, count: number): string[] {
  if (count === 0) return [];
  const who = category === 'interactive' || category === 'non_interactive' ? 'user (no user id or username)' : 'service principal';
  return [`${count.toLocaleString('en-US')} sign-ins name no ${who}; they count in the coverage but belong to no identity.`];
}

export const LOCAL_TIME_WARNING =
  'Times are in the exporting browser\'s local time ("[Local Time]" columns) and were read as UTC; hours of day may be shifted. Export with the UTC display setting to avoid this.';
