import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import { openDatabase } from '../../../electron/engine/db/open';

describe('migration 5 (deleted principals)', () => {
  it('rebuilds identities keeping every row and reference, and makes deleted principals identities', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nhi-m5-')), 'e.nhiaudit');
    const v4 = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version <= 4)) v4.exec(m.sql);
    v4.pragma('user_version = 4');
    v4.exec(`
      INSERT INTO identities (id, kind, object_id, upn, tags) VALUES (7, 'user', 'u-7', 'a@contoso.com', '["x"]');
      INSERT INTO credentials (identity_id, type, key_id) VALUES (7, 'password', 'k-1');
      INSERT INTO role_assignments (system, principal_object_id, identity_id, principal_type, role_name, scope)
        VALUES ('azure', 'u-7', 7, 'User', 'Reader', '/subscriptions/s'),
               ('azure', 'gone-1', NULL, 'Unknown', 'Owner', '/subscriptions/s'),
               ('azure', 'gone-1', NULL, 'Unknown', 'Contributor', '/subscriptions/t'),
               ('azure', 'grp-1', NULL, 'Group', 'Reader', '/subscriptions/s');`);
    v4.close();

    const db = openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT id, kind, upn, tags FROM identities WHERE id = 7`).get()).toEqual({ id: 7, kind: 'user', upn: 'a@contoso.com', tags: '["x"]' });
    expect(db.prepare(`SELECT identity_id FROM credentials`).all()).toEqual([{ identity_id: 7 }]);
    expect(db.prepare(`SELECT kind, deleted FROM identities WHERE object_id = 'gone-1'`).all()).toEqual([{ kind: 'unknown', deleted: 1 }]);
    expect(db.prepare(`SELECT count(*) AS n FROM role_assignments WHERE principal_object_id = 'gone-1' AND identity_id IS NOT NULL`).get()).toEqual({ n: 2 });
    expect(db.prepare(`SELECT identity_id FROM role_assignments WHERE principal_type = 'Group'`).get()).toEqual({ identity_id: null });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
