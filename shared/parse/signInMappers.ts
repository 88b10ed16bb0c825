import type { ImportKind } from '../domain/importKinds';
import type { SignInCategory } from '../domain/vocabulary';
import type { ColumnPicker, HeaderIndex } from './headers';
import { KNOWN_LA_HEADERS, logAnalyticsSignInMapper } from './logAnalyticsColumns';
import { KNOWN_PORTAL_SIGNIN_HEADERS, portalSignInMapper, type SignInMapResult } from './signinColumns';
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
    return { category, map: la.map, timePicker: la.timePicker, known: KNOWN_LA_HEADERS, warnings: [], localTime: la.localTime };
  }
  const portal = portalSignInMapper(index, category);
  return { category, map: portal.map, timePicker: portal.timePicker, known: KNOWN_PORTAL_SIGNIN_HEADERS, warnings: [], localTime: false };
}

export function unattributedWarning(category: SignInCategory, count: number): string[] {
  if (count === 0) return [];
  const who = category === 'interactive' || category === 'non_interactive' ? 'user (no user id or username)' : 'service principal';
  return [`${count.toLocaleString('en-US')} sign-ins name no ${who}; they count in the coverage but belong to no identity.`];
}

export const LOCAL_TIME_WARNING =
  'Times are in the exporting browser\'s local time ("[Local Time]" columns) and were read as UTC; hours of day may be shifted. Export with the UTC display setting to avoid this.';
