import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { SignInCategory } from '../../../../shared/domain/vocabulary';
import type { HeaderIndex } from '../../../../shared/parse/headers';
import { KNOWN_LA_HEADERS, logAnalyticsSignInMapper } from '../../../../shared/parse/logAnalyticsColumns';
import { KNOWN_PORTAL_SIGNIN_HEADERS, portalSignInMapper, type SignInMapResult } from '../../../../shared/parse/signinColumns';
import type { DateOrder } from '../../../../shared/parse/values';
import type { Db } from '../../db/open';
import { IdentityResolver } from '../../store/identityResolver';
import { SignInWriter } from '../../store/signInWriter';
import type { RowHandler } from './handlers';

export const SIGNIN_CATEGORY: Partial<Record<ImportKind, SignInCategory>> = {
  'signins.portal.interactive.csv': 'interactive',
  'signins.portal.non_interactive.csv': 'non_interactive',
  'signins.portal.service_principal.csv': 'service_principal',
  'signins.portal.managed_identity.csv': 'managed_identity',
  'signins.loganalytics.interactive.csv': 'interactive',
  'signins.loganalytics.non_interactive.csv': 'non_interactive',
  'signins.loganalytics.service_principal.csv': 'service_principal',
  'signins.loganalytics.managed_identity.csv': 'managed_identity',
};

/** Sign-ins from the portal's CSV downloads and from Log Analytics CSV exports. */
export function signInRows(kind: ImportKind, index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const category = SIGNIN_CATEGORY[kind];
  if (!category) throw new Error(`${kind} is not a sign-in kind`);
  const resolver = new IdentityResolver(db);
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
