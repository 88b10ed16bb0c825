import { DateOrderDetector, type DateOrder } from '../../../../shared/parse/values';
import type { CsvRow } from '../csvRows';
import { cellValue, type CellChunk } from '../csvTokenizer';

/** Rows read before deciding a file's date order. */
const DATE_PROBE_ROWS = 2000;

export interface OrderedRow {
  row: CsvRow;
  order: DateOrder;
}

/**
 * Streams rows with the file's date order (day-first or month-first): the first rows are held back
 * until their values decide it, later rows keep being observed so a contradiction is reported.
 */
export function withDateOrder(
  rows: AsyncIterable<CsvRow>,
  dateCell: ((fields: readonly string[]) => string | undefined) | null,
): { rows: AsyncGenerator<OrderedRow>; detector: DateOrderDetector } {
  const detector = new DateOrderDetector();
  async function* generate(): AsyncGenerator<OrderedRow> {
    if (!dateCell) {
      for await (const row of rows) yield { row, order: 'month-first' };
      return;
    }
    const held: CsvRow[] = [];
    let order: DateOrder | null = null;
    for await (const row of rows) {
      detector.observe(dateCell(row.fields));
      if (order) {
        yield { row, order };
        continue;
      }
      held.push(row);
      if (held.length < DATE_PROBE_ROWS) continue;
      order = detector.decision.order;
      for (const r of held) yield { row: r, order };
      held.length = 0;
    }
    if (!order) {
      const decided = detector.decision.order;
      for (const r of held) yield { row: r, order: decided };
    }
  }
  return { rows: generate(), detector };
}

/**
 * `withDateOrder` for rows that come a chunk at a time as cell positions (the sign-in parser
 * thread): whole chunks are held back until the first rows decide the order. The date is the
 * first non-empty cell of `dateColumns`, as the date column's picker reads it.
 */
export function chunksWithDateOrder(
  chunks: AsyncIterable<{ chunk: CellChunk; first: number }>,
  dateColumns: readonly number[],
): { chunks: AsyncGenerator<{ chunk: CellChunk; first: number; order: DateOrder }>; detector: DateOrderDetector } {
  const detector = new DateOrderDetector();
  const dateOf = (c: CellChunk, r: number): string | undefined => {
    const base = c.rowCell[r] as number;
    const width = (c.rowCell[r + 1] as number) - base;
    for (const col of dateColumns) {
      const v = col < width ? cellValue(c, base + col) : undefined;
      if (v !== undefined && v !== '') return v;
    }
    return undefined;
  };
  async function* generate(): AsyncGenerator<{ chunk: CellChunk; first: number; order: DateOrder }> {
    const held: { chunk: CellChunk; first: number }[] = [];
    let heldRows = 0;
    let order: DateOrder | null = dateColumns.length === 0 ? 'month-first' : null;
    for await (const c of chunks) {
      if (dateColumns.length > 0) for (let r = c.first; r < c.chunk.rows; r++) detector.observe(dateOf(c.chunk, r));
      if (order) {
        yield { ...c, order };
        continue;
      }
      held.push(c);
      heldRows += c.chunk.rows - c.first;
      if (heldRows < DATE_PROBE_ROWS) continue;
      order = detector.decision.order;
      for (const h of held) yield { ...h, order };
      held.length = 0;
    }
    if (!order) {
      const decided = detector.decision.order;
      for (const h of held) yield { ...h, order: decided };
    }
  }
  return { chunks: generate(), detector };
}

/** The warning, if any, that a file's dates deserve. */
export function dateOrderWarning(detector: DateOrderDetector): string | null {
  const d = detector.decision;
  if (d.conflicting) return 'Dates in this file mix day-first and month-first forms; some dates may be wrong. Check the export settings.';
  if (d.ambiguous) return 'Dates such as 5/6/2026 could be day-first or month-first; no value proved either, so month-first (US) was assumed.';
  if (d.seen > 0 && d.order === 'day-first') return 'Dates are day-first (a value above 12 in the first position proved it).';
  return null;
}

/** The rejection reason for a row whose field count differs from the header's. */
export function widthMismatch(fields: readonly string[], width: number): string {
  const spans = fields.reduce((n, f) => n + (f.split('\n').length - 1), 0);
  return spans > 0
    ? `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${width}, and runs over ${spans + 1} lines: probably an unbalanced quote, which hides the lines after it`
    : `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${width}`;
}
