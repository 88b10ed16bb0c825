import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import { openDatabase } from '../../../electron/engine/db/open';

/** An engagement as version 3 wrote it: one value id per sign-in field. */
function version3(path: string): void {
  const db = new Database(path);
  for (const m of MIGRATIONS.filter((x) => x.version <= 3)) db.exec(m.sql);
  db.pragma('user_version = 3');
  db.exec(`INSERT INTO imported_files (id, name, path, size, sha256, kind, encoding, delimiter, rows_imported, rows_rejected, rows_duplicate, imported_at, duration_ms)
           VALUES (1, 'f.csv', '/f.csv', 1, 'x', 'signins.portal.interactive.csv', 'utf-8', ',', 2, 0, 0, '2026-11-01T00:00:00Z', 1)`);
  const value = db.prepare('INSERT INTO signin_values (value) VALUES (?)');
  const id = (v: string): number => Number(value.run(v).lastInsertRowid);
  const [user, upn, agent, ip, country, ok, sfa, msi] = ['u-1', 'a@contoso.com', 'python-requests/2.31.0', '203.0.113.9', 'CH', 'success', 'singleFactorAuthentication', 'userAssigned'].map(id);
  db.prepare(`INSERT INTO signins (request_id, category, time_ms, correlation_id, error_code, file_id, line, user_id_ref, upn_ref, user_agent_ref, ip_ref, country_ref, status_ref, auth_requirement_ref)
              VALUES ('r-1', 'interactive', 1000, 'c-1', 0, 1, 2, ?, ?, ?, ?, ?, ?, ?)`).run(user, upn, agent, ip, country, ok, sfa);
  db.prepare(`INSERT INTO signins (request_id, category, time_ms, file_id, line, msi_type_ref, ip_ref) VALUES ('r-2', 'managed_identity', 2000, 1, 3, ?, ?)`).run(msi, ip);
  db.close();
}

describe('migration 4 (sign-in value groups)', () => {
  it('converts existing sign-ins without losing or changing a value', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nhi-m4-')), 'e.nhiaudit');
    version3(path);
    const db = openDatabase(path, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const rows = db.prepare(`SELECT * FROM signin_view ORDER BY request_id`).all() as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({
      request_id: 'r-1', category: 'interactive', time_ms: 1000, correlation_id: 'c-1', error_code: 0, line: 2,
      user_id: 'u-1', upn: 'a@contoso.com', user_display_name: null, user_agent: 'python-requests/2.31.0', client_app: null,
      ip: '203.0.113.9', country: 'CH', city: null, status: 'success', auth_requirement: 'singleFactorAuthentication', msi_type: null,
    });
    expect(rows[1]).toMatchObject({ request_id: 'r-2', msi_type: 'userAssigned', associated_resource_id: null, ip: '203.0.113.9', user_id: null });
    // The shared IP is one stored combination; groups with no value store no id.
    expect(db.prepare(`SELECT count(DISTINCT ip_ref) AS n, count(principal_ref) AS p, count(device_ref) AS d FROM signins`).get()).toEqual({ n: 1, p: 1, d: 0 });
    expect(db.prepare(`SELECT value FROM signin_values WHERE id = (SELECT principal_ref FROM signins WHERE request_id = 'r-1')`).get()).toEqual({
      value: '["u-1","a@contoso.com",null,null,null,null,null]',
    });
    db.close();
  });
});
