import type { Rejection } from '../../../../shared/contract/dto';
import type { SignInRecord } from '../../../../shared/domain/records';
import { GROUP_FIELDS, groupKey, groupValue } from '../../../../shared/parse/signInFields';
import { CATEGORY_CODES, FIXED_SLOTS, MAX_LOCAL_VALUES, ROWS_PER_BATCH, type SignInBatch } from './signInParserProtocol';
import { detach } from '../../../../shared/parse/detach';

const SLOTS = FIXED_SLOTS + GROUP_FIELDS.length;
const FIELD = '\u001f';
const RECORD = '\u001e';
// eslint-disable-next-line no-control-regex -- the separators themselves must not occur in an id
const SEPARATORS = /[\u001e\u001f]/gu;

/**
 * Builds batches on the parser thread: value groups get local ids here (each distinct combination
 * crosses to the writer once, as the JSON it is stored as), so the writer only maps ids and inserts.
 */
export class SignInBatchBuilder {
  /** One map per group: a one-value group is keyed by the value itself, no key to build. */
  private ids = GROUP_FIELDS.map(() => new Map<string, number>());
  private idsHeld = 0;
  private nextId = 0;
  private resetPending = false;
  private firstNewId = 0;
  private newValues: string[] = [];
  private numbers = new Float64Array(ROWS_PER_BATCH * SLOTS);
  private strings: string[] = [];
  private rows = 0;
  rejections: Rejection[] = [];

  /** The local id of group `g`'s combination in `r` (-1 for none); a new one is queued for the writer. */
  private id(r: SignInRecord, g: number): number {
    const fields = GROUP_FIELDS[g] as (typeof GROUP_FIELDS)[number];
    const key = fields.length === 1 ? (r[fields[0] as keyof SignInRecord] as string | null) : groupKey(r, fields);
    if (key == null) return -1;
    const ids = this.ids[g] as Map<string, number>;
    let id = ids.get(key);
    if (id === undefined) {
      id = this.nextId++;
      ids.set(detach(key), id);
      this.idsHeld++;
      this.newValues.push(groupValue(r, fields));
    }
    return id;
  }

  get size(): number {
    return this.rows;
  }

  add(r: SignInRecord, line: number): void {
    if (this.rows * SLOTS >= this.numbers.length) {
      const bigger = new Float64Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    const o = this.rows * SLOTS;
    const n = this.numbers;
    n[o] = CATEGORY_CODES.indexOf(r.category);
    n[o + 1] = r.timeMs;
    n[o + 2] = r.asn ?? Number.NaN;
    n[o + 3] = r.errorCode ?? Number.NaN;
    n[o + 4] = line;
    for (let g = 0; g < GROUP_FIELDS.length; g++) n[o + FIXED_SLOTS + g] = this.id(r, g);
    // Detached: the parts are views into the CSV text, which would otherwise stay alive (and be
    // copied by every young-generation collection) until the batch is sent.
    this.strings.push(detach(`${r.requestId.replace(SEPARATORS, ' ')}${FIELD}${(r.correlationId ?? '').replace(SEPARATORS, ' ')}`));
    this.rows++;
  }

  /** Hands the batch over (its number buffer is transferred) and starts the next one. */
  take(rowsRead: number, bytes: number): SignInBatch {
    const batch: SignInBatch = {
      type: 'batch',
      reset: this.resetPending,
      firstNewId: this.firstNewId,
      newValues: this.newValues,
      numbers: this.numbers.subarray(0, this.rows * SLOTS).slice(),
      strings: this.strings.join(RECORD),
      rows: this.rows,
      rejections: this.rejections,
      rowsRead,
      bytes,
    };
    this.resetPending = false;
    // Start afresh between batches once the dictionary is large: memory stays flat on files with
    // endless distinct values; the writer forgets its ids when it sees `reset`.
    if (this.idsHeld > MAX_LOCAL_VALUES) {
      this.ids = GROUP_FIELDS.map(() => new Map<string, number>());
      this.idsHeld = 0;
      this.resetPending = true;
    }
    this.firstNewId = this.nextId;
    this.newValues = [];
    this.strings = [];
    this.rows = 0;
    this.rejections = [];
    return batch;
  }
}

export const BATCH_SLOTS = SLOTS;
export { FIELD as BATCH_FIELD, RECORD as BATCH_RECORD };
