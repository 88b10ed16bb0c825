import { flagsFromWarnings } from '../../../shared/coverage/flags';
import type { ImportKind } from '../../../shared/domain/importKinds';
import type { Db } from '../db/open';
import type { InputSource } from './source';
import type { Tally } from './tally';

export type TransactionResult = { status: 'imported'; sha256: string; fileId: number } | { status: 'duplicate'; sha256: string; priorName: string };

/**
 * Runs one input's import inside one transaction with its provenance record: a failure, a cancel
 * or a crash leaves the engagement exactly as it was before this input. The writer connection is
 * used only by the job runner, so the transaction may span awaits; queries use another connection.
 */
export async function inFileTransaction(
  db: Db,
  source: InputSource,
  kind: ImportKind,
  format: { encoding: string; delimiter: string },
  tally: Tally,
  work: (fileId: number) => Promise<{ sha256: string }>,
): Promise<TransactionResult> {
  const started = Date.now();
  db.exec('BEGIN');
  try {
    const fileId = Number(
      db
        .prepare(
          `INSERT INTO imported_files (name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected,
             rows_duplicate, imported_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0)`,
        )
        .run(source.name, source.path, source.size, `pending:${started}:${Math.random()}`, kind, format.encoding, format.delimiter, new Date().toISOString())
        .lastInsertRowid,
    );
    const { sha256 } = await work(fileId);
    const prior = db.prepare('SELECT name FROM imported_files WHERE sha256 = ?').get(sha256) as { name: string } | undefined;
    if (prior) {
      db.exec('ROLLBACK');
      return { status: 'duplicate', sha256, priorName: prior.name };
    }
    db.prepare(
      `UPDATE imported_files SET sha256 = ?, rows_imported = ?, rows_rejected = ?, rows_duplicate = ?, first_time = ?, last_time = ?,
         warnings = ?, rejections = ?, duration_ms = ?, flags = ? WHERE id = ?`,
    ).run(
      sha256,
      tally.imported,
      tally.rejected,
      tally.duplicates,
      tally.firstMs == null ? null : new Date(tally.firstMs).toISOString(),
      tally.lastMs == null ? null : new Date(tally.lastMs).toISOString(),
      JSON.stringify(tally.warnings),
      JSON.stringify(tally.rejections),
      Date.now() - started,
      JSON.stringify([...new Set([...tally.flags, ...flagsFromWarnings(tally.warnings)])]),
      fileId,
    );
    db.exec('COMMIT');
    return { status: 'imported', sha256, fileId };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
