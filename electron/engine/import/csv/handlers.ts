import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { SignInCategory } from '../../../../shared/domain/vocabulary';
import type { HeaderIndex } from '../../../../shared/parse/headers';
import { KNOWN_LA_HEADERS, logAnalyticsSignInMapper } from '../../../../shared/parse/logAnalyticsColumns';
import { KNOWN_PORTAL_SIGNIN_HEADERS, portalSignInMapper, type SignInMapResult } from '../../../../shared/parse/signinColumns';
import { KNOWN_USER_HEADERS, userMapper } from '../../../../shared/parse/userColumns';
import type { DateOrder } from '../../../../shared/parse/values';
import type { Db } from '../../db/open';
import { IdentityResolver } from '../../store/identityResolver';
import { SignInWriter } from '../../store/signInWriter';

export type RowOutcome = { status: 'imported'; timeMs: number | null } | { status: 'duplicate' } | { status: 'rejected'; reason: string };

export interface RowHandler {
  /** Normalised header names the handler understands; the rest are reported as not imported. */
  known: ReadonlySet<string>;
  /** Reads the cell whose date format decides day-first vs month-first for the file. */
  dateCell: ((row: readonly string[]) => string | undefined) | null;
  handle(row: readonly string[], line: number, order: DateOrder): RowOutcome;
  /** What counts as a duplicate, for the warning ("sign-ins", "users"). */
  noun: string;
  /** Warnings known from the header alone. */
  warnings: string[];
  /** Warnings known once every row has been seen. */
  finalWarnings(): string[];
}

const SIGNIN_CATEGORY: Partial<Record<ImportKind, SignInCategory>> = {
  'signins.portal.interactive.csv': 'interactive',
  'signins.portal.non_interactive.csv': 'non_interactive',
  'signins.portal.service_principal.csv': 'service_principal',
  'signins.portal.managed_identity.csv': 'managed_identity',
  'signins.loganalytics.interactive.csv': 'interactive',
  'signins.loganalytics.non_interactive.csv': 'non_interactive',
  'signins.loganalytics.service_principal.csv': 'service_principal',
  'signins.loganalytics.managed_identity.csv': 'managed_identity',
};

export function rowHandler(kind: ImportKind, index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const resolver = new IdentityResolver(db);
  const category = SIGNIN_CATEGORY[kind];
  if (category) {
    const logAnalytics = kind.startsWith('signins.loganalytics.');
    const warnings: string[] = [];
    let mapper: { map: (row: readonly string[], order: DateOrder) => SignInMapResult; timePicker: ((row: readonly string[]) => string | undefined) | null };
    if (logAnalytics) {
      const la = logAnalyticsSignInMapper(index, category);
      if (la.localTime) {
        warnings.push('Times are in the exporting browser\'s local time ("[Local Time]" columns) and were read as UTC; hours of day may be shifted. Export with the UTC display setting to avoid this.');
      }
      mapper = la;
    } else {
      mapper = portalSignInMapper(index, category);
    }
    const { map, timePicker } = mapper;
    const writer = new SignInWriter(db);
    let unattributed = 0;
    return {
      known: logAnalytics ? KNOWN_LA_HEADERS : KNOWN_PORTAL_SIGNIN_HEADERS,
      dateCell: timePicker,
      noun: 'sign-ins',
      warnings,
      finalWarnings: () =>
        unattributed > 0
          ? [`${unattributed.toLocaleString('en-US')} sign-ins name no ${category === 'interactive' || category === 'non_interactive' ? 'user (no user id or username)' : 'service principal'}; they count in the coverage but belong to no identity.`]
          : [],
      handle(row, line, order) {
        const mapped = map(row, order);
        if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
        const identityId = resolver.forSignIn(mapped.record);
        // Kept, so coverage and dates stay true, but counted: it cannot be attributed to anyone.
        if (identityId == null) unattributed++;
        return writer.write(mapped.record, identityId, fileId, line)
          ? { status: 'imported', timeMs: mapped.record.timeMs }
          : { status: 'duplicate' };
      },
    };
  }
  if (kind === 'users.portal.csv') {
    const { map, createdPicker } = userMapper(index);
    return {
      known: KNOWN_USER_HEADERS,
      dateCell: createdPicker,
      noun: 'users',
      warnings: [],
      finalWarnings: () => [],
      handle(row, _line, order) {
        const mapped = map(row, order);
        if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
        resolver.upsertUser(mapped.record, fileId);
        return { status: 'imported', timeMs: null };
      },
    };
  }
  throw new Error(`no row handler for ${kind}`);
}
