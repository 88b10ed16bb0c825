import type { HeaderIndex } from '../../../../shared/parse/headers';
import { KNOWN_MFA_HEADERS, mfaMapper } from '../../../../shared/parse/mfaColumns';
import type { Db } from '../../db/open';
import { MfaWriter } from '../../store/mfaWriter';
import type { RowHandler } from './handlers';

/** The portal's "User registration details" download, or the Graph report exported to CSV. */
export function mfaRows(index: HeaderIndex, db: Db, fileId: number): RowHandler {
  const { map, datePicker } = mfaMapper(index);
  const writer = new MfaWriter(db);
  let methodsLost = 0;
  const warnings: string[] = [];
  if (!index.positions.has('mfa capable') && !index.positions.has('ismfacapable')) {
    warnings.push('The file has no "MFA Capable" column: whether these users can complete MFA is unknown, not "no".');
  }
  return {
    known: KNOWN_MFA_HEADERS,
    dateCell: datePicker,
    noun: 'users',
    warnings,
    finalWarnings: () =>
      methodsLost > 0
        ? [
            `"Methods registered" holds a PowerShell type name instead of the methods for ${methodsLost.toLocaleString('en-US')} users ` +
              '(Export-Csv cannot write lists): their registered methods are unknown, not none. Export with ConvertTo-Json -Depth 10 instead.',
          ]
        : [],
    handle(row, _line, order) {
      const mapped = map(row, order);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      if (mapped.methodsLost) methodsLost++;
      return writer.write(mapped.record, fileId) == null
        ? { status: 'rejected', reason: 'names no user' }
        : { status: 'imported', timeMs: null };
    },
  };
}
