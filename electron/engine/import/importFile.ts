import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportOutcome, Rejection } from '../../../shared/contract/dto';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/domain/importKinds';
import { detectCsvKind } from '../../../shared/parse/detect';
import { indexHeader } from '../../../shared/parse/headers';
import { DateOrderDetector, type DateOrder } from '../../../shared/parse/values';
import type { Db } from '../db/open';
import { openCsv, type CsvRow } from './csvRows';
import { rowHandler } from './kindHandlers';
import { sniffFile } from './sniff';

export interface FileProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface ImportFileOptions {
  db: Db;
  path: string;
  kindOverride?: ImportKind | undefined;
  signal: AbortSignal;
  onProgress: (p: FileProgress) => void;
}

/** Rows after which progress is reported and cancellation checked. */
const BATCH = 2000;
/** Rows read before deciding a file's date order. */
const DATE_PROBE_ROWS = 2000;
const MAX_KEPT_REJECTIONS = 100;
/** The portal's download caps: a file of exactly this many rows was probably cut off. */
const PORTAL_CAPS = [100_000, 250_000];

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('The import was cancelled; the engagement is as it was before this file.');
  }
}

function outcome(path: string, partial: Partial<ImportOutcome>): ImportOutcome {
  return {
    path,
    name: basename(path),
    status: 'failed',
    kind: null,
    sha256: null,
    rowsImported: 0,
    rowsRejected: 0,
    rowsDuplicate: 0,
    warnings: [],
    rejections: [],
    error: null,
    ...partial,
  };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Imports one file in one transaction: a cancelled or failed file leaves the engagement exactly as
 * it was. Queries run on a separate connection, so they never see a half-imported file.
 */
export async function importFile(opts: ImportFileOptions): Promise<ImportOutcome> {
  const { db, path, signal } = opts;
  const started = Date.now();
  const { size } = await stat(path);
  // Hash up front only when a file of the same size exists: otherwise it cannot be a re-import,
  // and the hash is computed in the same pass that parses the file.
  const sameSize = db.prepare('SELECT name FROM imported_files WHERE size = ?').all(size) as { name: string }[];
  if (sameSize.length > 0) {
    const sha = await hashFile(path);
    const prior = db.prepare('SELECT name, imported_at FROM imported_files WHERE sha256 = ?').get(sha) as
      | { name: string; imported_at: string }
      | undefined;
    if (prior) {
      return outcome(path, {
        status: 'skipped',
        sha256: sha,
        warnings: [`Already imported (identical to ${prior.name}, imported ${prior.imported_at}); skipped.`],
      });
    }
  }
  if (size === 0) return outcome(path, { error: 'The file is empty.' });
  const sniffed = await sniffFile(path);
  if (sniffed.looksBinary) {
    return outcome(path, { error: 'This is not a text export (it contains binary data). Supported inputs are CSV exports.' });
  }
  const trimmed = sniffed.head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return outcome(path, {
      status: 'skipped',
      error: 'This is a JSON export, which this version does not import yet (it imports the sign-in CSVs of the Entra portal and Log Analytics, and the users CSV).',
    });
  }

  const csv = await openCsv(path, sniffed);
  const index = indexHeader(csv.header);
  // Some exports name their table in every row (Log Analytics `Type`): detection may need the first one.
  const rowIterator = csv.rows[Symbol.asyncIterator]();
  const firstRow = await rowIterator.next();
  const lookahead: CsvRow[] = firstRow.done ? [] : [firstRow.value];
  let kind: ImportKind;
  if (opts.kindOverride) {
    kind = opts.kindOverride;
  } else {
    const detection = detectCsvKind(index, path, lookahead[0]?.fields);
    if (detection.status !== 'detected') {
      csv.destroy();
      const error =
        detection.status === 'ambiguous'
          ? detection.message
          : detection.status === 'unsupported'
            ? `Recognised as ${detection.looksLike}, which this version does not import yet.`
            : `Not a recognised export: it looks like ${detection.looksLike}.`;
      return outcome(path, { status: detection.status === 'unsupported' ? 'skipped' : 'failed', error });
    }
    kind = detection.kind;
  }

  const rejections: Rejection[] = [];
  let rejected = 0;
  let imported = 0;
  let duplicates = 0;
  let rowsRead = 0;
  let firstMs: number | null = null;
  let lastMs: number | null = null;
  const warnings: string[] = [];

  db.exec('BEGIN');
  try {
    const fileId = Number(
      db
        .prepare(
          `INSERT INTO imported_files (name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected,
             rows_duplicate, imported_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0)`,
        )
        .run(basename(path), path, size, `pending:${started}:${Math.random()}`, kind, sniffed.encoding, sniffed.delimiter, new Date().toISOString())
        .lastInsertRowid,
    );
    const handler = rowHandler(kind, index, db, fileId);
    warnings.push(...handler.warnings);
    const unknown = [...new Set(index.names.filter((n) => n !== '' && !handler.known.has(n)))];
    if (unknown.length > 0) warnings.push(`Columns not imported (not understood by this version): ${unknown.join(', ')}.`);

    const orderDetector = new DateOrderDetector();
    let order: DateOrder = 'month-first';
    const width = csv.header.length;
    const process = (row: CsvRow): void => {
      rowsRead++;
      if (row.fields.length !== width) {
        rejected++;
        if (rejections.length < MAX_KEPT_REJECTIONS) {
          const spans = row.fields.reduce((n, f) => n + (f.split('\n').length - 1), 0);
          const reason =
            spans > 0
              ? `has ${row.fields.length} fields where the header has ${width}, and runs over ${spans + 1} lines: probably an unbalanced quote, which hides the lines after it`
              : `has ${row.fields.length} fields where the header has ${width}`;
          rejections.push({ line: row.line, reason });
        }
        return;
      }
      const result = handler.handle(row.fields, row.line, order);
      if (result.status === 'imported') {
        imported++;
        if (result.timeMs != null) {
          if (firstMs == null || result.timeMs < firstMs) firstMs = result.timeMs;
          if (lastMs == null || result.timeMs > lastMs) lastMs = result.timeMs;
        }
      } else if (result.status === 'duplicate') {
        duplicates++;
      } else {
        rejected++;
        if (rejections.length < MAX_KEPT_REJECTIONS) rejections.push({ line: row.line, reason: result.reason });
      }
    };

    const probe: CsvRow[] = [];
    let probing = handler.dateCell != null;
    const report = (): void => opts.onProgress({ bytes: csv.bytesRead(), totalBytes: size, rows: rowsRead });
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
      if (rowsRead % BATCH === 0) {
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
      warnings.push('Dates in this file mix day-first and month-first forms; some dates may be wrong. Check the export settings.');
    } else if (decision.ambiguous) {
      warnings.push(`Dates such as 5/6/2026 could be day-first or month-first; no value proved either, so month-first (US) was assumed.`);
    } else if (decision.seen > 0 && decision.order === 'day-first') {
      warnings.push('Dates are day-first (a value above 12 in the first position proved it).');
    }
    if (PORTAL_CAPS.includes(rowsRead)) {
      warnings.push(`Exactly ${rowsRead.toLocaleString('en-US')} rows: the portal caps downloads at this size, so this export is probably cut off. Export by shorter date ranges or through the Graph API.`);
    }
    if (duplicates > 0) {
      warnings.push(`${duplicates.toLocaleString('en-US')} ${handler.noun} were already in the engagement (overlapping exports); each is counted once.`);
    }
    if (rowsRead === 0) warnings.push('The file has a header but no rows.');
    warnings.push(...handler.finalWarnings());

    const sha = csv.sha256();
    const prior = db.prepare('SELECT name FROM imported_files WHERE sha256 = ?').get(sha) as { name: string } | undefined;
    if (prior) {
      db.exec('ROLLBACK');
      return outcome(path, { status: 'skipped', kind, sha256: sha, warnings: [`Already imported (identical to ${prior.name}); skipped.`] });
    }
    db.prepare(
      `UPDATE imported_files SET sha256 = ?, rows_imported = ?, rows_rejected = ?, rows_duplicate = ?, first_time = ?, last_time = ?,
         warnings = ?, rejections = ?, duration_ms = ? WHERE id = ?`,
    ).run(
      sha,
      imported,
      rejected,
      duplicates,
      firstMs == null ? null : new Date(firstMs).toISOString(),
      lastMs == null ? null : new Date(lastMs).toISOString(),
      JSON.stringify(warnings),
      JSON.stringify(rejections),
      Date.now() - started,
      fileId,
    );
    db.exec('COMMIT');
    return outcome(path, {
      status: 'imported',
      kind,
      sha256: sha,
      rowsImported: imported,
      rowsRejected: rejected,
      rowsDuplicate: duplicates,
      warnings: imported === 0 && rowsRead > 0 ? [...warnings, `No row of this ${IMPORT_KIND_LABELS[kind]} file could be imported.`] : warnings,
      rejections,
    });
  } catch (err) {
    csv.destroy();
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
