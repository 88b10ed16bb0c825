import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { UserFacingError } from '../../../shared/contract/result';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;


/** Opens (and migrates) an engagement file. `create` allows a new file; otherwise it must exist. */
export function openDatabase(path: string, options: { create: boolean; readonly?: boolean }): Db {
  if (!options.create && !existsSync(path)) {
    throw new UserFacingError(`The engagement file ${path} does not exist.`, 'ENGAGEMENT_NOT_FOUND');
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  } catch (err) {
    throw new UserFacingError(`Cannot open ${path}: ${(err as Error).message}`, 'ENGAGEMENT_UNREADABLE');
  }
  try {
    // Reading the header first turns "file is not a database" into a message a consultant understands.
    db.pragma('schema_version', { simple: true });
  } catch {
    db.close();
    throw new UserFacingError(
      `${path} is not an nhi-audit engagement (it is not a SQLite database, or it is damaged).`,
      'ENGAGEMENT_NOT_SQLITE',
    );
  }
  if (options.readonly) {
    checkVersion(db, path);
    return db;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 32 MB page cache instead of SQLite's 2 MB: inserts keyed by random request ids touch pages all
  // over the primary-key index. Measured on a 1M-row import: 16, 32 and 64 MB import equally fast,
  // and every MB here is resident memory, so it stays modest.
  db.pragma('cache_size = -16384');
  try {
    migrate(db, path);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function checkVersion(db: Db, path: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new UserFacingError(
      `${path} was written by a newer version of nhi-audit (engagement format ${version}; this version understands up to ${SCHEMA_VERSION}). ` +
        'Open it with the newer version; it has not been changed.',
      'ENGAGEMENT_FROM_NEWER_VERSION',
    );
  }
  return version;
}

/** Runs every pending migration, each in its own transaction together with its version bump. */
export function migrate(db: Db, path: string): void {
  const version = checkVersion(db, path);
  if (version === 0) assertNotForeign(db, path);
  for (const migration of MIGRATIONS) {
    if (migration.version <= version) continue;
    // PRAGMA foreign_keys is ignored inside a transaction: switch it off before, check, switch it back.
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`Migration ${migration.version} would break ${broken.length} references; the engagement was not changed.`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
}

/** A SQLite file with tables but no version is somebody else's database: refuse rather than mix schemas. */
function assertNotForeign(db: Db, path: string): void {
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
  if (tables.n > 0) {
    throw new UserFacingError(
      `${path} is a SQLite database but not an nhi-audit engagement; it has not been changed.`,
      'ENGAGEMENT_FOREIGN_DATABASE',
    );
  }
}

