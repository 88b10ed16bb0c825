import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { SIGNIN_COLUMNS } from './signInWriter';

/** Rows bound by one INSERT: each statement run costs about as much as binding a whole row. */
const ROWS_PER_INSERT = 50;
const WIDTH = SIGNIN_COLUMNS.length;
const INDEX = 'signins_request';
/**
 * Page cache while rows are appended and while the indexes are built (negative: KiB). Appending
 * touches each page once, so a big cache only holds memory; the sorter's runs are as large as the
 * cache, and smaller runs measured as fast.
 */
const BULK_CACHE = -4096;

const insertSql = (rows: number): string =>
  `INSERT INTO signins (${SIGNIN_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${SIGNIN_COLUMNS.map(() => '?').join(', ')})`).join(', ')}`;

/** What `finish` found: sign-ins of this file whose request id was already stored, now removed. */
export interface BulkOutcome {
  duplicates: number;
  /** The file's remaining time range, when duplicates were removed (they may have widened it). */
  range: { first: number | null; last: number | null } | null;
}

/**
 * Writes a big sign-in file with the sign-in indexes dropped and built again at the end, inside
 * the file's transaction (a cancel or crash restores them with everything else). Keeping them up
 * to date row by row was most of the writing time, the unique request-id index above all: request
 * ids are random, so every insert lands on a different page, and past a few hundred thousand rows
 * those pages no longer fit in the page cache; built at the end, each is one sort. Overlapping
 * exports are still counted once: if the index cannot be built because a request id repeats,
 * every copy after the first (the one already stored, or the file's first) is removed, as INSERT
 * OR IGNORE would have skipped it. Rows are inserted several to a statement.
 */
export class BulkSignInWriter {
  private readonly many: Statement<unknown[]>;
  private readonly one: Statement<unknown[]>;
  private readonly params: unknown[] = new Array(ROWS_PER_INSERT * WIDTH);
  private readonly single: unknown[] = new Array(WIDTH);
  private pending = 0;

  private constructor(
    private readonly db: Db,
    /** The page cache setting to restore. */
    private readonly cache: number,
    /** The indexes dropped, the request-id one last. */
    private readonly indexes: readonly { name: string; sql: string }[],
    /** Rowids up to this one were stored before the file. */
    private readonly stored: number,
  ) {
    this.many = db.prepare(insertSql(ROWS_PER_INSERT));
    this.one = db.prepare(insertSql(1));
  }

  /**
   * Starts a bulk write when it pays: when the sign-ins already stored are no more than the file
   * is expected to add (rebuilding the index covers them too). Null: write row by row instead.
   */
  static begin(db: Db, expectedRows: number): BulkSignInWriter | null {
    // Indexes SQLite made for a constraint have no SQL and cannot be dropped: they stay.
    const indexes = db
      .prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signins' AND sql IS NOT NULL`)
      .all()
      .sort((a, b) => Number(a.name === INDEX) - Number(b.name === INDEX));
    const stored = db.prepare<[], number | null>('SELECT max(rowid) FROM signins').pluck().get() ?? 0;
    if (indexes.at(-1)?.name !== INDEX || stored > expectedRows) return null;
    for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
    const cache = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${BULK_CACHE}`);
    return new BulkSignInWriter(db, cache, indexes, stored);
  }

  /** SignInWriter.writeRefs without the answer: whether the request id was new is known at `finish`. */
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
  ): void {
    const p = this.params;
    const o = this.pending * WIDTH;
    p[o] = requestId;
    p[o + 1] = category;
    p[o + 2] = timeMs;
    p[o + 3] = identityId;
    p[o + 4] = correlationId;
    p[o + 5] = asn;
    p[o + 6] = errorCode;
    p[o + 7] = fileId;
    p[o + 8] = line;
    for (let i = 0; i < refs.length; i++) p[o + 9 + i] = refs[i];
    if (++this.pending === ROWS_PER_INSERT) {
      this.many.run(p);
      this.pending = 0;
    }
  }

  /** Inserts what is pending, removes repeated request ids and builds the indexes again. */
  finish(fileId: number): BulkOutcome {
    for (let r = 0; r < this.pending; r++) {
      for (let i = 0; i < WIDTH; i++) this.single[i] = this.params[r * WIDTH + i];
      this.one.run(this.single);
    }
    this.pending = 0;
    // The parsing thread is done by now: the sort may use the other core.
    const threads = this.db.pragma('threads', { simple: true }) as number;
    this.db.pragma('threads = 1');
    try {
      const request = this.indexes.at(-1)?.sql as string;
      for (const { sql } of this.indexes.slice(0, -1)) this.db.exec(sql);
      try {
        this.db.exec(request);
        return { duplicates: 0, range: null };
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      }
      const duplicates = this.removeRepeats();
      this.db.exec(request);
      const range = this.db
        .prepare<[number], { first: number | null; last: number | null }>('SELECT min(time_ms) AS first, max(time_ms) AS last FROM signins WHERE file_id = ?')
        .get(fileId) ?? { first: null, last: null };
      return { duplicates, range };
    } finally {
      this.db.pragma(`threads = ${threads}`);
      this.release();
    }
  }

  /** Gives the connection its page cache back; also when the import stops before `finish`. */
  release(): void {
    this.db.pragma(`cache_size = ${this.cache}`);
  }

  /** Deletes every sign-in whose request id an earlier row (a lower rowid) already has. */
  private removeRepeats(): number {
    this.db.exec(`CREATE INDEX signins_request_repeats ON signins(request_id)`);
    const removed = this.db
      .prepare<[number]>(
        `DELETE FROM signins WHERE rowid IN (SELECT rowid FROM (SELECT rowid, request_id = lag(request_id) OVER (ORDER BY request_id, rowid) AS repeat
           FROM signins) WHERE repeat AND rowid > ?)`,
      )
      .run(this.stored).changes;
    this.db.exec(`DROP INDEX signins_request_repeats`);
    return removed;
  }
}
