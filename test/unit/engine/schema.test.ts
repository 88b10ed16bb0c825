import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/open';
import { SCHEMA_VERSION } from '../../../electron/engine/db/migrations';

const SNAPSHOT = resolve(import.meta.dirname, 'schema.snapshot.json');

function columns(path: string): Record<string, string[]> {
  const db = openDatabase(path, { create: true });
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    out[t.name] = (db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(t.name) as { name: string; type: string }[]).map(
      (c) => `${c.name} ${c.type}`,
    );
  }
  db.close();
  return out;
}

const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'nhi-schema-')), 'e.nhiaudit');

describe('engagement schema', () => {
  it('keeps every column of the snapshot (a dropped or retyped column fails here)', () => {
    const actual = columns(tmp());
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string[]>;
    for (const [table, cols] of Object.entries(expected)) {
      expect(actual[table], `table ${table}`).toBeDefined();
      for (const c of cols) expect(actual[table], `${table}.${c}`).toContain(c);
    }
  });

  it('uses STRICT tables, WAL and records the version', () => {
    const path = tmp();
    const db = openDatabase(path, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table'`).all() as { sql: string }[];
    for (const s of sql) expect(s.sql).toMatch(/\)\s*STRICT$/u);
    db.close();
  });

  it('refuses a file from a newer version and leaves it unchanged', () => {
    const path = tmp();
    openDatabase(path, { create: true }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path, { create: false })).toThrow(/newer version of nhi-audit/u);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database, and a foreign database', () => {
    const notDb = tmp();
    writeFileSync(notDb, 'hello, this is a CSV\n1,2,3\n');
    expect(() => openDatabase(notDb, { create: false })).toThrow(/not an nhi-audit engagement/u);
    const foreign = tmp();
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openDatabase(foreign, { create: false })).toThrow(/not an nhi-audit engagement/u);
  });

  it('migrates in a transaction: a failing migration leaves version and tables untouched', async () => {
    const { migrate } = await import('../../../electron/engine/db/open');
    const { MIGRATIONS } = await import('../../../electron/engine/db/migrations');
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE ok_table (x INTEGER) STRICT; THIS IS NOT SQL;' }];
    (MIGRATIONS as typeof broken).push(broken[broken.length - 1] as (typeof broken)[number]);
    try {
      expect(() => migrate(db, ':memory:')).toThrow();
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_table'`).get()).toEqual({ n: 0 });
    } finally {
      (MIGRATIONS as typeof broken).pop();
    }
  });
});
