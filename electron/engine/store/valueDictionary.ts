import type { Statement } from 'better-sqlite3';
import { detach } from '../../../shared/parse/detach';
import type { Db } from '../db/open';

/** Combinations cached in memory at most; beyond that the cache restarts, so memory stays flat. */
const MAX_CACHED = 100_000;

/**
 * Maps each distinct stored value (a group's combination as JSON, see SIGNIN_VALUE_GROUPS) to
 * its id in `signin_values`, inserting new ones. One instance lives for one file's transaction:
 * if that transaction rolls back, so do the ids it handed out.
 */
export class ValueDictionary {
  private cache = new Map<string, number>();
  private readonly find: Statement<[string], { id: number }>;
  private readonly add: Statement<[string]>;

  constructor(db: Db) {
    this.find = db.prepare(`SELECT id FROM signin_values WHERE value = ?`);
    this.add = db.prepare(`INSERT INTO signin_values (value) VALUES (?)`);
  }

  /** The id of a stored value. */
  id(value: string): number {
    return this.find.get(value)?.id ?? Number(this.add.run(value).lastInsertRowid);
  }

  /** The id of the value a cheap in-memory key stands for; `value` is called only on a cache miss. */
  idByKey(key: string, value: () => string): number {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const id = this.id(value());
    if (this.cache.size >= MAX_CACHED) this.cache = new Map();
    this.cache.set(detach(key), id);
    return id;
  }
}
