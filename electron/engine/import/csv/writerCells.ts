import type { SignInRecord } from '../../../../shared/domain/records';
import type { SignInIds } from '../../../../shared/parse/signinColumns';
import { GROUP_FIELDS, groupKey, groupValue } from '../../../../shared/parse/signInFields';
import type { SignInCsvMapper } from '../../../../shared/parse/signInMappers';
import type { DateOrder } from '../../../../shared/parse/values';
import type { ValueDictionary } from '../../store/valueDictionary';
import { cellValue, rowFields, type CellChunk } from '../csvTokenizer';
import { CellGroupCache } from './cellGroupCache';
import { WRITER_GROUPS } from './signInParserProtocol';

/** Combinations remembered before the cache starts afresh, so memory stays flat. */
const MAX_REMEMBERED = 100_000;

/**
 * What the writer reads from a row's cells itself: the request and correlation ids, and its
 * share of the dictionary encoding (WRITER_GROUPS), straight to `signin_values` ids. As on the
 * parser, a combination of cells seen before costs one lookup and only a new one is mapped.
 */
export class WriterCells {
  private readonly cache: CellGroupCache;
  /** A row with only the cells `ids` reads filled in. */
  private readonly cells: string[];

  constructor(
    private readonly mapper: SignInCsvMapper,
    width: number,
    private readonly dictionary: ValueDictionary,
  ) {
    this.cache = new CellGroupCache(mapper.groupColumns);
    this.cells = new Array<string>(width).fill('');
  }

  /** The request and correlation ids of row `r` (a row the parser kept). */
  ids(c: CellChunk, r: number): SignInIds {
    const base = c.rowCell[r] as number;
    for (const col of this.mapper.idColumns) this.cells[col] = cellValue(c, base + col);
    return this.mapper.ids(this.cells);
  }

  /** Sets `refs[g]` for each of the writer's groups of row `r`. */
  fill(c: CellChunk, r: number, order: DateOrder, refs: (number | null)[]): void {
    const base = c.rowCell[r] as number;
    let record: SignInRecord | null = null;
    for (const g of WRITER_GROUPS) {
      let id = this.cache.find(g, c, base);
      if (id === undefined) {
        record ??= this.record(c, r, order);
        const fields = GROUP_FIELDS[g] as (typeof GROUP_FIELDS)[number];
        id = groupKey(record, fields) == null ? -1 : this.dictionary.id(groupValue(record, fields));
        if (this.cache.size >= MAX_REMEMBERED) this.cache.clear();
        else this.cache.remember(g, id);
      }
      refs[g] = id < 0 ? null : id;
    }
  }

  private record(c: CellChunk, r: number, order: DateOrder): SignInRecord {
    const mapped = this.mapper.map(rowFields(c, r), order);
    if (!mapped.ok) throw new Error(`A sign-in row the parser kept was rejected by the writer (${mapped.reason}).`);
    return mapped.record;
  }
}
