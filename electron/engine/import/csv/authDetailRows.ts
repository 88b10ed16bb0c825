import type { HeaderIndex } from '../../../../shared/parse/headers';
import { authDetailMapper, KNOWN_AUTH_DETAIL_HEADERS, StepCounter } from '../../../../shared/parse/authDetailColumns';
import type { Db } from '../../db/open';
import { AuthDetailWriter } from '../../store/authDetailWriter';
import type { RowHandler } from './handlers';

/** The portal's `_AuthDetails_` companion: one row per authentication step, joined to its sign-in by Request ID. */
export function authDetailRows(index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const { map, datePicker } = authDetailMapper(index);
  const writer = new AuthDetailWriter(db);
  const steps = new StepCounter();
  return {
    known: KNOWN_AUTH_DETAIL_HEADERS,
    dateCell: datePicker,
    noun: 'authentication steps',
    warnings: [],
    finalWarnings: () => [],
    handle(row, _line, order) {
      const mapped = map(row, order);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      const record = { ...mapped.record, step: steps.next(mapped.record.requestId) };
      return writer.write(record, fileId) ? { status: 'imported', timeMs: mapped.timeMs } : { status: 'duplicate' };
    },
  };
}
