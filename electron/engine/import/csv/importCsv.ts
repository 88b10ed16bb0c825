import type { ImportKind } from '../../../../shared/domain/importKinds';
import { detectCsvKind, type Detection } from '../../../../shared/parse/detect';
import { indexHeader } from '../../../../shared/parse/headers';
import { DateOrderDetector, type DateOrder } from '../../../../shared/parse/values';
import type { Db } from '../../db/open';
import { openCsv, type CsvRow } from '../csvRows';
import { inFileTransaction, type TransactionResult } from '../fileTransaction';
import type { ImportContext } from '../importContext';
import type { Sniffed } from '../sniff';
import { CancelledError } from '../cancelled';
import { rowHandler } from './handlers';

/** Rows after which progress is reported and cancellation checked. */
const BATCH = 2000;
/** Rows read before deciding a file's date order. */
const DATE_PROBE_ROWS = 2000;
/** The portal's download caps: a file of exactly this many rows was probably cut off. */
const PORTAL_CAPS = [100_000, 250_000];

export type CsvImportResult = { status: 'undetected'; detection: Exclude<Detection, { status: 'detected' }> } | ({ kind: ImportKind } & TransactionResult);

/** Imports one delimited text input: detect its kind from the header, then stream its rows. */
export async function importCsv(db: Db, ctx: ImportContext, sniffed: Sniffed): Promise<CsvImportResult> {
  const { source, tally, signal } = ctx;
  const csv = await openCsv(source, sniffed);
  const index = indexHeader(csv.header);
  // Some exports name their table in every row (Log Analytics `Type`): detection may need the first one.
  const rowIterator = csv.rows[Symbol.asyncIterator]();
  const firstRow = await rowIterator.next();
  const lookahead: CsvRow[] = firstRow.done ? [] : [firstRow.value];
  let kind: ImportKind;
  if (ctx.kindOverride) {
    kind = ctx.kindOverride;
  } else {
    const detection = detectCsvKind(index, source.name, lookahead[0]?.fields);
    if (detection.status !== 'detected') {
      csv.destroy();
      return { status: 'undetected', detection };
    }
    kind = detection.kind;
  }

  try {
    const result = await inFileTransaction(db, source, kind, sniffed, tally, async (fileId) => {
      const handler = rowHandler(kind, index, db, fileId);
      for (const w of handler.warnings) tally.warn(w);
      const unknown = [...new Set(index.names.filter((n) => n !== '' && !handler.known.has(n)))];
      if (unknown.length > 0) tally.warn(`Columns not imported (not understood by this version): ${unknown.join(', ')}.`);

      const orderDetector = new DateOrderDetector();
      let order: DateOrder = 'month-first';
      const width = csv.header.length;
      const process = (row: CsvRow): void => {
        tally.rowsRead++;
        if (row.fields.length !== width) {
          const spans = row.fields.reduce((n, f) => n + (f.split('\n').length - 1), 0);
          tally.reject(
            row.line,
            spans > 0
              ? `has ${row.fields.length} fields where the header has ${width}, and runs over ${spans + 1} lines: probably an unbalanced quote, which hides the lines after it`
              : `has ${row.fields.length} fields where the header has ${width}`,
          );
          return;
        }
        const r = handler.handle(row.fields, row.line, order);
        if (r.status === 'imported') tally.accept(r.timeMs);
        else if (r.status === 'duplicate') tally.duplicates++;
        else tally.reject(row.line, r.reason);
      };

      const probe: CsvRow[] = [];
      let probing = handler.dateCell != null;
      const report = (): void => ctx.onProgress({ bytes: csv.bytesRead(), totalBytes: source.size, rows: tally.rowsRead });
      const allRows = (async function* (): AsyncGenerator<CsvRow> {
        yield* lookahead;
        for (let r = await rowIterator.next(); !r.done; r = await rowIterator.next()) yield r.value;
      })();
      for await (const row of allRows) {
        if (probing) {
          orderDetector.observe(handler.dateCell?.(row.fields));
          probe.push(row);
          if (probe.length < DATE_PROBE_ROWS) continue;
          order = orderDetector.decision.order;
          probing = false;
          for (const r of probe) process(r);
          probe.length = 0;
        } else {
          if (handler.dateCell) orderDetector.observe(handler.dateCell(row.fields));
          process(row);
        }
        if (tally.rowsRead % BATCH === 0) {
          if (signal.aborted) throw new CancelledError();
          report();
        }
      }
      if (probing) {
        order = orderDetector.decision.order;
        for (const r of probe) process(r);
      }
      if (signal.aborted) throw new CancelledError();
      report();

      const decision = orderDetector.decision;
      if (decision.conflicting) {
        tally.warn('Dates in this file mix day-first and month-first forms; some dates may be wrong. Check the export settings.');
      } else if (decision.ambiguous) {
        tally.warn('Dates such as 5/6/2026 could be day-first or month-first; no value proved either, so month-first (US) was assumed.');
      } else if (decision.seen > 0 && decision.order === 'day-first') {
        tally.warn('Dates are day-first (a value above 12 in the first position proved it).');
      }
      if (PORTAL_CAPS.includes(tally.rowsRead)) {
        tally.warn(
          `Exactly ${tally.rowsRead.toLocaleString('en-US')} rows: the portal caps downloads at this size, so this export is probably cut off. Export by shorter date ranges or through the Graph API.`,
        );
      }
      if (tally.duplicates > 0) {
        tally.warn(`${tally.duplicates.toLocaleString('en-US')} ${handler.noun} were already in the engagement (overlapping exports); each is counted once.`);
      }
      if (tally.rowsRead === 0) tally.warn('The file has a header but no rows.');
      for (const w of handler.finalWarnings()) tally.warn(w);
      return { sha256: csv.sha256() };
    });
    return { kind, ...result };
  } catch (err) {
    csv.destroy();
    throw err;
  }
}
