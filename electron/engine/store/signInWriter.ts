import type { Statement } from 'better-sqlite3';
import type { SignInRecord } from '../../../shared/domain/records';
import { GROUP_FIELDS, groupKey, groupValue, SIGNIN_VALUE_GROUPS } from '../../../shared/parse/signInFields';
import type { Db } from '../db/open';
import { ValueDictionary } from './valueDictionary';

const FIXED = ['request_id', 'category', 'time_ms', 'identity_id', 'correlation_id', 'asn', 'error_code', 'file_id', 'line'];
/** The columns every sign-in insert binds, in order: the fixed ones, then one id per value group. */
export const SIGNIN_COLUMNS = [...FIXED, ...SIGNIN_VALUE_GROUPS.map((g) => `${g.column}_ref`)];

/** Inserts sign-ins keyed by request id: an event already present (overlapping exports) is not counted twice. */
export class SignInWriter {
  private readonly insert: Statement<unknown[]>;
  private readonly values: ValueDictionary;
  private readonly row: unknown[] = new Array(SIGNIN_COLUMNS.length);

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO signins (${SIGNIN_COLUMNS.join(', ')}) VALUES (${SIGNIN_COLUMNS.map(() => '?').join(', ')})`);
    this.values = new ValueDictionary(db);
  }

  /**
   * Writes a sign-in whose value groups are already ids (the parallel CSV path): `refs` holds one
   * `signin_values` id or null per SIGNIN_VALUE_GROUPS entry, in that order.
   */
  writeRefs(
    requestId: string,
    category: string,
    timeMs: number,
    identityId: number | null,
    correlationId: string | null,
    asn: number | null,
    errorCode: number | null,
    fileId: number,
    line: number,
    refs: readonly (number | null)[],
  ): boolean {
    const row = this.row;
    row[0] = requestId;
    row[1] = category;
    row[2] = timeMs;
    row[3] = identityId;
    row[4] = correlationId;
    row[5] = asn;
    row[6] = errorCode;
    row[7] = fileId;
    row[8] = line;
    for (let i = 0; i < refs.length; i++) row[FIXED.length + i] = refs[i];
    return this.insert.run(row).changes > 0;
  }

  /** The dictionary this writer uses (the parallel path resolves values through it). */
  get dictionary(): ValueDictionary {
    return this.values;
  }

  /** Returns false when the request id was already in the engagement. */
  write(r: SignInRecord, identityId: number | null, fileId: number, line: number): boolean {
    const row = this.row;
    row[0] = r.requestId;
    row[1] = r.category;
    row[2] = r.timeMs;
    row[3] = identityId;
    row[4] = r.correlationId;
    row[5] = r.asn;
    row[6] = r.errorCode;
    row[7] = fileId;
    row[8] = line;
    for (let i = 0; i < GROUP_FIELDS.length; i++) {
      const fields = GROUP_FIELDS[i] as (typeof GROUP_FIELDS)[number];
      const key = groupKey(r, fields);
      row[FIXED.length + i] = key == null ? null : this.values.idByKey(key, () => groupValue(r, fields));
    }
    return this.insert.run(row).changes > 0;
  }
}
