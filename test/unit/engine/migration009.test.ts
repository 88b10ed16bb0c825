import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import { openDatabase } from '../../../electron/engine/db/open';
import { identityPageSql } from '../../../electron/engine/queries/identities';
import type { IdentityQuery } from '../../../shared/contract/dto';

const plan = (db: Database.Database, sql: string, params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 9 (identity list indexes)', () => {
  it('replaces the findings index by one on identity and severity, and indexes the display order', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nhi-m9-')), 'e.nhiaudit');
    const v8 = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version <= 8)) v8.exec(m.sql);
    v8.pragma('user_version = 8');
    v8.exec(`
      INSERT INTO identities (id, kind, object_id, display_name) VALUES (1, 'user', 'u-1', 'Bea'), (2, 'user', 'u-2', 'alex');
      INSERT INTO findings (rule_id, identity_id, severity, title, computed_at) VALUES ('r', 1, 'high', 't', 'x');`);
    v8.close();

    const db = openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('findings', 'identities')`).pluck().all() as string[]).sort();
    expect(indexes).toContain('findings_identity_severity');
    expect(indexes).toContain('identities_display_order');
    expect(indexes).not.toContain('findings_identity');
    db.close();
  });

  it('lets the identity pages use them: no sort of the tenant by name, findings read from the index', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'nhi-m9-')), 'e.nhiaudit'), { create: true });
    const sql = (q: IdentityQuery) => identityPageSql(q);
    const byName = sql({});
    expect(plan(db, byName.page, byName.params)).toMatch(/USING (COVERING )?INDEX identities_display_order/u);
    expect(plan(db, byName.page, byName.params)).not.toMatch(/TEMP B-TREE/u);
    const descending = sql({ descending: true, classes: ['human'] });
    expect(plan(db, descending.page, descending.params)).toMatch(/INDEX identities_display_order/u);
    const severe = sql({ severities: ['critical', 'high'] });
    for (const s of [severe.count, severe.page]) expect(plan(db, s, severe.params)).toMatch(/COVERING INDEX findings_identity_severity \(identity_id=\? AND severity=\?\)/u);
    const worst = sql({ sort: 'findings' });
    expect(plan(db, worst.page, worst.params)).toMatch(/COVERING INDEX findings_identity_severity \(identity_id=\?\)/u);
    const roles = sql({ sources: ['role_assignments'] });
    expect(plan(db, roles.count, roles.params)).toMatch(/INDEX role_assignments_identity/u);
    db.close();
  });
});
