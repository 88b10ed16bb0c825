import type { ImportKind } from '../../../../shared/domain/importKinds';
import { detectCsvKind, type Detection } from '../../../../shared/parse/detect';
import { indexHeader } from '../../../../shared/parse/headers';
import { SIGNIN_CSV_CATEGORY } from '../../../../shared/parse/signInMappers';
import type { Db } from '../../db/open';
import { CancelledError } from '../cancelled';
import { openCsv, type CsvRow } from '../csvRows';
import { inFileTransaction, type TransactionResult } from '../fileTransaction';
import type { ImportContext } from '../importContext';
import type { Sniffed } from '../sniff';
import type { Tally } from '../tally';
import { dateOrderWarning, widthMismatch, withDateOrder } from './dateProbe';
import { rowHandler } from './handlers';
import { importSignInsInParallel } from './parallelSignIns';

/** Rows after which progress is reported and cancellation checked. */
const BATCH = 2000;
/** The portal's download caps: a file of exactly this many rows was probably cut off. */
const PORTAL_CAPS = [100_000, 250_000];

export type CsvImportResult = { status: 'undetected'; detection: Exclude<Detection, { status: 'detected' }> } | ({ kind: ImportKind } & TransactionResult);

/** Warnings every CSV kind shares, known once all rows have been read. */
function closingWarnings(tally: Tally, noun: string, dateWarning: string | null): void {
  if (dateWarning) tally.warn(dateWarning);
  if (PORTAL_CAPS.includes(tally.rowsRead)) {
    tally.flag(
      'truncated_at_cap',
      `Exactly ${tally.rowsRead.toLocaleString('en-US')} rows: the portal caps downloads at this size, so this export is probably cut off. Export by shorter date ranges or through the Graph API.`,
    );
  }
  if (tally.duplicates > 0) {
    tally.warn(`${tally.duplicates.toLocaleString('en-US')} ${noun} were already in the engagement (overlapping exports); each is counted once.`);
  }
  if (tally.rowsRead === 0) tally.warn('The file has a header but no rows.');
}

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
  // Big sign-in files are parsed on a second thread while this one writes (see parallelSignIns.ts).
  const parallel = SIGNIN_CSV_CATEGORY[kind] != null && ctx.parserPath != null && source.filePath != null;
  if (parallel) csv.destroy();

  try {
    const result = await inFileTransaction(db, source, kind, sniffed, tally, async (fileId) => {
      const handler = rowHandler(kind, index, db, fileId);
      for (const w of handler.warnings) tally.warn(w);
      for (const f of handler.headerFlags ?? []) tally.flag(f.code, f.message);
      const unknown = [...new Set(index.names.filter((n) => n !== '' && !handler.known.has(n)))];
      if (unknown.length > 0) tally.warn(`Columns not imported (not understood by this version): ${unknown.join(', ')}.`);

      if (parallel) {
        const r = await importSignInsInParallel(db, ctx, sniffed, kind, index, fileId, ctx.parserPath as string, source.filePath as string);
        closingWarnings(tally, handler.noun, r.dateWarning);
        for (const w of r.finalWarnings) tally.warn(w);
        return { sha256: r.sha256 };
      }

      const width = csv.header.length;
      const allRows = (async function* (): AsyncGenerator<CsvRow> {
        yield* lookahead;
        for (let r = await rowIterator.next(); !r.done; r = await rowIterator.next()) yield r.value;
      })();
      const { rows, detector } = withDateOrder(allRows, handler.dateCell);
      const report = (): void => ctx.onProgress({ bytes: csv.bytesRead(), totalBytes: source.size, rows: tally.rowsRead });
      for await (const { row, order } of rows) {
        tally.rowsRead++;
        if (row.fields.length !== width) {
          tally.reject(row.line, widthMismatch(row.fields, width));
        } else {
          const r = handler.handle(row.fields, row.line, order);
          if (r.status === 'imported') tally.accept(r.timeMs);
          else if (r.status === 'duplicate') tally.duplicates++;
          else tally.reject(row.line, r.reason);
        }
        if (tally.rowsRead % BATCH === 0) {
          if (signal.aborted) throw new CancelledError();
          report();
        }
      }
      if (signal.aborted) throw new CancelledError();
      report();
      closingWarnings(tally, handler.noun, dateOrderWarning(detector));
      for (const w of handler.finalWarnings()) tally.warn(w);
      for (const f of handler.finalFlags?.() ?? []) tally.flag(f.code, f.message);
      return { sha256: csv.sha256() };
    });
    return { kind, ...result };
  } catch (err) {
    csv.destroy();
    throw err;
  }
}
