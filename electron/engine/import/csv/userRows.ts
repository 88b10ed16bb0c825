import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { HeaderIndex } from '../../../../shared/parse/headers';
import { KNOWN_USER_ACTIVITY_HEADERS, userActivityMapper } from '../../../../shared/parse/userActivity';
import { KNOWN_USER_HEADERS, userMapper } from '../../../../shared/parse/userColumns';
import type { Db } from '../../db/open';
import { IdentityResolver } from '../../store/identityResolver';
import type { RowHandler } from './handlers';

/** The portal's "Download users" CSV, old (property names) and new preview (display labels, complex cells as JSON). */
export function userRows(kind: ImportKind, index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const resolver = new IdentityResolver(db);
  const { map, createdPicker } = userMapper(index);
  const activity = kind === 'users.portal.preview.csv' ? userActivityMapper(index) : null;
  return {
    known: activity ? new Set([...KNOWN_USER_HEADERS, ...KNOWN_USER_ACTIVITY_HEADERS]) : KNOWN_USER_HEADERS,
    dateCell: createdPicker,
    noun: 'users',
    warnings: [],
    finalWarnings: () => [],
    handle(row, _line, order) {
      const mapped = map(row, order);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      const seen = activity?.(row, order);
      resolver.upsertUser(
        seen ? { ...mapped.record, lastSignIn: seen.lastInteractive, lastNonInteractiveSignIn: seen.lastNonInteractive, lastSuccessfulSignIn: seen.lastSuccessful } : mapped.record,
        fileId,
      );
      return { status: 'imported', timeMs: null };
    },
  };
}
