import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { HeaderIndex } from '../../../../shared/parse/headers';
import { LOCAL_TIME_WARNING, signInCsvMapper, unattributedWarning } from '../../../../shared/parse/signInMappers';
import type { Db } from '../../db/open';
import { IdentityResolver } from '../../store/identityResolver';
import { SignInWriter } from '../../store/signInWriter';
import type { RowHandler } from './handlers';

/** Sign-ins from the portal's CSV downloads and from Log Analytics CSV exports, parsed on this thread. */
export function signInRows(kind: ImportKind, index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const mapper = signInCsvMapper(kind, index);
  const resolver = new IdentityResolver(db);
  const writer = new SignInWriter(db);
  let unattributed = 0;
  return {
    known: mapper.known,
    dateCell: mapper.timePicker,
    noun: 'sign-ins',
    warnings: mapper.warnings,
    headerFlags: mapper.localTime ? [{ code: 'local_time', message: LOCAL_TIME_WARNING }] : [],
    finalWarnings: () => unattributedWarning(mapper.category, unattributed),
    handle(row, line, order) {
      const mapped = mapper.map(row, order);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      const identityId = resolver.forSignIn(mapped.record);
      // Kept, so coverage and dates stay true, but counted: it cannot be attributed to anyone.
      if (identityId == null) unattributed++;
      return writer.write(mapped.record, identityId, fileId, line) ? { status: 'imported', timeMs: mapped.record.timeMs } : { status: 'duplicate' };
    },
  };
}
