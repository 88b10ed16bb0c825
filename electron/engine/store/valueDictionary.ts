import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { detach } from '../../../shared/parse/detach';

/** Values cached in memory at most; beyond that the cache restarts, so memory stays flat. */
const MAX_CACHED = 100_000;

/**
 * Maps each distinct sign-in value to its id in `signin_values`, inserting new ones. One instance
 * lives for one file's transaction: if that transaction rolls back, so do the ids it handed out.
 */
export class ValueDictionary {
  private cache = new Map<string, number>();
  private readonly find: Statement<[string], { id: number }>;
  private readonly add: Statement<[string]>;

  constructor(db: Db) {
    this.find = db.prepare(`SELECT id FROM signin_values WHERE value = ?`);
    this.add = db.prepare(`INSERT INTO signin_values (value) VALUES (?)`);
  }

  id(value: string | null): number | null {
    if (value == null) return null;
    const hit = this.cache.get(value);
    if (hit !== undefined) return hit;
    const id = this.find.get(value)?.id ?? Number(this.add.run(value).lastInsertRowid);
    if (this.cache.size >= MAX_CACHED) this.cache = new Map();
    this.cache.set(detach(value), id);
    return id;
  }
}
