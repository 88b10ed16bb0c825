import type { HeaderIndex } from '../../../../shared/parse/headers';
import { KNOWN_USER_HEADERS, userMapper } from '../../../../shared/parse/userColumns';
import type { Db } from '../../db/open';
import { IdentityResolver } from '../../store/identityResolver';
import type { RowHandler } from './handlers';

/** The portal's "Download users" CSV. */
export function userRows(index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const resolver = new IdentityResolver(db);
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
