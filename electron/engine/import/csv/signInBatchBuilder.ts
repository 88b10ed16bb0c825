import type { Rejection } from '../../../../shared/contract/dto';
import type { SignInRecord } from '../../../../shared/domain/records';
import { detach } from '../../../../shared/parse/detach';
import type { SignInScalars } from '../../../../shared/parse/signinColumns';
import { cellValue, rowFields, type CellChunk } from '../csvTokenizer';
import { CellGroupCache } from './cellGroupCache';
import { GROUP_FIELDS, groupKey, groupValue } from '../../../../shared/parse/signInFields';
import type { SignInCsvMapper } from '../../../../shared/parse/signInMappers';
import type { DateOrder } from '../../../../shared/parse/values';
import { CATEGORY_CODES, FIXED_SLOTS, MAX_LOCAL_VALUES, ROWS_PER_BATCH, WRITER_GROUPS, type SignInBatch } from './signInParserProtocol';

const SLOTS = FIXED_SLOTS + GROUP_FIELDS.length;
const PARSER_GROUPS = GROUP_FIELDS.map((_, g) => g).filter((g) => !WRITER_GROUPS.includes(g));
/**
 * Builds batches on the parser thread: value groups get local ids here (each distinct combination
 * crosses to the writer once, as the JSON it is stored as), so the writer only maps ids and inserts;
 * the WRITER_GROUPS are left to the writer, which has the rows' chunks. Ids are looked up by the
 * group's cells first (CellGroupCache): a combination of cells seen before costs one lookup, and
 * only a new one is mapped (mapper.map), which is what most of the parsing time went to. Of the
 * other cells, only those the row's own columns come from are cut out.
 */
export class SignInBatchBuilder {
  /** One map per group: a one-value group is keyed by the value itself, no key to build. */
  private ids = GROUP_FIELDS.map(() => new Map<string, number>());
  /** The same ids by the cells they were mapped from (several cell spellings may map to one value). */
  private readonly byCells: CellGroupCache;
  private readonly scalars: SignInScalars = { requestId: '', timeMs: 0, correlationId: null, asn: null, errorCode: null };
  /** A row with only the cells `scalars` reads filled in. */
  private readonly cells: string[];
  private readonly category: number;
  private idsHeld = 0;
  private nextId = 0;
  private resetPending = false;
  private firstNewId = 0;
  private newValues: string[] = [];
  private numbers = new Float64Array(ROWS_PER_BATCH * SLOTS);
  private chunks: { chunk: CellChunk; order: DateOrder }[] = [];
  private rows = 0;
  rejections: Rejection[] = [];

  constructor(
    private readonly mapper: SignInCsvMapper,
    width: number,
  ) {
    this.category = CATEGORY_CODES.indexOf(mapper.category);
    this.byCells = new CellGroupCache(mapper.groupColumns);
    this.cells = new Array<string>(width).fill('');
  }

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

  /** Adds row `r` of a chunk (a row of the header's width), or its rejection. */
  add(c: CellChunk, r: number, order: DateOrder): void {
    const base = c.rowCell[r] as number;
    const line = c.line[r] as number;
    const cells = this.cells;
    for (const col of this.mapper.scalarColumns) cells[col] = cellValue(c, base + col);
    const s = this.scalars;
    const reason = this.mapper.scalars(cells, order, s);
    if (reason != null) {
      this.rejections.push({ line, reason });
      return;
    }
    if (this.rows * SLOTS >= this.numbers.length) {
      const bigger = new Float64Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    const o = this.rows * SLOTS;
    const n = this.numbers;
    n[o] = this.category;
    n[o + 1] = s.timeMs;
    n[o + 2] = s.asn ?? Number.NaN;
    n[o + 3] = s.errorCode ?? Number.NaN;
    n[o + 4] = line;
    if (this.chunks.at(-1)?.chunk !== c) this.chunks.push({ chunk: c, order });
    n[o + 5] = this.chunks.length - 1;
    n[o + 6] = r;
    for (const g of WRITER_GROUPS) n[o + FIXED_SLOTS + g] = -1;
    let record: SignInRecord | null = null;
    for (const g of PARSER_GROUPS) {
      let id = this.byCells.find(g, c, base);
      if (id === undefined) {
        record ??= this.record(rowFields(c, r), order);
        id = this.id(record, g);
        this.byCells.remember(g, id);
      }
      n[o + FIXED_SLOTS + g] = id;
    }
    this.rows++;
  }

  private record(fields: readonly string[], order: DateOrder): SignInRecord {
    const mapped = this.mapper.map(fields, order);
    if (!mapped.ok) throw new Error(`A sign-in row was both kept and rejected (${mapped.reason}).`);
    return mapped.record;
  }

  /** Hands the batch over (its number buffer is transferred) and starts the next one. */
  take(rowsRead: number, bytes: number, raw: Uint8Array[]): SignInBatch {
    const batch: SignInBatch = {
      type: 'batch',
      reset: this.resetPending,
      firstNewId: this.firstNewId,
      newValues: this.newValues,
      numbers: this.numbers.subarray(0, this.rows * SLOTS).slice(),
      chunks: this.chunks,
      rows: this.rows,
      rejections: this.rejections,
      rowsRead,
      bytes,
      raw,
    };
    this.resetPending = false;
    // Start afresh between batches once the dictionary is large: memory stays flat on files with
    // endless distinct values; the writer forgets its ids when it sees `reset`.
    if (this.idsHeld + this.byCells.size > MAX_LOCAL_VALUES) {
      this.ids = GROUP_FIELDS.map(() => new Map<string, number>());
      this.byCells.clear();
      this.idsHeld = 0;
      this.resetPending = true;
    }
    this.firstNewId = this.nextId;
    this.newValues = [];
    this.chunks = [];
    this.rows = 0;
    this.rejections = [];
    return batch;
  }
}

export const BATCH_SLOTS = SLOTS;
